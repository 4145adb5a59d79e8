/**
 * Which way a change to a rule goes. "Tighter" means less permissive for remote
 * participation (fewer may take part remotely, on fewer items, under more conditions).
 * Shared by the template diff, the validation against the law, and the property tests.
 */
import {
  DATA_RESIDENCY_REQUIREMENTS,
  EQUAL_TERMS_READINGS,
  IDENTITY_CHECKS,
  PRESIDIUM_ON_SITE_LEVELS,
  type BodyRules,
  type SupportRequirement,
  type TrainingRequirement,
} from './rule-set.js';

export type Change = 'tighter' | 'looser' | 'other';
export type Comparison = Change | 'same';

export interface RuleField {
  /** Dotted path inside a body's rules, e.g. "remoteParticipation.allowed". */
  path: string;
  get(rules: BodyRules): unknown;
  /** How `to` compares with `from`. */
  compare(from: unknown, to: unknown): Comparison;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** A tighter value is `tightValue`; anything else is the loose side. */
function flag(tightValue: boolean) {
  return (from: unknown, to: unknown): Comparison => {
    if (from === to) return 'same';
    if (typeof from !== 'boolean' || typeof to !== 'boolean') return 'other';
    return to === tightValue ? 'tighter' : 'looser';
  };
}

/** Later on the loosest-first scale is tighter. */
function scale<T>(values: readonly T[]) {
  return (from: unknown, to: unknown): Comparison => {
    if (from === to) return 'same';
    const a = values.indexOf(from as T);
    const b = values.indexOf(to as T);
    if (a < 0 || b < 0) return 'other';
    return b > a ? 'tighter' : 'looser';
  };
}

/** A number where lower is tighter; null means "no limit". */
function limit(from: unknown, to: unknown): Comparison {
  if (from === to) return 'same';
  const a = from === null ? Infinity : from;
  const b = to === null ? Infinity : to;
  if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)) return 'other';
  if (a === b) return 'same';
  return b < a ? 'tighter' : 'looser';
}

/** A number where higher is tighter. */
function minimum(from: unknown, to: unknown): Comparison {
  if (from === to) return 'same';
  if (typeof from !== 'number' || typeof to !== 'number' || Number.isNaN(from) || Number.isNaN(to)) return 'other';
  return to > from ? 'tighter' : 'looser';
}

function compareSets(from: ReadonlySet<string>, to: ReadonlySet<string>, biggerIsTighter: boolean): Comparison {
  const toCoversFrom = [...from].every((x) => to.has(x));
  const fromCoversTo = [...to].every((x) => from.has(x));
  if (toCoversFrom && fromCoversTo) return 'same';
  if (toCoversFrom) return biggerIsTighter ? 'tighter' : 'looser';
  if (fromCoversTo) return biggerIsTighter ? 'looser' : 'tighter';
  return 'other';
}

function stringSet(value: unknown): Set<string> | null {
  return Array.isArray(value) && value.every((x) => typeof x === 'string') ? new Set(value) : null;
}

/** More excluded kinds is tighter. */
function excludedKinds(from: unknown, to: unknown): Comparison {
  const a = stringSet(from);
  const b = stringSet(to);
  return a && b ? compareSets(a, b, true) : sameValue(from, to) ? 'same' : 'other';
}

/** Fewer approved platforms is tighter; null approves every platform. */
function platforms(from: unknown, to: unknown): Comparison {
  if (from === null && to === null) return 'same';
  if (from === null) return stringSet(to) ? 'tighter' : 'other';
  if (to === null) return stringSet(from) ? 'looser' : 'other';
  const a = stringSet(from);
  const b = stringSet(to);
  return a && b ? compareSets(a, b, false) : 'other';
}

function trainingKeys(value: unknown): Set<string> | null {
  if (!Array.isArray(value)) return null;
  const keys = new Set<string>();
  for (const requirement of value as TrainingRequirement[]) {
    if (!requirement || typeof requirement.moduleKey !== 'string') return null;
    const roles = Array.isArray(requirement.roles) ? [...requirement.roles].sort().join('+') : '*';
    keys.add(`${requirement.moduleKey}@${roles}`);
  }
  return keys;
}

/** More required modules is tighter. */
function training(from: unknown, to: unknown): Comparison {
  const a = trainingKeys(from);
  const b = trainingKeys(to);
  return a && b ? compareSets(a, b, true) : sameValue(from, to) ? 'same' : 'other';
}

