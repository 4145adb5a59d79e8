/**
 * Checks a municipal rule set against the law: a municipality may tighten what the law
 * requires, never loosen it. Returns violations with stable codes; an empty list means valid.
 * Also catches values that are simply malformed, since rule sets arrive as stored JSON.
 */
import { LAW_BASELINE } from './law-baseline.js';
import { LEGAL_BASIS, remoteBasisFor, type Basis } from './legal-basis.js';
import type { LocalizedText } from './findings.js';
import { REGIONAL_PLATFORM_CATALOG, type Platform } from './platform-catalog.js';
import { applyOverride } from './resolve-body-rules.js';
import {
  BODY_TYPES,
  DATA_RESIDENCY_REQUIREMENTS,
  EQUAL_TERMS_READINGS,
  IDENTITY_CHECKS,
  MEMBER_ROLES,
  PRESIDIUM_ON_SITE_LEVELS,
  SUPPORT_ROLES,
  isPoliticalBody,
  type BodyRules,
  type BodyType,
  type DecisionReference,
  type RuleSetContent,
} from './rule-set.js';
import { isIsoDate } from './stockholm-time.js';

export type ViolationCode =
  | 'EXCLUDED_KIND_REMOVED'
  | 'PHYSICAL_PLACE_NOT_REQUIRED'
  | 'PRESIDIUM_REQUIREMENT_LOOSENED'
  | 'REMOTE_DECISION_MISSING'
  | 'REMOTE_DECISION_NOT_BY_COUNCIL'
  | 'COMPANY_BOARD_CONSENT_NOT_REQUIRED'
  | 'COMPANY_BOARD_QUORUM_LOOSENED'
  | 'COMPANY_BOARD_DOCUMENTS_NOT_REQUIRED'
  | 'UNKNOWN_PLATFORM'
  | 'DECISION_REFERENCE_MISSING'
  | 'INVALID_VALUE';

export interface RuleViolation {
  code: ViolationCode;
  /** Where, e.g. "bodyTypes.council.excludedItemKinds" or "bodies.<id>.physicalPlaceRequired". */
  path: string;
  message: LocalizedText;
  basis: Basis;
}

/** A template has no decision of its own; a version does. */
export type ValidatableRuleSet = RuleSetContent & { decision?: DecisionReference; effectiveFrom?: string };

export interface ValidateOptions {
  platformCatalog?: readonly Platform[];
}

const INVALID_BASIS: Basis = { kind: 'local', reference: 'Regelverkets format' };

const BODY_TYPE_SV: Record<BodyType, string> = {
  council: 'kommunfullmäktige',
  executive_board: 'kommunstyrelsen',
  committee: 'nämnder',
  sub_committee: 'utskott',
  company_board: 'bolagsstyrelser',
};

function invalid(path: string, what: string): RuleViolation {
  return {
    code: 'INVALID_VALUE',
    path,
    message: { sv: `Ogiltigt värde för ${path}: ${what}.`, en: `Invalid value for ${path}: ${what}.` },
    basis: INVALID_BASIS,
  };
}

const isNonNegativeInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isNonBlank = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

function checkEnum<T>(out: RuleViolation[], path: string, values: readonly T[], value: unknown): boolean {
  if (values.includes(value as T)) return true;
  out.push(invalid(path, `expected one of ${values.join(', ')}`));
  return false;
}

function validateRemote(out: RuleViolation[], rules: BodyRules, type: BodyType, path: string, ruleSetDecision: DecisionReference | undefined): void {
  const remote = rules.remoteParticipation;
  if (!remote || typeof remote.allowed !== 'boolean') {
    out.push(invalid(`${path}.remoteParticipation.allowed`, 'expected true or false'));
    return;
  }
  // Templates carry no decision; the adopting council's decision is checked on the version.
  if (!remote.allowed || ruleSetDecision === undefined) return;
  if (type !== 'council' && type !== 'executive_board' && type !== 'committee') return;
  const decision = remote.decision ?? ruleSetDecision;
  if (!decision || !isNonBlank(decision.reference)) {
    out.push({
      code: 'REMOTE_DECISION_MISSING',
      path: `${path}.remoteParticipation.decision`,
      message: {
        sv: `Deltagande på distans i ${BODY_TYPE_SV[type]} kräver ett beslut av fullmäktige med beslutsreferens.`,
        en: `Remote participation in this body type requires a council decision with a reference.`,
      },
      basis: remoteBasisFor(type),
    });
  } else if (decision.decidedBy !== 'council') {
    out.push({
      code: 'REMOTE_DECISION_NOT_BY_COUNCIL',
      path: `${path}.remoteParticipation.decision`,
      message: {
        sv: `Endast fullmäktige kan besluta om deltagande på distans i ${BODY_TYPE_SV[type]} (${decision.reference}).`,
        en: `Only the council can allow remote participation in this body type (${decision.reference}).`,
      },
      basis: remoteBasisFor(type),
    });
  }
}

