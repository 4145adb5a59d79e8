import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readTracing } from '@motesplats/api/config/app-config.js';
import { startTracing, type Tracing } from '@motesplats/api/observability/tracing.js';
import { gql, startTestApp, type TestApp } from '../support/test-app.js';

describe('traces over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
  let collector: Server;
  const received: { path: string; type: string; body: string }[] = [];
  let tracing: Tracing | undefined;
  let t: TestApp;

  beforeAll(async () => {
    // A stand-in collector: records what the exporter posts.
    collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', type: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    assert.equal(await startTracing(readTracing({})), undefined, 'nothing starts without an endpoint');
    tracing = await startTracing(readTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'motesplats-test' }));
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    collector?.close();
  });

  it("exports a span per request, named by the GraphQL operation and joined to the caller's trace", async () => {
    assert.ok(tracing);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${t.realm.token('orust', ['secretary'])}`,
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ query: 'query BodiesForTrace { bodies(perPage: 1) { total } }' }),
    });
    assert.equal(res.status, 200);
    assert.equal((await gql(t.url, undefined, '{ __typename }')).status, 200);
    await tracing!.shutdown(); // flushes the batch

    const traces = received.filter((r) => r.path === '/v1/traces');
    assert.ok(traces.length >= 1, `posts: ${received.map((r) => r.path).join(', ')}`);
    const body = traces.map((r) => r.body).join('\n');
    assert.match(body, /graphql query BodiesForTrace/);
    assert.match(body, /motesplats-test/);
    assert.ok(body.includes(traceId), 'the span continues the incoming trace');
    assert.doesNotMatch(body, /Bearer|authorization/i, 'no credentials in spans');
  });
});