export function supportCounts(value: unknown): Map<string, number> | null {
  if (!Array.isArray(value)) return null;
  const counts = new Map<string, number>();
  for (const requirement of value as SupportRequirement[]) {
    if (!requirement || typeof requirement.role !== 'string' || typeof requirement.count !== 'number') return null;
    counts.set(requirement.role, (counts.get(requirement.role) ?? 0) + requirement.count);
  }
  return counts;
}

/** More support required, role by role, is tighter. */
function support(from: unknown, to: unknown): Comparison {
  const a = supportCounts(from);
  const b = supportCounts(to);
  if (!a || !b) return sameValue(from, to) ? 'same' : 'other';
  let up = false;
  let down = false;
  for (const role of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(role) ?? 0;
    const y = b.get(role) ?? 0;
    if (y > x) up = true;
    if (y < x) down = true;
  }
  if (up && down) return 'other';
  return up ? 'tighter' : down ? 'looser' : 'same';
}

function other(from: unknown, to: unknown): Comparison {
  return sameValue(from, to) ? 'same' : 'other';
}

/** Optional nested values (company boards only) compare as "other" when one side lacks them. */
function nested(compare: (from: unknown, to: unknown) => Comparison) {
  return (from: unknown, to: unknown): Comparison => (from === undefined || to === undefined ? (from === to ? 'same' : 'other') : compare(from, to));
}

export const RULE_FIELDS: readonly RuleField[] = [
  { path: 'remoteParticipation.allowed', get: (r) => r.remoteParticipation?.allowed, compare: flag(false) },
  { path: 'remoteParticipation.decision', get: (r) => r.remoteParticipation?.decision ?? null, compare: other },
  { path: 'excludedItemKinds', get: (r) => r.excludedItemKinds, compare: excludedKinds },
  { path: 'equalTerms', get: (r) => r.equalTerms, compare: scale(EQUAL_TERMS_READINGS) },
  { path: 'maxRemoteParticipants', get: (r) => r.maxRemoteParticipants, compare: limit },
  { path: 'presidiumOnSite', get: (r) => r.presidiumOnSite, compare: scale(PRESIDIUM_ON_SITE_LEVELS) },
  { path: 'physicalPlaceRequired', get: (r) => r.physicalPlaceRequired, compare: flag(true) },
  { path: 'approvedPlatforms', get: (r) => r.approvedPlatforms, compare: platforms },
  { path: 'dataResidency', get: (r) => r.dataResidency, compare: scale(DATA_RESIDENCY_REQUIREMENTS) },
  { path: 'identityCheck', get: (r) => r.identityCheck, compare: scale(IDENTITY_CHECKS) },
  { path: 'requiredTraining', get: (r) => r.requiredTraining, compare: training },
  { path: 'requiredSupport', get: (r) => r.requiredSupport, compare: support },
  { path: 'companyBoard.consentOfAllMembersRequired', get: (r) => r.companyBoard?.consentOfAllMembersRequired, compare: nested(flag(true)) },
  { path: 'companyBoard.quorumMoreThanShare', get: (r) => r.companyBoard?.quorumMoreThanShare, compare: nested(minimum) },
  { path: 'companyBoard.documentsToAllRequired', get: (r) => r.companyBoard?.documentsToAllRequired, compare: nested(flag(true)) },
  { path: 'breakoutRooms.enabled', get: (r) => r.breakoutRooms?.enabled, compare: flag(false) },
  { path: 'breakoutRooms.minutesBefore', get: (r) => r.breakoutRooms?.minutesBefore, compare: limit },
  { path: 'breakoutRooms.duringRecesses', get: (r) => r.breakoutRooms?.duringRecesses, compare: flag(false) },
  { path: 'breakoutRooms.minutesAfter', get: (r) => r.breakoutRooms?.minutesAfter, compare: limit },
  { path: 'breakoutRooms.partyGroups', get: (r) => r.breakoutRooms?.partyGroups, compare: other },
  {
    path: 'breakoutRooms.invite',
    get: (r) => r.breakoutRooms?.invite,
    compare: (from, to) =>
      from === to
        ? 'same'
        : to === 'members_of_body' && from === 'members_and_deputies_of_body'
          ? 'tighter'
          : from === 'members_of_body' && to === 'members_and_deputies_of_body'
            ? 'looser'
            : 'other',
  },
];
