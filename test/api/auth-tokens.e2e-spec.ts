import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signKeycloakToken } from '@motesplats/api/auth/keycloak-token.js';
import { InvalidTokenError, TokenVerifier } from '@motesplats/api/auth/token-verifier.js';
import { errorCode, gql, startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_KEYCLOAK } from '../support/keycloak-tokens.js';

const ME = '{ me { username } }';
const now = () => Math.floor(Date.now() / 1000);

describe('token claims keycloak-connect lets through', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('still accepts an ordinary token, and one issued a few seconds "in the future" (clock skew)', async () => {
    assert.equal((await gql(t.url, t.realm.token('uddevalla', ['secretary']), ME)).data!.me.username, 'secretary.uddevalla');
    const skewed = await gql(t.url, t.realm.token('uddevalla', ['secretary'], { iat: now() + 20 }), ME);
    assert.equal(skewed.errors, undefined, JSON.stringify(skewed.errors));
  });

  it('refuses a token it accepted once it has expired (verified tokens are remembered only until their expiry)', async () => {
    const token = t.realm.token('uddevalla', ['secretary'], { exp: now() + 2 });
    assert.equal((await gql(t.url, token, ME)).data!.me.username, 'secretary.uddevalla');
    assert.equal((await gql(t.url, token, ME)).data!.me.username, 'secretary.uddevalla', 'the remembered token, still valid');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const late = await gql(t.url, token, ME);
    assert.equal(errorCode(late), 'UNAUTHENTICATED', JSON.stringify(late.errors));
  });

  const refused: [string, () => string][] = [
    ['without exp (it would never expire)', () => t.realm.token('uddevalla', ['tenant-admin'], { exp: undefined })],
    ['issued to another client (azp) that lists ours in aud', () => t.realm.token('uddevalla', ['tenant-admin'], { azp: 'some-other-client' })],
    ['without azp', () => t.realm.token('uddevalla', ['tenant-admin'], { azp: undefined })],
    ['issued an hour in the future', () => t.realm.token('uddevalla', ['tenant-admin'], { iat: now() + 3600, exp: now() + 7200 })],
  ];
  for (const [what, make] of refused) {
    it(`refuses a token ${what}`, async () => {
      const res = await gql(t.url, make(), ME);
      assert.equal(errorCode(res), 'UNAUTHENTICATED', JSON.stringify(res.errors));
      assert.equal(res.data, null);
    });
  }
});

describe("tokens signed with a key the realm's JWKS does not publish", () => {
  let server: Server;
  let fetches = 0;
  const known = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let verifier: TokenVerifier;
  let issuer: string;
  const warnings: string[] = [];

  beforeAll(async () => {
    // The realm's certs endpoint, on loopback: one published key, "known-key".
    const jwk = { ...known.publicKey.export({ format: 'jwk' }), kid: 'known-key', use: 'sig', alg: 'RS256' };
    server = createServer((req, res) => {
      if (req.url?.endsWith('/protocol/openid-connect/certs')) fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    verifier = new TokenVerifier({ url: base, realm: TEST_KEYCLOAK.realm, clientId: TEST_KEYCLOAK.clientId }, (m) => warnings.push(m));
    issuer = verifier.issuer;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const claims = () => ({ iss: issuer, aud: [TEST_KEYCLOAK.clientId], azp: TEST_KEYCLOAK.clientId, sub: 'user-1', typ: 'Bearer' as const });

  it('accepts a token signed with the published key', async () => {
    const content = await verifier.verify(signKeycloakToken(known.privateKey, claims(), 'known-key'));
    assert.equal(content.sub, 'user-1');
  });

  it('refuses 50 tokens with an unknown kid, saying so once, without a console error or a key fetch per request', async () => {
    const consoleErrors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void consoleErrors.push(args);
    const before = fetches;
    try {
      for (let i = 0; i < 50; i++) {
        await assert.rejects(
          verifier.verify(signKeycloakToken(stranger.privateKey, claims(), 'rotated-away')),
          (err: unknown) => err instanceof InvalidTokenError && err.message === 'unknown key',
        );
      }
    } finally {
      console.error = original;
    }
    assert.deepEqual(consoleErrors, []);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0]!, /rotated-away/);
    assert.ok(fetches - before <= 1, `fetched the keys ${fetches - before} times`);
  });
});
