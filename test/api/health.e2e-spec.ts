import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports ready when Postgres and Redis answer', async () => {
    const res = await fetch(`${t.url}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('serves the admin page and redirects / to it', async () => {
    const root = await fetch(`${t.url}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/admin/');
    const admin = await fetch(`${t.url}/admin/`);
    assert.equal(admin.status, 200);
    assert.match(await admin.text(), /<html[^>]*lang="sv"/);
  });
});

describe('/health without Redis', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ redisUrl: 'redis://127.0.0.1:1' });
  });
  afterAll(() => t.close());

  it('reports degraded (200: members and staff are still served) and names what is down', async () => {
    const res = await fetch(`${t.url}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'degraded', checks: { postgres: 'ok', redis: 'down' } });
    assert.equal((await fetch(`${t.url}/health/live`)).status, 200);
  });
});
