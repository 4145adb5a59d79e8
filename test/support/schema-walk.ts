import { type IntrospectionInputValue, type IntrospectionQuery, type IntrospectionType, type IntrospectionTypeRef } from 'graphql';
import { gql } from './test-app.js';

/**
 * The API's operations as the running app publishes them (introspection), so whole-schema
 * tests cover an operation from the moment it exists, not from the moment someone remembers it.
 */
export interface Operation {
  kind: 'query' | 'mutation';
  name: string;
  args: readonly IntrospectionInputValue[];
  type: IntrospectionTypeRef;
}

/** The standard introspection query nests deeper than the API's depth limit allows; this is all the walk needs. */
const ROOT_FIELDS = 'fields { name args { name defaultValue type { ...R } } type { ...R } }';
const INTROSPECTION = `{ __schema { queryType { name } mutationType { name } types { kind name
    fields { name args { name type { kind } } type { ...R } }
    inputFields { name defaultValue type { ...R } }
    enumValues { name } } }
  query: __type(name: "Query") { name ${ROOT_FIELDS} }
  mutation: __type(name: "Mutation") { name ${ROOT_FIELDS} } }
fragment R on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

export class SchemaWalk {
  readonly types = new Map<string, IntrospectionType>();
  readonly operations: Operation[] = [];

  constructor(introspection: IntrospectionQuery & { query: RootType; mutation: RootType | null }) {
    for (const t of introspection.__schema.types) this.types.set(t.name, t);
    for (const [kind, root] of [
      ['query', introspection.query],
      ['mutation', introspection.mutation],
    ] as const) {
      for (const f of root?.fields ?? []) this.operations.push({ kind, name: f.name, args: f.args, type: f.type });
    }
  }

  static async load(url: string, token: string): Promise<SchemaWalk> {
    const res = await gql<IntrospectionQuery & { query: RootType; mutation: RootType | null }>(url, token, INTROSPECTION);
    if (!res.data) throw new Error(`introspection failed: ${JSON.stringify(res.errors)}`);
    return new SchemaWalk(res.data);
  }

  operation(name: string): Operation {
    const op = this.operations.find((o) => o.name === name);
    if (!op) throw new Error(`no operation ${name} in the schema`);
    return op;
  }

  inputFields(typeName: string): readonly IntrospectionInputValue[] {
    const t = this.types.get(typeName);
    return t?.kind === 'INPUT_OBJECT' ? t.inputFields : [];
  }

  enumValues(typeName: string): string[] {
    const t = this.types.get(typeName);
    return t?.kind === 'ENUM' ? t.enumValues.map((v) => v.name) : [];
  }

  /**
   * Every place an operation takes an ID: arguments and input fields at any depth, lists
   * included. `owner` is the argument's operation or the input type that declares the field,
   * so fixtures can be keyed by `Owner.field` or just by the field's name.
   */
  idPaths(op: Operation): IdPath[] {
    const out: IdPath[] = [];
    const walk = (values: readonly IntrospectionInputValue[], owner: string, prefix: string[], seen: string[]) => {
      for (const v of values) {
        const { name: typeName, list } = unwrap(v.type);
        const path = [...prefix, v.name];
        if (typeName === 'ID') out.push({ path, owner, field: v.name, list, required: v.type.kind === 'NON_NULL' });
        else if (this.types.get(typeName)?.kind === 'INPUT_OBJECT' && !seen.includes(typeName))
          walk(this.inputFields(typeName), typeName, path, [...seen, typeName]);
      }
    };
    walk(op.args, op.name, [], []);
    return out;
  }

  /** A selection that is valid for any return type: ids and page totals, never arguments. */
  selection(ref: IntrospectionTypeRef): string {
    const { name } = unwrap(ref);
    const t = this.types.get(name);
    if (!t || (t.kind !== 'OBJECT' && t.kind !== 'INTERFACE' && t.kind !== 'UNION')) return '';
    if (t.kind === 'UNION') return '{ __typename }';
    const fields = t.fields.filter((f) => f.args.every((a) => a.type.kind !== 'NON_NULL'));
    const parts = ['__typename'];
    for (const f of fields) {
      const inner = unwrap(f.type).name;
      if (f.name === 'id' || f.name === 'total') parts.push(f.name);
      else if (f.name === 'items' && this.types.get(inner)?.kind === 'OBJECT') parts.push(`items ${this.selection(f.type)}`);
    }
    return `{ ${parts.join(' ')} }`;
  }

  /**
   * Every scalar field without required arguments, objects followed `depth` levels down: for
   * tests that look for values anywhere in an answer, not just ids.
   */
  scalarSelection(ref: IntrospectionTypeRef, depth: number): string {
    const t = this.types.get(unwrap(ref).name);
    if (!t || (t.kind !== 'OBJECT' && t.kind !== 'INTERFACE' && t.kind !== 'UNION')) return '';
    if (t.kind === 'UNION') return '{ __typename }';
    const parts = ['__typename'];
    for (const f of t.fields.filter((f) => f.args.every((a) => a.type.kind !== 'NON_NULL'))) {
      const inner = this.types.get(unwrap(f.type).name);
      if (!inner || inner.kind === 'SCALAR' || inner.kind === 'ENUM') parts.push(f.name);
      else if (depth > 0) parts.push(`${f.name} ${this.scalarSelection(f.type, depth - 1)}`);
    }
    return `{ ${parts.join(' ')} }`;
  }

  /** `query($a: ID!, …) { op(a: $a, …) { … } }`: every argument is a variable. */
  document(op: Operation, options: { scalars?: boolean } = {}): string {
    const vars = op.args.map((a) => `$${a.name}: ${typeString(a.type)}${a.defaultValue != null ? ` = ${a.defaultValue}` : ''}`);
    const args = op.args.map((a) => `${a.name}: $${a.name}`);
    return `${op.kind}${vars.length ? `(${vars.join(', ')})` : ''} { ${op.name}${args.length ? `(${args.join(', ')})` : ''} ${options.scalars ? this.scalarSelection(op.type, 3) : this.selection(op.type)} }`;
  }
}

interface RootType {
  name: string;
  fields: { name: string; args: IntrospectionInputValue[]; type: IntrospectionTypeRef }[];
}

/** GraphQL refused the document itself (no path): the operation never ran, so the probe proves nothing. */
export function neverRan(res: { errors?: { path?: unknown }[] }): boolean {
  return !!res.errors?.length && res.errors.every((e) => !e.path);
}

export interface IdPath {
  /** From the operation's arguments down: ['input', 'meetingId'] */
  path: string[];
  /** The operation (for arguments) or input type declaring the field */
  owner: string;
  field: string;
  list: boolean;
  required: boolean;
}

export function unwrap(ref: IntrospectionTypeRef): { name: string; list: boolean } {
  let list = false;
  let r: IntrospectionTypeRef = ref;
  while (r.kind === 'NON_NULL' || r.kind === 'LIST') {
    if (r.kind === 'LIST') list = true;
    r = r.ofType;
  }
  return { name: (r as { name: string }).name, list };
}

export function typeString(ref: IntrospectionTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeString(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${typeString(ref.ofType)}]`;
  return ref.name;
}

/** Sets `value` at `path` in a copy of `vars`, creating input objects on the way. */
export function setPath(vars: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(vars);
  let cur: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof cur[key] !== 'object' || cur[key] === null) cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = value;
  return copy;
}
