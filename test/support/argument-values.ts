import type { IntrospectionInputValue } from 'graphql';
import { unwrap, type Operation, type SchemaWalk } from './schema-walk.js';

/**
 * Plausible values for the arguments an operation requires, so that a probe is refused only
 * for the one thing it varies. Keyed by field name where the type alone says too little.
 */
const FUTURE = Date.now() + 30 * 86_400_000;
export const PLAUSIBLE: Record<string, unknown> = {
  email: 'prov@example.se',
  startsAt: new Date(FUTURE).toISOString(),
  endsAt: new Date(FUTURE + 2 * 3_600_000).toISOString(),
  joinedAt: new Date(FUTURE).toISOString(),
  leftAt: new Date(FUTURE + 3_600_000).toISOString(),
  effectiveFrom: '2027-01-01',
  decidedOn: '2026-11-01',
  completedOn: '2026-11-01',
  onDate: '2026-11-01',
  moduleKey: 'remote-participation-basics',
  key: 'prov-modul',
  url: 'https://example.se/modul',
  csv: 'member_id;member_name;member_email;module_key;completed_on\n',
  number: 90,
  councilSeats: 3,
  validityMonths: 12,
  linkDeliveryLeadMinutes: 60,
  perPage: 10,
  page: 1,
  withinDays: 30,
  dryRun: true,
  content: {},
  abbreviation: 'PR',
  reference: '§ 1',
  decisionReference: 'KF § 1',
  status: 'CANCELLED',
  from: 'REGIONAL_TEMPLATE',
  // `Owner.field` where one name means different things: a weekly slot's times of day.
  'WeeklySlotInput.from': '08:00',
  'WeeklySlotInput.to': '17:00',
};

/** A value for one argument or field; IDs come from `id(field, owner)`. */
export function plausible(walk: SchemaWalk, v: IntrospectionInputValue, owner: string, id: (owner: string, field: string) => string): unknown {
  const { name, list } = unwrap(v.type);
  const one = (): unknown => {
    if (name === 'ID') return id(owner, v.name);
    if (`${owner}.${v.name}` in PLAUSIBLE) return PLAUSIBLE[`${owner}.${v.name}`];
    if (v.name in PLAUSIBLE) return PLAUSIBLE[v.name];
    const t = walk.types.get(name);
    if (t?.kind === 'ENUM') return t.enumValues[0]!.name;
    if (t?.kind === 'INPUT_OBJECT') return requiredValues(walk, t.inputFields, name, id);
    switch (name) {
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date(FUTURE).toISOString();
      case 'JSON':
        return {};
      default:
        return 'Prov';
    }
  };
  const value = one();
  return list && !Array.isArray(value) ? [value] : value;
}

/** Values for the required ones (non-null without a default) among `values`. */
export function requiredValues(
  walk: SchemaWalk,
  values: readonly IntrospectionInputValue[],
  owner: string,
  id: (owner: string, field: string) => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of values) if (isRequired(v)) out[v.name] = plausible(walk, v, owner, id);
  return out;
}

export function isRequired(v: IntrospectionInputValue): boolean {
  return v.type.kind === 'NON_NULL' && v.defaultValue == null;
}

export function operationVariables(walk: SchemaWalk, op: Operation, id: (owner: string, field: string) => string): Record<string, unknown> {
  return requiredValues(walk, op.args, op.name, id);
}
