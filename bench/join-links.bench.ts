/**
 * Benchmark: every member of 50 councils opening their break-out room link in the same minute.
 * Resolves each join link once through the real route (`GET /join/<token>/status`: rate limit
 * in Redis, the SECURITY DEFINER tenant lookup, the tenant transaction, windows from the rules,
 * the Jitsi JWT, the use recorded) and, in the same run with the same client, a bare Fastify
 * route that runs only the single indexed lookup (`select token_tenant($1)`) with `pg`.
 * Prints throughput, p50/p99 latency and the ratio. Loopback only; the request count is the
 * number of links (bounded); it stops by itself. No assertions on timing.
 *
 *   npm run bench join-links
 */
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { BreakoutRoomsService } from '@motesplats/api/breakout-rooms/breakout-rooms.service.js';
import { RoomProvisioner } from '@motesplats/api/breakout-rooms/room-provisioner.service.js';
import { createApp } from '@motesplats/api/app.factory.js';
import { Clock } from '@motesplats/api/common/clock.js';
import { loadConfig, REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { prepareDatabase } from '@motesplats/api/database/bootstrap.js';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { JoinLinksService } from '@motesplats/api/join-links/join-links.service.js';
import { DEMO_MUNICIPALITIES } from '@motesplats/api/seed/demo-region.js';
import { demoId, seedDemoRegion } from '@motesplats/api/seed/demo-seeder.js';

const COUNCILS = 50;
const CONCURRENCY = 64;
const SERVER = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** Fires every path once, CONCURRENCY at a time; per-request latency in ms. */
async function burst(base: string, paths: string[]): Promise<{ seconds: number; latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < paths.length) {
        const path = paths[next++]!;
        const t0 = performance.now();
        const res = await fetch(base + path);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies, failures };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

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
  queuePrefix: `motesplats-bench-${randomBytes(4).toString('hex')}`,
};
const db = await prepareDatabase(config, () => undefined);
await seedDemoRegion(db.ownerUrl);
const app = await createApp(config, db.appUrl);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.getHttpServer().address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
config.publicUrl = base;
const bare = Fastify();
const pool = new pg.Pool({ connectionString: db.appUrl, max: Number(process.env.DB_POOL_SIZE ?? 20) });

try {
  // 50 convened council meetings across the 14 municipalities, all starting at the same instant;
  // the clock stands ten minutes before, inside every room's first window.
  const startsAt = new Date(Date.now() + 86_400_000);
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  const meetings: { tenantId: string; id: string }[] = [];
  for (let i = 0; i < COUNCILS; i++) {
    const m = DEMO_MUNICIPALITIES[i % DEMO_MUNICIPALITIES.length]!;
    const tenantId = demoId(`municipality:${m.slug}`);
    const id = demoId(`bench:${m.slug}:${i}`);
    await owner.query('begin');
    await owner.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    await owner.query(
      `insert into meeting (tenant_id, id, body_id, title, starts_at, ends_at, place, status) values ($1, $2, $3, 'Kommunfullmäktige', $4, $5, $6, 'convened')`,
      [tenantId, id, demoId(`${m.slug}:body:kf`), startsAt, new Date(startsAt.getTime() + 4 * 3_600_000), m.place],
    );
    await owner.query('commit');
    meetings.push({ tenantId, id });
  }
  await owner.end();
  app.get(Clock).now = () => new Date(startsAt.getTime() - 10 * 60_000);

  const tokens: string[] = [];
  const tenantDb = app.get(TenantDb);
  for (const { tenantId, id } of meetings) {
    await tenantDb.run(tenantId, async () => {
      await app.get(BreakoutRoomsService).setUpRooms(id);
      for (const link of await app.get(JoinLinksService).syncInvitations(id)) tokens.push(await app.get(JoinLinksService).issue(link));
    });
    // As the opening job would have done before the first member arrives.
    await tenantDb.run(tenantId, () => app.get(RoomProvisioner).ensureProvisioned(id));
  }
  const order = tokens
    .map((t, i) => ({ t, k: createHash('sha1').update(String(i)).digest('hex') }))
    .sort((a, b) => a.k.localeCompare(b.k))
    .map((x) => x.t);

  bare.get('/bare/:token', async (req) => {
    const hash = createHash('sha256')
      .update((req.params as { token: string }).token)
      .digest();
    const { rows } = await pool.query('select token_tenant($1) as tenant', [hash]);
    return { tenant: rows[0].tenant };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  // Warm both up (JIT, pools, keep-alive) with a few requests that are not measured.
  await burst(
    base,
    order.slice(0, 100).map((t) => `/join/${t}/status`),
  );
  await burst(
    bareBase,
    order.slice(0, 100).map((t) => `/bare/${t}`),
  );
  // The warm-up used those links; the measured burst uses each link once.
  const measured = order.slice(100);
  const full = await burst(
    base,
    measured.map((t) => `/join/${t}/status`),
  );
  const plain = await burst(
    bareBase,
    measured.map((t) => `/bare/${t}`),
  );

  const report = (name: string, r: typeof full) => {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const rps = r.latencies.length / r.seconds;
    console.log(
      `${name.padEnd(34)} ${String(r.latencies.length).padStart(6)} ${rps.toFixed(0).padStart(9)} ${pct(sorted, 50).toFixed(1).padStart(8)} ${pct(sorted, 99).toFixed(1).padStart(8)} ${String(r.failures).padStart(7)}`,
    );
    return rps;
  };
  console.log(`join-links: ${COUNCILS} councils, ${tokens.length} personal room links, ${CONCURRENCY} concurrent clients, loopback (node ${process.version})`);
  console.log('');
  console.log('route                              requests    req/s   p50 ms   p99 ms  non-200');
  const a = report('GET /join/:token/status (full)', full);
  const b = report('bare Fastify + pg indexed lookup', plain);
  console.log('');
  console.log(`throughput ratio full / bare: ${(a / b).toFixed(3)} (the bare route does only the tenant lookup)`);
  console.log(`the whole burst took ${full.seconds.toFixed(1)} s: ${full.seconds <= 60 ? 'within' : 'NOT within'} the minute every member joins in`);
} finally {
  await bare.close();
  await pool.end();
  await app.close();
  await admin(`drop database if exists ${dbName} with (force)`);
}
