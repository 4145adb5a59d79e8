import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { getIntrospectionQuery } from 'graphql';
import { loadConfig } from '@motesplats/api/config/app-config.js';
import { errorCode, gql, startTestApp, type TestApp } from '../support/test-app.js';

const A = 'munkedal';
const aliased = (n: number, field = 'members(perPage: 100) { items { id name email } }') =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** Production's settings, as loadConfig derives them (the app below runs with the same GraphQL setting). */
const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  KEYCLOAK_URL: 'https://keycloak.test',
  KEYCLOAK_REALM: 'fyrbodal',
  KEYCLOAK_CLIENT_ID: 'motesplats-admin',
  JITSI_APP_SECRET: 'not-a-real-secret',
  LINK_TOKEN_SECRET: 'not-a-real-secret-either',
  DATABASE_URL: 'postgres://owner@db.invalid/motesplats',
  APP_DATABASE_URL: 'postgres://app@db.invalid/motesplats',
};

describe('GraphQL query limits and a closed schema (production settings)', () => {
  let t: TestApp;
  let support: string;
  let admin: string;

  beforeAll(async () => {
    assert.equal(loadConfig(PRODUCTION_ENV).graphqlIntrospection, 'off', 'production closes the schema by default');
    assert.equal(loadConfig({}).graphqlIntrospection, 'on', 'development keeps it open');
    t = await startTestApp({ env: { GRAPHQL_INTROSPECTION: loadConfig(PRODUCTION_ENV).graphqlIntrospection } });
    support = t.realm.token(A, ['support']);
    admin = t.realm.token(A, ['tenant-admin']);
  });
  afterAll(async () => t.close());

  it('refuses 3,000 aliased member lists from the lowest role before running anything, with QUERY_TOO_COMPLEX', async () => {
    const res = await gql(t.url, support, aliased(3000));
    assert.equal(res.status, 400);
    assert.equal(errorCode(res), 'QUERY_TOO_COMPLEX');
    assert.equal(res.data ?? null, null);
  });

  it('refuses too many aliases, too deep and too costly queries that are small in tokens, each with QUERY_TOO_COMPLEX', async () => {
    const aliases = await gql(t.url, support, aliased(16, 'members(perPage: 1) { items { id } }'));
    assert.equal(errorCode(aliases), 'QUERY_TOO_COMPLEX');
    assert.match(aliases.errors![0]!.message, /för stor eller för komplex/);
    // Depth 9 through the schema's own nesting (meeting → body → parent → …).
    const deep = await gql(
      t.url,
      admin,
      '{ meetings { items { body { parentBody { parentBody { parentBody { parentBody { parentBody { parentBody { id } } } } } } } } } }',
    );
    assert.equal(errorCode(deep), 'QUERY_TOO_COMPLEX', JSON.stringify(deep.errors));
    const costly = await gql(
      t.url,
      admin,
      aliased(
        15,
        'meetings(perPage: 100) { items { body { name kind parentBody { name kind } } agendaItems { title number kinds } attendances { mode member { name email phone } } } }',
      ),
    );
    assert.equal(errorCode(costly), 'QUERY_TOO_COMPLEX', JSON.stringify(costly.errors));
  });

  it("still answers an administrator's ordinary queries", async () => {
    const res = await gql(
      t.url,
      admin,
      `{ members(perPage: 100) { total items { id name email phone } }
         meetings(perPage: 50, sortField: "startsAt", sortOrder: DESC) { total items { id title startsAt status body { name } } }
         bodies { items { id name kind } } municipalitySettings { embedOrigins } }`,
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.ok(res.data!.members.total > 0);
  });

  it('refuses introspection to everyone, staff included, and gives no "Did you mean" hints', async () => {
    for (const token of [undefined, admin]) {
      const res = await gql(t.url, token, getIntrospectionQuery());
      assert.equal(errorCode(res), 'INTROSPECTION_DISABLED');
      assert.equal(res.data?.__schema ?? null, null);
    }
    const typeProbe = await gql(t.url, admin, '{ __type(name: "Member") { fields { name } } }');
    assert.equal(errorCode(typeProbe), 'INTROSPECTION_DISABLED');
    const typo = await gql(t.url, admin, '{ members { items { nam } } }');
    assert.equal(errorCode(typo), 'BAD_USER_INPUT');
    assert.doesNotMatch(typo.errors![0]!.message, /Did you mean/);
    assert.doesNotMatch(typo.errors![0]!.message, /"name"/);
    const plain = await gql(t.url, admin, '{ __typename }');
    assert.equal(plain.errors, undefined, '__typename is not introspection');
  });
});

describe('GraphQL introspection for signed-in staff (GRAPHQL_INTROSPECTION=staff)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_INTROSPECTION: 'staff' } });
  });
  afterAll(async () => t.close());

  it("answers graphql's standard introspection query to staff despite the depth limit, and refuses it to anonymous callers", async () => {
    const staff = await gql(t.url, t.realm.token(A, ['support']), getIntrospectionQuery());
    assert.equal(staff.errors, undefined, JSON.stringify(staff.errors));
    assert.ok((staff.data!.__schema.types as { name: string }[]).some((ty) => ty.name === 'Member'));
    const anonymous = await gql(t.url, undefined, getIntrospectionQuery());
    assert.equal(errorCode(anonymous), 'INTROSPECTION_DISABLED');
    const forged = await gql(t.url, 'not-a-token', getIntrospectionQuery());
    assert.equal(errorCode(forged), 'INTROSPECTION_DISABLED');
    // Suggestions stay off outside "on": they reveal the schema to anyone.
    const typo = await gql(t.url, undefined, '{ members { items { nam } } }');
    assert.doesNotMatch(typo.errors![0]!.message, /Did you mean/);
  });
});

describe('GraphQL in development (GRAPHQL_INTROSPECTION unset)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('answers the standard introspection query to anyone and keeps the hints', async () => {
    const res = await gql(t.url, undefined, getIntrospectionQuery());
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const typo = await gql(t.url, t.realm.token(A, ['support']), '{ members { items { nam } } }');
    assert.match(typo.errors![0]!.message, /Did you mean "name"/);
  });
});
