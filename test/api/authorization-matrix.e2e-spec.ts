import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { errorCode, gql, startTestApp, type TestApp } from '../support/test-app.js';
import { neverRan, SchemaWalk } from '../support/schema-walk.js';
import { operationVariables } from '../support/argument-values.js';
import { OPERATIONS, ROLES, type Role } from '../support/operation-catalog.js';

const A = 'uddevalla';
type Caller = Role | 'anonymous';
const CALLERS: Caller[] = [...ROLES, 'anonymous'];

/** What a caller must get: through the guard, FORBIDDEN, or UNAUTHENTICATED. */
function expected(operation: string, caller: Caller): 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED' {
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  return OPERATIONS[operation]!.roles.includes(caller) ? 'allowed' : 'FORBIDDEN';
}

describe('authorization matrix: every operation × every role, against the running API', () => {
  let t: TestApp;
  let walk: SchemaWalk;
  const tokens: Partial<Record<Caller, string>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) tokens[role] = role === 'coordinator' ? t.realm.token('fyrbodal', ['coordinator']) : t.realm.token(A, [role]);
    walk = await SchemaWalk.load(t.url, tokens['tenant-admin']!);
  });
  afterAll(() => t.close());

  it('has a row for every operation in the schema, and none for operations that are gone', () => {
    const inSchema = walk.operations.map((o) => o.name);
    const missing = inSchema.filter((n) => !OPERATIONS[n]);
    const stale = Object.keys(OPERATIONS).filter((n) => !inSchema.includes(n));
    assert.deepEqual(missing, [], `classify these in OPERATIONS (test/support/operation-catalog.ts): ${missing.join(', ')}`);
    assert.deepEqual(stale, [], `no longer in the schema; remove from OPERATIONS: ${stale.join(', ')}`);
  });

  it('lets exactly the listed roles through, refuses the others with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    const mismatches: string[] = [];
    for (const op of walk.operations) {
      if (!OPERATIONS[op.name]) continue;
      // Ids that exist nowhere: an allowed caller gets as far as the lookup and changes nothing.
      const variables = operationVariables(walk, op, () => randomUUID());
      for (const caller of CALLERS) {
        const res = await gql(t.url, tokens[caller], walk.document(op), variables);
        const code = errorCode(res);
        const want = expected(op.name, caller);
        const got = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? code : 'allowed';
        if (neverRan(res) && code !== 'UNAUTHENTICATED') mismatches.push(`${op.name} as ${caller}: not a valid request: ${res.errors![0]!.message}`);
        else if (got !== want) mismatches.push(`${op.name} as ${caller}: expected ${want}, got ${code ?? 'data'} ${res.errors?.[0]?.message ?? ''}`);
        else if (code === 'INTERNAL_SERVER_ERROR' || res.status >= 500) mismatches.push(`${op.name} as ${caller}: ${code} ${res.errors?.[0]?.message}`);
      }
    }
    assert.deepEqual(mismatches, [], mismatches.join('\n'));
  });

  it('refuses a role claimed outside its place (a municipal role at the region, coordinator in a municipality) as no sign-in at all', async () => {
    const misplaced = [t.realm.token('fyrbodal', ['tenant-admin', 'secretary', 'support']), t.realm.token(A, ['coordinator'])];
    const mismatches: string[] = [];
    for (const op of walk.operations) {
      const variables = operationVariables(walk, op, () => randomUUID());
      for (const token of misplaced) {
        const code = errorCode(await gql(t.url, token, walk.document(op), variables));
        if (code !== 'UNAUTHENTICATED') mismatches.push(`${op.name}: ${code}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });

  it('keeps service-level refinements: only an administrator convenes over blockers, only coordinators change regional modules', async () => {
    const convene = 'mutation($id: ID!) { changeMeetingStatus(id: $id, status: CONVENED, overrideReason: "Brådskande ärende som inte kan vänta") { id } }';
    const meetings = await gql(t.url, tokens.secretary, '{ meetings(filter: { status: PLANNED }, perPage: 1) { items { id } } }');
    const meetingId = meetings.data!.meetings.items[0].id;
    const bySecretary = await gql(t.url, tokens.secretary, convene, { id: meetingId });
    // Refused for the override itself, or (no blockers) convened without needing one: never convened over blockers by a secretary.
    if (bySecretary.errors) assert.ok(['FORBIDDEN', 'RULE_VIOLATION'].includes(errorCode(bySecretary)!), JSON.stringify(bySecretary.errors));
    const audit = await gql(t.url, tokens['tenant-admin'], 'query($s: ID) { auditEntries(subjectId: $s) { id } }', { s: meetingId });
    assert.deepEqual(audit.data!.auditEntries, [], 'no override was recorded for the secretary');

    const regional = await gql(t.url, tokens.secretary, '{ trainingModules(filter: { scope: REGIONAL }, perPage: 1) { items { id } } }');
    const moduleId = regional.data!.trainingModules.items[0].id;
    const update = await gql(t.url, tokens.secretary, 'mutation($id: ID!) { updateTrainingModule(id: $id, input: { title: "Kapad" }) { id } }', {
      id: moduleId,
    });
    assert.equal(errorCode(update), 'FORBIDDEN');
  });
});
