import { BODY_TYPES, type RuleSetContent, type RuleViolation } from '@motesplats/rules';
import { AppError, badInput } from '../common/app-error.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rule content as a client sends it, reduced to what a rule set holds (body types and body
 * overrides). Whether the rules themselves are lawful is validateRuleSet's question.
 */
export function ruleSetContent(value: unknown): RuleSetContent {
  if (!isPlainObject(value) || !isPlainObject(value.bodyTypes)) {
    throw badInput('Regelverket ska ha regler per organtyp (bodyTypes).', { content: 'saknar bodyTypes' });
  }
  const bodies = value.bodies ?? {};
  if (!isPlainObject(bodies)) throw badInput('Organens egna regler (bodies) ska vara ett objekt per organ.', { content: 'bodies är ogiltigt' });
  const bodyTypes = Object.fromEntries(
    BODY_TYPES.filter((t) => t in (value.bodyTypes as object)).map((t) => [t, (value.bodyTypes as Record<string, unknown>)[t]]),
  );
  return { bodyTypes, bodies } as unknown as RuleSetContent;
}

/** BAD_USER_INPUT listing the library's violations: codes for clients, Swedish for people. */
export function violationsError(message: string, violations: readonly RuleViolation[]): AppError {
  const fields = Object.fromEntries(violations.map((v) => [v.path, v.message.sv]));
  const list = violations.map((v) => `${v.message.sv} (${v.code})`).join(' ');
  return new AppError('BAD_USER_INPUT', `${message} ${list}`, {
    fields,
    violations: violations.map((v) => ({ code: v.code, path: v.path, message: v.message.sv, messageEn: v.message.en, basis: v.basis.reference })),
  });
}
