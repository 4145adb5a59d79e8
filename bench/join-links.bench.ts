/**
 * Benchmark: every member of 50 councils opening their break-out room link in the same minute.
 * Resolves each join link once through the real route (`GET /join/<token>/status`: rate limit
 * in Redis, then one message to Postgres that binds the municipality from the SECURITY DEFINER
 * tenant lookup and reads the link and what its windows need under its row-level security, the
 * windows from the rules; nothing written) and, in the same run with the same client, a bare Fastify
 * route that runs only the single indexed lookup (`select token_tenant($1)`) with `pg`.
 * Load comes from autocannon in a child process; the two routes alternate over three rounds
 * (each round its own third of the links). Records throughput, p99 and their ratios. Loopback
 * only; the request count is the number of links (bounded). No assertions on timing.
 *
 *   npm run bench -- join
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
import { alternate, load, summary, type LoadResult } from './lib/load.js';
import { cpuDuring, type CpuSpent } from './lib/cpu.js';
import { profiled } from './lib/profile.js';
import { peakRssMb, record } from './lib/report.js';
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

const ROUNDS = 3;

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

  // Warm both up (JIT, pools, keep-alive) with links that are not measured.
  const warm = order.slice(0, 200);
  await load({ url: base, paths: warm.map((t) => `/join/${t}/status`), connections: CONCURRENCY, amount: warm.length });
  await load({ url: bareBase, paths: warm.map((t) => `/bare/${t}`), connections: CONCURRENCY, amount: warm.length });
  // Each link once on the real route: the burst is split into rounds, each round's links
  // resolved by the real route and then by the bare one (A B A B …).
  const measured = order.slice(warm.length);
  const per = Math.floor(measured.length / ROUNDS);
  const slice = (r: number) => measured.slice(r * per, (r + 1) * per);
  // CPU per request by process, per side: the two cores are shared, so the sum bounds throughput.
  const cpu = { full: { node: 0, postgres: 0, redis: 0 }, bare: { node: 0, postgres: 0, redis: 0 } };
  const spent = async (side: keyof typeof cpu, fn: () => Promise<LoadResult>) => {
    const { result, cpu: used } = await cpuDuring(fn);
    for (const k of ['node', 'postgres', 'redis'] as const) cpu[side][k] += used[k] / per;
    return result;
  };
  const runs = await alternate(ROUNDS, {
    full: (r) =>
      spent('full', () => profiled('join', () => load({ url: base, paths: slice(r).map((t) => `/join/${t}/status`), connections: CONCURRENCY, amount: per }))),
    bare: (r) => spent('bare', () => load({ url: bareBase, paths: slice(r).map((t) => `/bare/${t}`), connections: CONCURRENCY, amount: per })),
  });
  const full = summary(runs.full);
  const plain = summary(runs.bare);
  console.log(
    `join-links: ${COUNCILS} councils, ${tokens.length} personal room links, ${CONCURRENCY} connections, ${ROUNDS} alternating rounds (node ${process.version})`,
  );
  const perRequest = (c: CpuSpent) =>
    `API process ${(c.node / ROUNDS).toFixed(2)} ms, Postgres ${(c.postgres / ROUNDS).toFixed(2)} ms, Redis ${(c.redis / ROUNDS).toFixed(2)} ms`;
  console.log(`  CPU per request: join route: ${perRequest(cpu.full)}; bare route: ${perRequest(cpu.bare)}`);
  const burstSeconds = runs.full.reduce((s, r) => s + r.seconds, 0);
  const note = `${measured.length} links, ${full.failures} non-2xx; whole burst ${burstSeconds.toFixed(1)} s (${burstSeconds <= 60 ? 'within' : 'NOT within'} the minute); CPU per request, join: ${perRequest(cpu.full)}; bare: ${perRequest(cpu.bare)}`;
  record({
    benchmark: 'join burst',
    figure: 'GET /join/:token/status req/s',
    value: full.rps,
    unit: 'req/s',
    baseline: 'bare Fastify + pg lookup',
    baselineValue: plain.rps,
    goal: '≥ 0.50',
    met: full.rps / plain.rps >= 0.5,
    note,
  });
  record({
    benchmark: 'join burst',
    figure: 'GET /join/:token/status p99',
    value: full.p99,
    unit: 'ms',
    baseline: 'bare Fastify + pg lookup',
    baselineValue: plain.p99,
    goal: '≤ 2',
    met: full.p99 / plain.p99 <= 2,
  });
  if (full.failures) process.exitCode = 1;
  record({ benchmark: 'memory', figure: 'peak RSS, join burst (API + bare route in one process)', value: peakRssMb(), unit: 'MB' });
} finally {
  await bare.close();
  await pool.end();
  await app.close();
  await admin(`drop database if exists ${dbName} with (force)`);
}
