/**
 * A body's rules: its body type's rules with the body's own override laid on top.
 */
import type { BodyRules, BodyRulesOverride, BodyType, RuleSetContent } from './rule-set.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Overrides replace lists and scalars, and merge one level into nested objects. */
export function applyOverride(rules: BodyRules, override: BodyRulesOverride | undefined | null): BodyRules {
  if (!override) return rules;
  const result: Record<string, unknown> = { ...rules };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const inherited = result[key];
    result[key] = isPlainObject(value) && isPlainObject(inherited) ? { ...inherited, ...value } : value;
  }
  return result as unknown as BodyRules;
}

export interface BodyRef {
  id: string;
  type: BodyType;
}

/**
 * The rules for one body. An override recorded for another body type is ignored: a body that
 * changed type must not inherit rules written for what it used to be.
 */
export function resolveBodyRules(content: RuleSetContent, body: BodyRef): BodyRules {
  const typeRules = content.bodyTypes[body.type];
  const override = Object.hasOwn(content.bodies ?? {}, body.id) ? content.bodies[body.id] : undefined;
  if (!override || override.bodyType !== body.type) return typeRules;
  return applyOverride(typeRules, override.rules);
}
