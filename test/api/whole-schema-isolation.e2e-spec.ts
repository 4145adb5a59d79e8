import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { sql } from '../support/sql.js';
import { gql, startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app.js';
import { neverRan, SchemaWalk, setPath, type IdPath, type Operation } from '../support/schema-walk.js';
import { operationVariables } from '../support/argument-values.js';
import {
  ABSENT_REASONS,
  callerFor,
  REGION_OWNED,
  changedTables,
  idsOf,
  kindOf,
  KNOWN_DEFECTS_FIXED_ELSEWHERE,
  OPERATIONS,
  prepareRegion,
  prepareTenant,
  regionChecksums,
  regionIdsOf,
  regionKindOf,
  tenantChecksums,
  type Kind,
} from '../support/operation-catalog.js';

const A = 'uddevalla';
const B = 'trollhattan';
/** The region dimension: a coordinator of R1 given R2's ids. */
const R1 = 'fyrbodal';
const R2 = 'vasternorrland';
const R2_MUNICIPALITIES = ['harnosand', 'kramfors', 'solleftea', 'sundsvall', 'timra', 'ange', 'ornskoldsvik'];
const REFUSALS = ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'];

/** Nothing came back: null, an empty list or an empty page. */
function isEmpty(value: unknown): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') {
    const page = value as { total?: number; items?: unknown[] };
    if ('total' in page || 'items' in page) return (page.total ?? 0) === 0 && (page.items ?? []).length === 0;
  }
  return false;
}

describe('whole-schema tenant isolation: every operation that takes an id, with another municipality’s ids', () => {
  let t: TestApp;
  let walk: SchemaWalk;
  let idsA: Record<Kind, string>;
  let idsB: Record<Kind, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await prepareTenant(t, A);
    await prepareTenant(t, B);
    idsA = await idsOf(t, A);
    idsB = await idsOf(t, B);
    walk = await SchemaWalk.load(t.url, t.realm.token(A, ['tenant-admin']));
  });
  afterAll(() => t.close());

  it('knows what every id argument and id input field names', () => {
    const unknown: string[] = [];
    for (const op of walk.operations) {
      if (!OPERATIONS[op.name]) unknown.push(`${op.name}: not classified in OPERATIONS (test/support/operation-catalog.ts)`);
      for (const p of walk.idPaths(op)) {
        const kind = kindOf(op.name, p.owner, p.field);
        if (kind !== REGION_OWNED && !(kind in idsA)) unknown.push(`${op.name}(${p.path.join('.')}): ${kind}`);
      }
    }
    assert.deepEqual(unknown, [], `id fixtures missing:\n${unknown.join('\n')}`);
  });

  it("refuses, or answers nothing, to every operation given one of municipality B's ids, and writes nothing", async () => {
    const failures: string[] = [];
    let probes = 0;
    for (const op of walk.operations) {
      for (const p of walk.idPaths(op)) {
        if (kindOf(op.name, p.owner, p.field) === REGION_OWNED) continue;
        const failure = await probe(op, p);
        probes++;
        if (failure) failures.push(`${op.name}(${p.path.join('.')}): ${failure}`);
      }
    }
    const known = KNOWN_DEFECTS_FIXED_ELSEWHERE.filter((d) => d.test === 'isolation').map((d) => d.operation);
    const unexpected = failures.filter((f) => !known.some((k) => f.startsWith(`${k}(`)));
    // Once the fix is merged the entry must go, so the operation is held to the same standard.
    const fixed = known.filter((k) => !failures.some((f) => f.startsWith(`${k}(`)));
    assert.deepEqual(fixed, [], `fixed now: remove from KNOWN_DEFECTS_FIXED_ELSEWHERE: ${fixed.join(', ')}`);
    assert.ok(probes > 50, `only ${probes} probes: is the schema walk finding ids?`);
    assert.deepEqual(unexpected, [], `operations that leak across municipalities:\n${unexpected.join('\n')}`);
  });

  async function probe(op: Operation, p: IdPath): Promise<string | undefined> {
    const kind = kindOf(op.name, p.owner, p.field) as Kind;
    const ownId = (owner: string, field: string) => idsA[kindOf(op.name, owner, field) as Kind];
    const foreign = idsB[kind];
    const variables = setPath(operationVariables(walk, op, ownId), p.path, p.list ? [foreign] : foreign);
    // Probed by a role allowed to call it (coordinator-only operations by the coordinator): a
    // refusal by the guard would prove nothing.
    const token = callerFor(t, op.name, A);
    // Surveys and the pool belong to the region, not to a municipality: their tables count as A's.
    const sums = async () => ({ ...(await tenantChecksums(t, A, B)), ...(await regionChecksums(t, R1)) });
    const before = await sums();
    const res = await gql(t.url, token, walk.document(op), variables);
    const written = changedTables(before, await sums()).map((w) => w.replace(`region:${R1}:`, `${A}:region `));
    const writtenB = written.filter((w) => w.startsWith(`${B}:`));
    const writtenA = written.filter((w) => w.startsWith(`${A}:`));
    if (writtenB.length) return `wrote municipality B's ${writtenB.join(', ')}`;
    return judge(op, p, res, foreign, writtenA);
  }
});

