/**
 * How a municipality's rules differ from the regional template, field by field, and how a
 * municipality adopts the template with its own overrides.
 */
import { applyOverride, resolveBodyRules } from './resolve-body-rules.js';
import {
  BODY_TYPES,
  type BodyOverride,
  type BodyRules,
  type BodyRulesOverride,
  type BodyType,
  type DecisionReference,
  type RuleSetContent,
  type RuleSetTemplate,
  type RuleSetVersion,
} from './rule-set.js';
import { RULE_FIELDS, type Change } from './tightness.js';

export interface RuleDifference {
  /** E.g. "bodyTypes.council.maxRemoteParticipants" or "bodies.<bodyId>.identityCheck". */
  path: string;
  templateValue: unknown;
  municipalValue: unknown;
  /** tighter/looser: less/more permissive for remote participation than the template. */
  change: Change;
}

function diffRules(prefix: string, template: BodyRules, municipal: BodyRules, onlyKeys?: ReadonlySet<string>): RuleDifference[] {
  const out: RuleDifference[] = [];
  for (const field of RULE_FIELDS) {
    if (onlyKeys && !onlyKeys.has(field.path.split('.')[0]!)) continue;
    const templateValue = field.get(template);
    const municipalValue = field.get(municipal);
    const comparison = field.compare(templateValue, municipalValue);
    if (comparison === 'same') continue;
    out.push({ path: `${prefix}.${field.path}`, templateValue: templateValue ?? null, municipalValue: municipalValue ?? null, change: comparison });
  }
  return out;
}

/**
 * Field-by-field differences: every body type, then every body that has its own override in
 * either rule set (only the fields the override touches). Ordered by body type, then body id.
 */
export function diffRuleSets(template: RuleSetContent, municipal: RuleSetContent): RuleDifference[] {
  const out: RuleDifference[] = [];
  for (const type of BODY_TYPES) {
    out.push(...diffRules(`bodyTypes.${type}`, template.bodyTypes[type], municipal.bodyTypes[type]));
  }
  const bodyIds = [...new Set([...Object.keys(template.bodies ?? {}), ...Object.keys(municipal.bodies ?? {})])].sort();
  for (const id of bodyIds) {
    const own = municipal.bodies?.[id];
    const theirs = template.bodies?.[id];
    const type = (own ?? theirs)!.bodyType;
    const touched = new Set([...Object.keys(own?.rules ?? {}), ...Object.keys(theirs?.rules ?? {})]);
    out.push(...diffRules(`bodies.${id}`, resolveBodyRules(template, { id, type }), resolveBodyRules(municipal, { id, type }), touched));
  }
  return out;
}

export interface TemplateAdoption {
  municipalityId: string;
  version: number;
  decision: DecisionReference;
  effectiveFrom: string;
  /** The municipality's changes per body type. */
  bodyTypes?: Partial<Record<BodyType, BodyRulesOverride>>;
  /** The municipality's per-body overrides. */
  bodies?: Record<string, BodyOverride>;
}

/** A new draft: the template's rules with the municipality's overrides laid on top. */
export function adoptTemplate(template: RuleSetTemplate, adoption: TemplateAdoption): RuleSetVersion {
  // Copies throughout: the draft is edited later and must never share structure with the template.
  const bodyTypes = {} as Record<BodyType, BodyRules>;
  for (const type of BODY_TYPES) {
    bodyTypes[type] = structuredClone(applyOverride(template.bodyTypes[type], adoption.bodyTypes?.[type]));
  }
  return {
    municipalityId: adoption.municipalityId,
    version: adoption.version,
    status: 'draft',
    decision: structuredClone(adoption.decision),
    effectiveFrom: adoption.effectiveFrom,
    publishedAt: null,
    templateId: template.id,
    bodyTypes,
    bodies: structuredClone({ ...(template.bodies ?? {}), ...(adoption.bodies ?? {}) }),
  };
}
