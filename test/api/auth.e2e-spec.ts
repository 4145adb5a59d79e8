import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { errorCode, gql, startTestApp, type TestApp } from '../support/test-app.js';

const ME = '{ me { username roles municipality { name } } }';
const now = () => Math.floor(Date.now() / 1000);

/** Re-encodes a signed token's payload after `change`, keeping its header and signature. */
function tamper(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('sign-in with Keycloak tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('accepts a valid token and maps it to the municipality and roles', async () => {
    const res = await gql(t.url, t.realm.token('uddevalla', ['secretary']), ME);
    assert.deepEqual(res.data!.me, { username: 'secretary.uddevalla', roles: ['secretary'], municipality: { name: 'Uddevalla' } });
  });

  it('also reads roles from the client and organizations given as a list of aliases', async () => {
    const token = t.realm.token('vanersborg', ['offline_access'], {
      resource_access: { 'motesplats-admin': { roles: ['support'] } },
      organization: ['vanersborg'],
    });
    const res = await gql(t.url, token, ME);
    assert.deepEqual(res.data!.me.roles, ['support']);
    assert.equal(res.data!.me.municipality.name, 'Vänersborg');
  });

  const refused: [string, () => string][] = [
    ['expired', () => t.realm.token('uddevalla', ['tenant-admin'], { iat: now() - 7200, exp: now() - 60 })],
    ['from another issuer', () => t.realm.token('uddevalla', ['tenant-admin'], { iss: 'https://keycloak.test/realms/other' })],
    ['signed with another key', () => t.realm.token('uddevalla', ['tenant-admin'], {}, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
    ['for another audience', () => t.realm.token('uddevalla', ['tenant-admin'], { aud: 'account', azp: 'other-client' })],
    ['without an organization claim', () => t.realm.token('uddevalla', ['tenant-admin'], { organization: undefined })],
    ['for an unknown organization', () => t.realm.token('stockholm', ['tenant-admin'])],
    ['for two municipalities at once', () => t.realm.token('uddevalla', ['tenant-admin'], { organization: { uddevalla: {}, lysekil: {} } })],
    ['without a Mötesplats role', () => t.realm.token('uddevalla', ['offline_access'])],
    ['without a subject', () => t.realm.token('uddevalla', ['tenant-admin'], { sub: '' })],
    ['of the wrong type', () => t.realm.token('uddevalla', ['tenant-admin'], { typ: 'ID' as 'Bearer' })],
    ['that is not a JWT', () => 'not-a-token'],
    // Exactly one claim changed after signing (another municipality), every other claim and
    // the original signature kept: only the signature check can refuse this one.
    [
      'whose organization was changed after signing',
      () =>
        tamper(t.realm.token('uddevalla', ['secretary']), (claims) => {
          claims.organization = { vanersborg: { id: 'org-vanersborg' } };
        }),
    ],
    [
      'whose roles were changed after signing',
      () =>
        tamper(t.realm.token('uddevalla', ['secretary']), (claims) => {
          claims.realm_access = { roles: ['tenant-admin', 'offline_access', 'default-roles-fyrbodal'] };
        }),
    ],
  ];
  for (const [what, make] of refused) {
    it(`refuses a token ${what}`, async () => {
      const res = await gql(t.url, make(), ME);
      assert.equal(errorCode(res), 'UNAUTHENTICATED', JSON.stringify(res.errors));
      assert.equal(res.data, null);
    });
  }

  it('accepts the untampered token the tampered ones are made from', async () => {
    const token = t.realm.token('uddevalla', ['secretary']);
    assert.equal(
      tamper(token, () => {}),
      token,
    );
    const res = await gql(t.url, token, ME);
    assert.equal(res.errors, undefined);
  });

  it('refuses requests without a token, but keeps health public', async () => {
    assert.equal(errorCode(await gql(t.url, undefined, ME)), 'UNAUTHENTICATED');
    assert.equal((await fetch(`${t.url}/health/live`)).status, 200);
  });

  it('gives municipal regional roles only where they belong', async () => {
    // A municipal token claiming the coordinator role does not make a coordinator.
    const res = await gql(t.url, t.realm.token('uddevalla', ['coordinator', 'support']), ME);
    assert.deepEqual(res.data!.me.roles, ['support']);
  });

  it('enforces roles: support reads, secretaries plan meetings, only administrators shape bodies', async () => {
    const support = t.realm.token('uddevalla', ['support']);
    const secretary = t.realm.token('uddevalla', ['secretary']);
    const list = await gql(t.url, support, '{ bodies(filter: { kind: COUNCIL }) { items { id } } }');
    const council = list.data!.bodies.items[0].id;
    const create = `mutation($b: ID!) { createMeeting(input: { bodyId: $b, title: "Extra", startsAt: "2027-01-20T17:00:00Z", endsAt: "2027-01-20T19:00:00Z", place: "Stadshuset" }) { id } }`;
    assert.equal(errorCode(await gql(t.url, support, create, { b: council })), 'FORBIDDEN');
    const created = await gql(t.url, secretary, create, { b: council });
    assert.ok(created.data?.createMeeting.id, JSON.stringify(created.errors));
    const body = 'mutation { createBody(input: { name: "Valnämnden", kind: COMMITTEE }) { id } }';
    assert.equal(errorCode(await gql(t.url, secretary, body)), 'FORBIDDEN');
    assert.ok((await gql(t.url, t.realm.token('uddevalla', ['tenant-admin']), body)).data?.createBody.id);
  });
});

describe('dev sign-in (no Keycloak, not production)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ devSignIn: true });
  });
  afterAll(() => t.close());

  it('lists the demo users and issues tokens that pass the same validation', async () => {
    assert.deepEqual(await (await fetch(`${t.url}/auth/config`)).json(), { mode: 'dev' });
    const users = (await (await fetch(`${t.url}/auth/dev/users`)).json()) as { username: string }[];
    // Both demo regions: Fyrbodal's 14 municipalities and Västernorrland's 7, and a coordinator for each.
    assert.equal(users.filter((u) => u.username.startsWith('admin.')).length, 21);
    assert.deepEqual(
      users
        .filter((u) => u.username.startsWith('samordnare.'))
        .map((u) => u.username)
        .sort(),
      ['samordnare.fyrbodal', 'samordnare.vasternorrland'],
    );
    const res = await fetch(`${t.url}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sekreterare.amal' }),
    });
    const { access_token } = (await res.json()) as { access_token: string };
    const me = await gql(t.url, access_token, ME);
    assert.deepEqual(me.data!.me, { username: 'sekreterare.amal', roles: ['secretary'], municipality: { name: 'Åmål' } });
  });

  it('refuses unknown demo users', async () => {
    const res = await fetch(`${t.url}/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"root"}' });
    assert.equal(res.status, 401);
  });
});

describe('production start-up', () => {
  it('refuses to start without Keycloak settings', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'apps/api/dist/main.js')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1:1/x', APP_DATABASE_URL: 'postgres://x@127.0.0.1:1/x' },
      encoding: 'utf8',
      // Generous: loading the API takes well over 20 s on a busy two-core machine.
      timeout: 90_000,
    });
    assert.equal(run.status, 1);
    assert.match(run.stdout + run.stderr, /Refusing to start in production without Keycloak/);
  });
});
