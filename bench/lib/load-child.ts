// The load generator's own process: autocannon, reading a LoadSpec from the file named in
// argv, printing a LoadResult as JSON on stdout.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load.js';

const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadSpec;
let next = 0;
const started = performance.now();
const result = await autocannon({
  url: spec.url,
  method: spec.method ?? 'GET',
  headers: spec.headers,
  body: spec.body,
  connections: spec.connections,
  // autocannon refuses an undefined duration: one of the two, never both.
  ...(spec.amount !== undefined ? { amount: spec.amount } : { duration: spec.duration ?? 10 }),
  ...(spec.paths
    ? {
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => ({ ...req, path: spec.paths![next++ % spec.paths!.length] }),
          },
        ],
      }
    : {}),
});
const seconds = (performance.now() - started) / 1000;
const out: LoadResult = {
  requests: result.requests.total,
  rps: result.requests.total / seconds,
  p50: result.latency.p50,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  seconds,
};
process.stdout.write(JSON.stringify(out));
