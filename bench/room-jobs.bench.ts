/**
 * Benchmark: job lateness. 10,000 window-edge jobs on the rooms queue (the job that opens and
 * closes a meeting's rooms, as RoomScheduler enqueues them) due within the same minute, worked
 * by the API process's own worker against the national data set. Lateness is from each job's
 * due time to its completion (BullMQ's finishedOn − (timestamp + delay)); the goal is p99 under
 * a second. The meetings have ended, so each job takes the closing path: the meeting's windows
 * from the rules in force, then its rooms closed in one tenant transaction. No assertions on
 * timing.
 *
 *   npm run bench room-jobs
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import pg from 'pg';
import { createApp } from '@motesplats/api/app.factory.js';
import { ROOMS_QUEUE } from '@motesplats/api/breakout-rooms/queues.js';
import { loadConfig, REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { prepareDatabase } from '@motesplats/api/database/bootstrap.js';
import { startWorkers } from '@motesplats/api/jobs/jobs.module.js';
import { generateNational } from './lib/national-data.js';
import { percentile, record } from './lib/report.js';

const SERVER = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const WINDOW_MS = 60_000;
const LEAD_MS = 12_000;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

const dbName = `motesplats_bench_${randomBytes(4).toString('hex')}`;
await admin(`create database ${dbName}`);
const url = new URL(SERVER);
url.pathname = `/${dbName}`;
const config = {
  ...loadConfig({ NODE_ENV: 'test', PORT: '0', REDIS_URL: process.env.REDIS_URL, LOG_LEVEL: 'warn' }),
  databaseUrl: url.toString(),
  dataDir: join(REPO_ROOT, '.data', 'test'),
  keycloak: undefined,
  seedDemo: false,
  runWorkers: true,
  queuePrefix: `motesplats-bench-${randomBytes(4).toString('hex')}`,
};
const db = await prepareDatabase(config, () => undefined);
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
let app: Awaited<ReturnType<typeof createApp>> | undefined;
let queue: Queue | undefined;
try {
  const municipalities = Math.ceil(JOBS / 60);
  await generateNational({ owner, appUrl: db.appUrl }, { seed: 2026, regions: 21, municipalities, years: 5, meetingsPerYear: 12, until: new Date() });
  await owner.query('analyze');
  const { rows: meetings } = await owner.query<{ tenant_id: string; id: string }>(`select tenant_id, id from meeting order by id limit $1`, [JOBS]);

  app = await createApp(config, db.appUrl);
  // As main.ts does for a process that works the queues.
  if (!startWorkers(app)) throw new Error('no workers to start');
  queue = app.get<Queue>(getQueueToken(ROOMS_QUEUE));
  // All due within one minute that starts LEAD_MS from now (time to enqueue them all first).
  const start = Date.now() + LEAD_MS;
  for (let i = 0; i < meetings.length; i += 1000) {
    await queue.addBulk(
      meetings.slice(i, i + 1000).map((m, k) => {
        const due = start + Math.floor(((i + k) * WINDOW_MS) / meetings.length);
        return {
          name: 'sync',
          data: { tenantId: m.tenant_id, meetingId: m.id },
          opts: { jobId: `bench-${i + k}`, delay: Math.max(0, due - Date.now()), removeOnComplete: false, removeOnFail: false },
        };
      }),
    );
  }
  const enqueued = Date.now();
  console.log(`room-jobs: ${meetings.length} jobs on ${municipalities} municipalities' meetings, due over one minute from ${new Date(start).toISOString()}`);
  if (enqueued > start) console.log(`(enqueueing took past the first due time by ${enqueued - start} ms)`);
  // Wait for all of them, at most ninety seconds past the window.
  for (;;) {
    const counts = await queue.getJobCounts('completed', 'failed');
    if ((counts.completed ?? 0) + (counts.failed ?? 0) >= meetings.length) break;
    if (Date.now() > start + WINDOW_MS + 90_000) throw new Error(`only ${counts.completed} of ${meetings.length} jobs done`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const done = await queue.getJobs(['completed'], 0, -1);
  const failed = await queue.getJobCountByTypes('failed');
  const lateness = done.map((j) => (j.finishedOn ?? 0) - (j.timestamp + (j.opts.delay ?? 0)));
  const p99 = percentile(lateness, 99);
  record({
    benchmark: 'job latency',
    figure: `rooms queue, ${meetings.length} jobs due in one minute: lateness p99`,
    value: p99,
    unit: 'ms',
    goal: '< 1000 ms',
    met: p99 < 1000 && failed === 0,
    note: `p50 ${percentile(lateness, 50)} ms, max ${Math.max(...lateness)} ms, ${failed} failed`,
  });
} finally {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await app?.close();
  await owner.end();
  await admin(`drop database if exists ${dbName} with (force)`);
}