/** A probe's verdict: undefined when it was refused (or answered nothing) and wrote nothing. */
function judge(op: Operation, p: IdPath, res: GraphQLResponse, foreign: string, writtenA: string[]): string | undefined {
  if (JSON.stringify(res.data ?? null).includes(foreign)) return `answered with B's ${foreign}: ${JSON.stringify(res.data)}`;
  if (neverRan(res)) return `the probe is not a valid request: ${res.errors![0]!.message}`;
  if (res.errors?.length) {
    const code = res.errors[0]!.extensions?.code;
    if (writtenA.length) return `refused (${code}) but wrote ${writtenA.join(', ')}`;
    const reason = (res.errors[0]!.extensions as { reason?: string } | undefined)?.reason;
    const absent = code === 'RULE_VIOLATION' && !!reason && ABSENT_REASONS.includes(reason);
    if (!absent && (!code || !REFUSALS.includes(code))) return `refused with ${code}: ${res.errors[0]!.message}`;
    const fields = res.errors[0]!.extensions?.fields;
    // A refusal for some other field proves nothing about the id: the probe's other values must be valid.
    if (code === 'BAD_USER_INPUT' && fields && !Object.keys(fields).some((f) => f.split('.').includes(p.field))) {
      return `refused for other fields ${JSON.stringify(fields)}: fix PLAUSIBLE in test/support/argument-values.ts`;
    }
    return undefined;
  }
  if (op.kind === 'mutation') return `succeeded: ${JSON.stringify(res.data)}`;
  if (!isEmpty(res.data?.[op.name])) return `answered ${JSON.stringify(res.data?.[op.name])}`;
  return undefined;
}

