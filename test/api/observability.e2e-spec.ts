import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DELIVERY_QUEUE, ROOMS_QUEUE } from '@motesplats/api/breakout-rooms/queues.js';
import { startWorkers } from '@motesplats/api/jobs/jobs.module.js';
import { observeWorkers } from '@motesplats/api/observability/observability.js';
import { TRAINING_REMINDERS_QUEUE } from '@motesplats/api/training/training-reminders.processor.js';
import { gql, startTestApp, type TestApp } from '../support/test-app.js';

/** The value of one sample line of a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const body = line.slice(name.length + 1, line.lastIndexOf('}'));
    const found = Object.fromEntries([...body.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('operations: /metrics, request ids', () => {
  let t: TestApp;
  let queue: Queue;

  beforeAll(async () => {
    t = await startTestApp();
    queue = new Queue(DELIVERY_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await t.close();
  });

  it('shows GraphQL latency per operation, join outcomes, queue depth and the DB pool after a few requests', async () => {
    const token = t.realm.token('lysekil', ['tenant-admin']);
    for (let i = 0; i < 3; i++) {
      const res = await gql(t.url, token, 'query BodiesForMetrics { bodies(perPage: 5) { total } }');
      assert.equal(res.errors, undefined);
    }
    await gql(t.url, token, 'mutation NoSuchField { noSuchField }');
    await gql(t.url, token, '{ bodies(perPage: 1) { total } }');
    // Two operations in one document: the one named by operationName is the one measured.
    const both = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query First { bodies(perPage: 1) { total } } query Second { members(perPage: 1) { total } }', operationName: 'Second' }),
    });
    assert.equal(both.status, 200);
    assert.equal((await fetch(`${t.url}/join/not-a-real-token-at-all`)).status, 404);
    await queue.add('later', { tenantId: 'x', meetingId: 'y' }, { delay: 3_600_000, jobId: 'metrics-test' });

    const res = await fetch(`${t.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await res.text();

    const graphql = 'motesplats_graphql_request_duration_seconds';
    assert.match(text, new RegExp(`# TYPE ${graphql} histogram`));
    assert.equal(sample(text, `${graphql}_count`, { operation: 'BodiesForMetrics', type: 'query', outcome: 'ok' }), 3);
    assert.equal(sample(text, `${graphql}_bucket`, { operation: 'BodiesForMetrics', type: 'query', outcome: 'ok', le: '+Inf' }), 3);
    assert.ok(sample(text, `${graphql}_sum`, { operation: 'BodiesForMetrics', type: 'query', outcome: 'ok' })! > 0);
    assert.equal(sample(text, `${graphql}_count`, { operation: 'anonymous', type: 'query', outcome: 'ok' }), 1);
    assert.equal(sample(text, `${graphql}_count`, { operation: 'Second', type: 'query', outcome: 'ok' }), 1);
    assert.equal(sample(text, `${graphql}_count`, { operation: 'First' }), undefined);
    // A document that fails validation never executes: it is an HTTP 400 in the route histogram.
    assert.equal(sample(text, 'motesplats_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status_code: '400' }), 1);
    assert.equal(sample(text, 'motesplats_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status_code: '200' }), 5);

    assert.equal(sample(text, 'motesplats_join_attempts_total', { outcome: 'invalid' }), 1);
    assert.doesNotMatch(text, /not-a-real-token/, 'tokens never become labels');

    assert.match(text, /# TYPE motesplats_queue_jobs gauge/);
    assert.equal(sample(text, 'motesplats_queue_jobs', { queue: DELIVERY_QUEUE, state: 'delayed' }), 1);
    for (const q of [ROOMS_QUEUE, DELIVERY_QUEUE, TRAINING_REMINDERS_QUEUE]) {
      assert.equal(sample(text, 'motesplats_queue_jobs', { queue: q, state: 'waiting' }), 0, q);
    }

    assert.ok(sample(text, 'motesplats_db_pool_connections', { state: 'total' })! >= 1);
    assert.ok(sample(text, 'motesplats_db_pool_connections', { state: 'max' })! >= 1);
    assert.match(text, /motesplats_process_resident_memory_bytes \d+/);
  });

  it('measures how late jobs start and how they finish, per queue, once this process works the queues', async () => {
    assert.equal(startWorkers(t.app), true);
    observeWorkers(t.app);
    const dueAt = Date.now();
    await queue.add('deliver', { tenantId: randomUUID(), meetingId: randomUUID() }, { jobId: `late-${dueAt}`, attempts: 1 });
    let text = '';
    for (let i = 0; i < 100; i++) {
      text = await (await fetch(`${t.url}/metrics`)).text();
      if (/motesplats_jobs_finished_total\{queue="join-link-delivery"/.test(text)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(sample(text, 'motesplats_job_lateness_seconds_count', { queue: DELIVERY_QUEUE }), 1);
    assert.ok(sample(text, 'motesplats_job_lateness_seconds_sum', { queue: DELIVERY_QUEUE })! >= 0);
    const finished = ['completed', 'failed'].map((result) => sample(text, 'motesplats_jobs_finished_total', { queue: DELIVERY_QUEUE, result }) ?? 0);
    assert.equal(finished[0]! + finished[1]!, 1);
  });

  it('gives every response a request id, keeping a sane one from the proxy and replacing anything else', async () => {
    const own = (await fetch(`${t.url}/health/live`)).headers.get('x-request-id');
    assert.match(own ?? '', /^[0-9a-f-]{36}$/);
    const kept = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'ingress-4f1c2a9e' } });
    assert.equal(kept.headers.get('x-request-id'), 'ingress-4f1c2a9e');
    const replaced = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'anna.andersson@example.se {"x":1}' } });
    assert.notEqual(replaced.headers.get('x-request-id'), 'anna.andersson@example.se {"x":1}');
    assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });
});