function validateCompanyBoard(out: RuleViolation[], rules: BodyRules, path: string): void {
  const board = rules.companyBoard;
  if (board === undefined) return; // absent: the Act's rules apply unchanged
  if (typeof board !== 'object' || board === null) {
    out.push(invalid(`${path}.companyBoard`, 'expected an object'));
    return;
  }
  if (board.consentOfAllMembersRequired !== true) {
    out.push({
      code: 'COMPANY_BOARD_CONSENT_NOT_REQUIRED',
      path: `${path}.companyBoard.consentOfAllMembersRequired`,
      message: {
        sv: 'En bolagsstyrelse får bara sammanträda på distans om alla ledamöter är med på det.',
        en: 'A company board may meet remotely only if all members agree.',
      },
      basis: LEGAL_BASIS.companyBoardConsent,
    });
  }
  const share = board.quorumMoreThanShare;
  if (typeof share !== 'number' || !Number.isFinite(share) || share > 1) {
    out.push(invalid(`${path}.companyBoard.quorumMoreThanShare`, 'expected a share between 0.5 and 1'));
  } else if (share < 0.5) {
    out.push({
      code: 'COMPANY_BOARD_QUORUM_LOOSENED',
      path: `${path}.companyBoard.quorumMoreThanShare`,
      message: {
        sv: 'Styrelsen är beslutsför först när mer än hälften av samtliga ledamöter deltar; kravet kan skärpas men inte sänkas.',
        en: 'A board has a quorum only when more than half of all members take part; the requirement can be raised, not lowered.',
      },
      basis: LEGAL_BASIS.companyBoardQuorum,
    });
  }
  if (board.documentsToAllRequired !== true) {
    out.push({
      code: 'COMPANY_BOARD_DOCUMENTS_NOT_REQUIRED',
      path: `${path}.companyBoard.documentsToAllRequired`,
      message: {
        sv: 'Alla styrelseledamöter ska ha fått underlaget innan ett ärende avgörs.',
        en: 'All board members must have received the documents before an item is decided.',
      },
      basis: LEGAL_BASIS.companyBoardQuorum,
    });
  }
}

