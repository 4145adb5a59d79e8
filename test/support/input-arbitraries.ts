import fc from 'fast-check';
import type { IntrospectionInputValue } from 'graphql';
import { PLAUSIBLE } from './argument-values.js';
import { unwrap, type Operation, type SchemaWalk } from './schema-walk.js';

/**
 * fast-check arbitraries for an operation's arguments, built from the schema: mostly plausible
 * values (so requests get past the first check), then values that are the right type but odd
 * (empty, blank, huge, NUL, prototype names, impossible dates, invalid UUIDs, extreme numbers),
 * then the wrong type, null for what is required, and required fields left out.
 */
const ODD_STRINGS = [
  '',
  '   ',
  'x'.repeat(100_000),
  'a\u0000b',
  'constructor',
  '__proto__',
  'toString',
  "'; drop table member; --",
  '<script>alert(1)</script>',
  '😀🇸🇪 Åsa Öberg',
  '\u202e',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '99999-01-01',
  'not a date',
  '1e309',
  '-1',
];
const ODD_DATETIMES = ['not a date', '2026-02-30T10:00:00Z', '', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-06-01T25:00:00Z', '2026-06-01'];
const ODD_INTS = [0, -1, -2_147_483_648, 2_147_483_647, 1_000_000];
const WRONG_TYPES: unknown[] = [123, 'text', true, {}, [], null, 1.5, { nested: { deep: true } }];

export type IdSource = (owner: string, field: string) => string;

export function argumentsArbitrary(walk: SchemaWalk, op: Operation, ownId: IdSource): fc.Arbitrary<Record<string, unknown>> {
  return objectArbitrary(walk, op.args, op.name, ownId, 0);
}

function objectArbitrary(
  walk: SchemaWalk,
  fields: readonly IntrospectionInputValue[],
  owner: string,
  ownId: IdSource,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of fields) model[f.name] = fieldArbitrary(walk, f, owner, ownId, depth);
  // `undefined` means "left out": dropped from the variables when sent.
  return fc.record(model).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

function fieldArbitrary(walk: SchemaWalk, f: IntrospectionInputValue, owner: string, ownId: IdSource, depth: number): fc.Arbitrary<unknown> {
  const required = f.type.kind === 'NON_NULL';
  const { list } = unwrap(f.type);
  const one = valueArbitrary(walk, f, owner, ownId, depth);
  const present = list ? fc.oneof({ weight: 4, arbitrary: fc.array(one, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant([]) }) : one;
  // Left out or null: allowed for optional fields, refused for required ones.
  const absent = fc.constantFrom(undefined, null);
  return fc.oneof(
    { weight: required ? 12 : 5, arbitrary: present },
    { weight: required ? 1 : 4, arbitrary: absent },
    { weight: 1, arbitrary: fc.constantFrom(...WRONG_TYPES) },
  );
}

function valueArbitrary(walk: SchemaWalk, f: IntrospectionInputValue, owner: string, ownId: IdSource, depth: number): fc.Arbitrary<unknown> {
  const { name } = unwrap(f.type);
  const plausible = f.name in PLAUSIBLE ? [fc.constant(PLAUSIBLE[f.name])] : [];
  const mostly = (odd: fc.Arbitrary<unknown>, ...typical: fc.Arbitrary<unknown>[]) =>
    fc.oneof({ weight: 3, arbitrary: fc.oneof(...plausible, ...typical) }, { weight: 2, arbitrary: odd });
  const type = walk.types.get(name);
  if (type?.kind === 'ENUM')
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...type.enumValues.map((v) => v.name)) },
      { weight: 1, arbitrary: fc.constantFrom('NOPE', 'planned', '') },
    );
  if (type?.kind === 'INPUT_OBJECT') return depth > 3 ? fc.constant({}) : objectArbitrary(walk, type.inputFields, name, ownId, depth + 1);
  switch (name) {
    case 'ID':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constant(ownId(owner, f.name)) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_STRINGS) },
      );
    case 'Int':
      return mostly(fc.constantFrom(...ODD_INTS), fc.integer({ min: -5, max: 500 }));
    case 'Float':
      return mostly(fc.constantFrom(0, -1, 1e308, Number.MIN_VALUE), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return mostly(
        fc.constantFrom(...ODD_DATETIMES),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      );
    case 'JSON':
      return mostly(fc.jsonValue({ maxDepth: 2 }), fc.constant({}));
    default:
      return mostly(fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 40 }), fc.constant('Prov'));
  }
}