describe('whole-schema region isolation: every operation a coordinator may call, with another region’s ids', () => {
  let t: TestApp;
  let walk: SchemaWalk;
  let own: Record<string, string>;
  let foreign: Record<string, string>;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestApp();
    await prepareRegion(t, R1);
    await prepareRegion(t, R2);
    own = await regionIdsOf(t, R1);
    foreign = await regionIdsOf(t, R2);
    coordinator = t.realm.token(R1, ['coordinator']);
    walk = await SchemaWalk.load(t.url, coordinator);
  });
  afterAll(() => t.close());

  const forCoordinator = () => walk.operations.filter((o) => OPERATIONS[o.name]?.roles.includes('coordinator'));

  it("refuses, or answers nothing, to every coordinator operation given one of the other region's ids, and writes nothing there", async () => {
    const failures: string[] = [];
    let probes = 0;
    for (const op of forCoordinator()) {
      for (const p of walk.idPaths(op)) {
        const kind = regionKindOf(op.name, p.owner, p.field);
        if (!foreign[kind]) {
          failures.push(`${op.name}(${p.path.join('.')}): no REGION_KINDS line for ${kind} (test/support/operation-catalog.ts)`);
          continue;
        }
        const ownId = (owner: string, field: string) => own[regionKindOf(op.name, owner, field)]!;
        const variables = setPath(operationVariables(walk, op, ownId), p.path, p.list ? [foreign[kind]] : foreign[kind]);
        const sums = async () => ({ ...(await regionChecksums(t, R1, R2)), ...(await tenantChecksums(t, ...R2_MUNICIPALITIES)) });
        const before = await sums();
        const res = await gql(t.url, coordinator, walk.document(op), variables);
        const written = changedTables(before, await sums());
        probes++;
        const writtenThere = written.filter((w) => !w.startsWith(`region:${R1}:`));
        const failure = writtenThere.length ? `wrote the other region's ${writtenThere.join(', ')}` : judge(op, p, res, foreign[kind]!, written);
        if (failure) failures.push(`${op.name}(${p.path.join('.')}): ${failure}`);
      }
    }
    assert.ok(probes >= 10, `only ${probes} probes: is the schema walk finding the coordinator's ids?`);
    assert.deepEqual(failures, [], `operations that reach across regions:\n${failures.join('\n')}`);
  });

  it("answers a coordinator's reads with nothing of the other region: municipalities, reports, surveys, pool", async () => {
    const r2Ids = async (query: string) => (await sql<{ id: string }>(t.ownerUrl, query, [foreign.region])).map((r) => r.id);
    const secrets = [
      ...(await r2Ids('select id::text from municipality where region_id = $1')),
      ...(await r2Ids('select id::text from experience_report where municipality_region(tenant_id) = $1')),
      ...(await r2Ids('select id::text from survey where region_id = $1')),
      ...(await r2Ids('select id::text from regional_support_staff where region_id = $1')),
      ...(await r2Ids('select id::text from regional_support_absence where region_id = $1')),
      ...(await r2Ids('select id::text from survey_question where region_id = $1')),
      ...(await r2Ids('select id::text from regional_training_module where region_id = $1')),
    ];
    assert.ok(secrets.length > 10);
    const reads = forCoordinator().filter((o) => o.kind === 'query');
    const answer = async (token: string, op: Operation) => {
      const variables = {
        ...operationVariables(walk, op, (owner, field) => own[regionKindOf(op.name, owner, field)] ?? '00000000-0000-4000-8000-000000000000'),
        ...PERIOD(op),
      };
      const res = await gql(t.url, token, walk.document(op, { scalars: true }), variables);
      assert.ok(!res.errors, `${op.name}: ${JSON.stringify(res.errors)}`);
      return JSON.stringify(res.data);
    };
    const leaks: string[] = [];
    for (const op of reads) {
      const text = await answer(coordinator, op);
      const seen = secrets.filter((id) => text.includes(id));
      if (seen.length) leaks.push(`${op.name}: ${seen.join(', ')}`);
    }
    assert.deepEqual(leaks, [], `the other region's ids in a coordinator's answers:\n${leaks.join('\n')}`);
    // The same reads by the other region's coordinator do name its own: the selection reaches the ids.
    const theirs = t.realm.token(R2, ['coordinator']);
    let named = 0;
    for (const op of reads) {
      const text = await answer(theirs, op);
      if (secrets.some((id) => text.includes(id))) named++;
    }
    assert.ok(named >= 3, `only ${named} reads name anything of the coordinator's own region`);
  });
});

/** Reads over a period need a real one: all of the demo's history. */
function PERIOD(op: Operation): Record<string, string> {
  const names = op.args.map((a) => a.name);
  return names.includes('from') && names.includes('to') ? { from: '2020-01-01', to: '2027-12-31' } : {};
}