/** Violations in one body's (resolved) rules. */
export function validateBodyRules(
  rules: BodyRules,
  type: BodyType,
  path: string,
  ruleSetDecision: DecisionReference | undefined,
  catalog: readonly Platform[] = REGIONAL_PLATFORM_CATALOG,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const floor = LAW_BASELINE[type];
  if (!rules || typeof rules !== 'object') return [invalid(path, 'missing')];

  validateRemote(out, rules, type, path, ruleSetDecision);

  if (!Array.isArray(rules.excludedItemKinds) || !rules.excludedItemKinds.every((k) => typeof k === 'string')) {
    out.push(invalid(`${path}.excludedItemKinds`, 'expected a list of item kinds'));
  } else {
    for (const kind of floor.excludedItemKinds) {
      if (rules.excludedItemKinds.includes(kind)) continue;
      out.push({
        code: 'EXCLUDED_KIND_REMOVED',
        path: `${path}.excludedItemKinds`,
        message: {
          sv: `Ärenden av slaget "${kind}" får aldrig handläggas med deltagare på distans och kan inte tas bort ur undantagen.`,
          en: `Items of kind "${kind}" may never be handled with remote participants and cannot be removed from the exclusions.`,
        },
        basis: LEGAL_BASIS.excludedItems,
      });
    }
  }

  checkEnum(out, `${path}.equalTerms`, EQUAL_TERMS_READINGS, rules.equalTerms);
  if (rules.maxRemoteParticipants !== null && !isNonNegativeInteger(rules.maxRemoteParticipants)) {
    out.push(invalid(`${path}.maxRemoteParticipants`, 'expected null or a whole number ≥ 0'));
  }

  if (checkEnum(out, `${path}.presidiumOnSite`, PRESIDIUM_ON_SITE_LEVELS, rules.presidiumOnSite)) {
    if (PRESIDIUM_ON_SITE_LEVELS.indexOf(rules.presidiumOnSite) < PRESIDIUM_ON_SITE_LEVELS.indexOf(floor.presidiumOnSite)) {
      out.push({
        code: 'PRESIDIUM_REQUIREMENT_LOOSENED',
        path: `${path}.presidiumOnSite`,
        message: {
          sv:
            floor.presidiumOnSite === 'presidium'
              ? 'Fullmäktiges sammanträde leds från den fysiska platsen där minst presidiet befinner sig.'
              : 'Den som leder sammanträdet ska vara på den fysiska platsen.',
          en:
            floor.presidiumOnSite === 'presidium'
              ? 'A council meeting is led from the physical place where at least the presidium is.'
              : 'Whoever leads the meeting must be at the physical place.',
        },
        basis: floor.presidiumOnSite === 'presidium' ? LEGAL_BASIS.presidium : LEGAL_BASIS.meetingLeader,
      });
    }
  }

  if (typeof rules.physicalPlaceRequired !== 'boolean') {
    out.push(invalid(`${path}.physicalPlaceRequired`, 'expected true or false'));
  } else if (isPoliticalBody(type) && !rules.physicalPlaceRequired) {
    out.push({
      code: 'PHYSICAL_PLACE_NOT_REQUIRED',
      path: `${path}.physicalPlaceRequired`,
      message: {
        sv: 'Ett sammanträde har alltid en fysisk plats, den som anges i kallelsen.',
        en: 'A meeting always has a physical place, the one named in the notice.',
      },
      basis: LEGAL_BASIS.physicalPlace,
    });
  }

  if (rules.approvedPlatforms !== null) {
    if (!Array.isArray(rules.approvedPlatforms) || !rules.approvedPlatforms.every((k) => typeof k === 'string')) {
      out.push(invalid(`${path}.approvedPlatforms`, 'expected null or a list of platform keys'));
    } else {
      for (const key of rules.approvedPlatforms) {
        if (catalog.some((p) => p.key === key)) continue;
        out.push({
          code: 'UNKNOWN_PLATFORM',
          path: `${path}.approvedPlatforms`,
          message: { sv: `Plattformen "${key}" finns inte i regionens katalog.`, en: `Platform "${key}" is not in the region's catalog.` },
          basis: INVALID_BASIS,
        });
      }
    }
  }

  checkEnum(out, `${path}.dataResidency`, DATA_RESIDENCY_REQUIREMENTS, rules.dataResidency);
  checkEnum(out, `${path}.identityCheck`, IDENTITY_CHECKS, rules.identityCheck);

  if (!Array.isArray(rules.requiredTraining)) {
    out.push(invalid(`${path}.requiredTraining`, 'expected a list'));
  } else {
    rules.requiredTraining.forEach((t, i) => {
      if (!t || !isNonBlank(t.moduleKey)) out.push(invalid(`${path}.requiredTraining.${i}.moduleKey`, 'expected a module key'));
      else if (t.roles !== null && (!Array.isArray(t.roles) || !t.roles.every((r) => MEMBER_ROLES.includes(r)))) {
        out.push(invalid(`${path}.requiredTraining.${i}.roles`, `expected null or roles among ${MEMBER_ROLES.join(', ')}`));
      }
    });
  }

  if (!Array.isArray(rules.requiredSupport)) {
    out.push(invalid(`${path}.requiredSupport`, 'expected a list'));
  } else {
    rules.requiredSupport.forEach((s, i) => {
      if (!s || !SUPPORT_ROLES.includes(s.role)) out.push(invalid(`${path}.requiredSupport.${i}.role`, `expected one of ${SUPPORT_ROLES.join(', ')}`));
      if (!s || !isNonNegativeInteger(s.count)) out.push(invalid(`${path}.requiredSupport.${i}.count`, 'expected a whole number ≥ 0'));
      if (s && s.blocking !== undefined && typeof s.blocking !== 'boolean')
        out.push(invalid(`${path}.requiredSupport.${i}.blocking`, 'expected true or false'));
    });
  }

  if (type === 'company_board') validateCompanyBoard(out, rules, path);

  const rooms = rules.breakoutRooms;
  if (!rooms || typeof rooms !== 'object') {
    out.push(invalid(`${path}.breakoutRooms`, 'expected an object'));
  } else {
    if (typeof rooms.enabled !== 'boolean') out.push(invalid(`${path}.breakoutRooms.enabled`, 'expected true or false'));
    if (typeof rooms.duringRecesses !== 'boolean') out.push(invalid(`${path}.breakoutRooms.duringRecesses`, 'expected true or false'));
    if (!isNonNegativeInteger(rooms.minutesBefore)) out.push(invalid(`${path}.breakoutRooms.minutesBefore`, 'expected a whole number ≥ 0'));
    if (!isNonNegativeInteger(rooms.minutesAfter)) out.push(invalid(`${path}.breakoutRooms.minutesAfter`, 'expected a whole number ≥ 0'));
    checkEnum(out, `${path}.breakoutRooms.partyGroups`, ['with_council_seats', 'with_seats_in_body'], rooms.partyGroups);
    checkEnum(out, `${path}.breakoutRooms.invite`, ['members_and_deputies_of_body', 'members_of_body'], rooms.invite);
  }
  return out;
}

