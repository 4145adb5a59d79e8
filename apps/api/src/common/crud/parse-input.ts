import type { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { badInput } from '../app-error.js';

/**
 * Validates GraphQL arguments against their class-validator rules and answers
 * BAD_USER_INPUT with a message per field, before anything touches the database.
 */
export async function parseInput<T extends object>(type: Type<T>, value: unknown): Promise<T> {
  const instance = plainToInstance(type, value ?? {}) as T;
  const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false, skipMissingProperties: false });
  if (errors.length) {
    const fields = flatten(errors);
    throw badInput(
      `Ogiltiga uppgifter: ${Object.entries(fields)
        .map(([f, m]) => `${f} – ${m}`)
        .join('; ')}`,
      fields,
    );
  }
  return instance;
}

function flatten(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const [rule, english] = Object.entries(e.constraints ?? {})[0] ?? [];
    if (rule) out[path] = SWEDISH[rule] ?? english ?? 'ogiltigt värde';
    if (e.children?.length) Object.assign(out, flatten(e.children, path));
  }
  return out;
}

/** People read these; the English originals stay available from class-validator in logs. */
const SWEDISH: Record<string, string> = {
  isNotEmpty: 'måste fyllas i',
  isNotBlank: 'måste fyllas i',
  isDefined: 'måste anges',
  isString: 'måste vara text',
  isInt: 'måste vara ett heltal',
  min: 'är för litet',
  max: 'är för stort',
  maxLength: 'är för långt',
  minLength: 'är för kort',
  isUUID: 'är inget giltigt id',
  isUuid: 'är inget giltigt id',
  isEmail: 'är ingen giltig e-postadress',
  isDate: 'är inget giltigt datum',
  isEnum: 'är inget tillåtet värde',
  isIn: 'är inget tillåtet värde',
  isBoolean: 'måste vara sant eller falskt',
  isArray: 'måste vara en lista',
  matches: 'har fel format',
  whitelistValidation: 'är inget känt fält',
};