/**
 * Every violation in a rule set: each body type's rules, and each body override as it
 * resolves onto its type's rules. Pass a version to also check its decision and date.
 */
export function validateRuleSet(ruleSet: ValidatableRuleSet, options: ValidateOptions = {}): RuleViolation[] {
  const catalog = options.platformCatalog ?? REGIONAL_PLATFORM_CATALOG;
  const out: RuleViolation[] = [];
  const decision = 'decision' in ruleSet ? ruleSet.decision : undefined;
  if ('decision' in ruleSet && (!decision || !isNonBlank(decision.reference))) {
    out.push({
      code: 'DECISION_REFERENCE_MISSING',
      path: 'decision.reference',
      message: {
        sv: 'Regelverket saknar beslutsreferens (t.ex. "KF 2020-04-20 § 45").',
        en: 'The rule set has no decision reference (e.g. "KF 2020-04-20 § 45").',
      },
      basis: INVALID_BASIS,
    });
  }
  if ('decision' in ruleSet && decision && !BODY_TYPES.includes(decision.decidedBy)) {
    out.push(invalid('decision.decidedBy', `expected one of ${BODY_TYPES.join(', ')}`));
  }
  if ('effectiveFrom' in ruleSet && !isIsoDate(ruleSet.effectiveFrom)) {
    out.push(invalid('effectiveFrom', 'expected a date YYYY-MM-DD'));
  }
  for (const type of BODY_TYPES) {
    const rules = ruleSet.bodyTypes?.[type];
    if (!rules) {
      out.push(invalid(`bodyTypes.${type}`, 'missing'));
      continue;
    }
    out.push(...validateBodyRules(rules, type, `bodyTypes.${type}`, decision ?? undefined, catalog));
  }
  for (const [bodyId, override] of Object.entries(ruleSet.bodies ?? {})) {
    if (!override || !BODY_TYPES.includes(override.bodyType)) {
      out.push(invalid(`bodies.${bodyId}.bodyType`, `expected one of ${BODY_TYPES.join(', ')}`));
      continue;
    }
    const typeRules = ruleSet.bodyTypes?.[override.bodyType];
    if (!typeRules) continue;
    const resolved = applyOverride(typeRules, override.rules);
    const path = `bodies.${bodyId}`;
    // Report only what the override itself breaks; the type's own violations are listed above.
    const key = (v: RuleViolation) => `${v.code} ${v.path} ${v.message.en}`;
    const inherited = new Set(validateBodyRules(typeRules, override.bodyType, path, decision ?? undefined, catalog).map(key));
    for (const violation of validateBodyRules(resolved, override.bodyType, path, decision ?? undefined, catalog)) {
      if (!inherited.has(key(violation))) out.push(violation);
    }
  }
  return out;
}
