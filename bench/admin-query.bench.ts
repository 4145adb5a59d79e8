/**
 * Benchmark: the administrator's main query — a council's upcoming meetings with agenda items
 * and attendance — over HTTP, on the national data set (bench/lib/national-data.ts,
 * deterministic from a seed, written as the API role through row-level security). In the
 * same run, alternating round by round (A B C D A B C D …), with autocannon in a child process:
 *   A. the API (GraphQL `meetings`, signed in as the municipality's administrator);
 *   B. PostGraphile (v4, from npm) over the same database as the same API role, the tenant set
 *      per request through pgSettings, so the same row-level security applies;
 *   C. one hand-written `json_agg` statement on a bare Fastify + pg route, as the API role in a
 *      transaction with the tenant bound (row-level security on);
 *   D. the same statement as a role that bypasses row-level security: C / D is RLS's cost.
 * Then the tenant scaling: the administrator's query and the coordinator's comparison at 1×,
 * 4× and 16× the municipalities (the multiples add municipalities, not rows per municipality).
 * Records throughput, p99, ratios, and the process's peak RSS. No assertions on timing.
 *
 * 1× is BENCH_BASE municipalities (default 20, so 16× = 320 ≈ the national 290 and the whole
 * run fits `npm run bench`'s ten minutes on two cores); BENCH_BASE=290 runs the national set at
 * 1× (16× = 4,640 municipalities: about ten minutes of generation alone).
 *
 *   npm run bench admin-query
 */
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import { createApp } from '@motesplats/api/app.factory.js';
import { loadConfig, REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { prepareDatabase } from '@motesplats/api/database/bootstrap.js';
import { generateNational, type NationalData } from './lib/national-data.js';
import { alternate, load, summary, type LoadSpec } from './lib/load.js';
import { median, peakRssMb, record } from './lib/report.js';

const SERVER = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BASE = Number(process.env.BENCH_BASE ?? 20);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 21);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 10;
const UPCOMING = 50;
const ITEMS = 20;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** The same rows as the API's answer, as one statement (what a hand-written route would run). */
const JSON_AGG = `
  select json_build_object('total', (select count(*) from meeting where body_id = $1 and status = 'planned'),
    'items', coalesce(json_agg(x order by x."startsAt"), '[]'::json)) as page
    from (
      select m.id, m.title, m.starts_at as "startsAt", json_build_object('name', b.name) as body,
             (select coalesce(json_agg(json_build_object('number', a.number, 'title', a.title, 'kinds', a.kinds, 'confidential', a.confidential) order by a.number), '[]'::json)
                from agenda_item a where a.tenant_id = m.tenant_id and a.meeting_id = m.id) as "agendaItems",
             (select coalesce(json_agg(json_build_object('mode', upper(t.mode), 'member', json_build_object('name', p.name)) order by t.created_at), '[]'::json)
                from attendance t join member p on p.tenant_id = t.tenant_id and p.id = t.member_id
               where t.tenant_id = m.tenant_id and t.meeting_id = m.id) as attendances
        from meeting m join body b on b.tenant_id = m.tenant_id and b.id = m.body_id
       where m.body_id = $1 and m.status = 'planned'
       order by m.starts_at limit 50) x`;

const API_QUERY = `query Upcoming($body: ID!) { meetings(perPage: 50, sortField: "startsAt", sortOrder: ASC, filter: { bodyId: $body, status: PLANNED }) {
  total items { id title startsAt body { name } agendaItems { number title kinds confidential } attendances { mode member { name } } } } }`;
const POSTGRAPHILE_QUERY = `query Upcoming($body: UUID!) { allMeetings(first: 50, orderBy: STARTS_AT_ASC, condition: { bodyId: $body, status: "planned" }) {
  totalCount nodes { id title startsAt bodyByTenantIdAndBodyId { name }
    agendaItemsByTenantIdAndMeetingId(orderBy: NUMBER_ASC) { nodes { number title kinds confidential } }
    attendancesByTenantIdAndMeetingId(orderBy: CREATED_AT_ASC) { nodes { mode memberByTenantIdAndMemberId { name } } } } } }`;
const COMPARISON_QUERY = `query($f: String!, $t: String!) { regionalComparison(from: $f, to: $t) { rows { municipalityCode meetingsHeld { display } remoteShare { display } averageRating { display } } } }`;

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
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
const until = new Date();
const generation = { seed: 2026, regions: REGIONS, years: 5, meetingsPerYear: 12, until, upcomingMeetings: UPCOMING, agendaItemsPerMeeting: ITEMS };
let app: Awaited<ReturnType<typeof createApp>> | undefined;
const bare = Fastify();
const appPool = new pg.Pool({ connectionString: db.appUrl, max: CONNECTIONS });
const superPool = new pg.Pool({ connectionString: url.toString(), max: CONNECTIONS });
let graphile: ChildProcess | undefined;
try {
  let t0 = performance.now();
  const data: NationalData = await generateNational({ owner, appUrl: db.appUrl }, { ...generation, municipalities: BASE });
  await owner.query('analyze');
  const target = data.municipalities[0]!;
  console.log(
    `1×: ${BASE} municipalities in ${data.regions.length} regions, ${data.meetings} ended meetings, ${UPCOMING} upcoming council meetings × ${ITEMS} items each, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  app = await createApp(config, db.appUrl);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const token = async (username: string) => {
    const res = await fetch(`${base}/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const adminToken = await token(`admin.${target.slug}`);

  // C and D: one statement in a transaction with the tenant bound, as the API's own data access does.
  const statement = (pool: pg.Pool) => async (req: { headers: Record<string, unknown>; query: unknown }) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [req.headers['x-tenant']]);
      const { rows } = await client.query(JSON_AGG, [(req.query as { body: string }).body]);
      await client.query('commit');
      return { data: { meetings: rows[0].page } };
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  };
  bare.get('/rls', statement(appPool));
  bare.get('/bypass', statement(superPool));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  // B: PostGraphile as the API role, in its own process (see lib/postgraphile-child.ts).
  graphile = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'lib/postgraphile-child.js'), db.appUrl, target.id], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const graphilePort = await new Promise<string>((resolve, reject) => {
    graphile!.stdout!.once('data', (c: Buffer) => resolve(c.toString().trim()));
    graphile!.once('exit', (code) => reject(new Error(`PostGraphile exited ${code}`)));
  });
  const graphileBase = `http://127.0.0.1:${graphilePort}`;

  const json = { 'content-type': 'application/json' };
  const specs: Record<'api' | 'postgraphile' | 'sql' | 'bypass', LoadSpec> = {
    api: {
      url: `${base}/graphql`,
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query: API_QUERY, variables: { body: target.councilId } }),
      connections: CONNECTIONS,
      duration: SECONDS,
    },
    postgraphile: {
      url: `${graphileBase}/graphql`,
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: POSTGRAPHILE_QUERY, variables: { body: target.councilId } }),
      connections: CONNECTIONS,
      duration: SECONDS,
    },
    sql: { url: `${bareBase}/rls?body=${target.councilId}`, headers: { 'x-tenant': target.id }, connections: CONNECTIONS, duration: SECONDS },
    bypass: { url: `${bareBase}/bypass?body=${target.councilId}`, headers: { 'x-tenant': target.id }, connections: CONNECTIONS, duration: SECONDS },
  };

  // The three answers hold the same rows: checked once before anything is timed.
  const post = async (spec: LoadSpec) => (await fetch(spec.url, { method: spec.method, headers: spec.headers, body: spec.body })).json();
  const fromApi = (await post(specs.api)) as { data: { meetings: { total: number; items: { agendaItems: unknown[]; attendances: unknown[] }[] } } };
  const fromGraphile = (await post(specs.postgraphile)) as {
    errors?: unknown;
    data: {
      allMeetings: {
        totalCount: number;
        nodes: { agendaItemsByTenantIdAndMeetingId: { nodes: unknown[] }; attendancesByTenantIdAndMeetingId: { nodes: unknown[] } }[];
      };
    };
  };
  if (fromGraphile.errors) throw new Error(`PostGraphile: ${JSON.stringify(fromGraphile.errors)}`);
  const fromSql = (await post(specs.sql)) as typeof fromApi;
  const shape = (items: { a: number; t: number }[]) => JSON.stringify([items.length, items.reduce((s, x) => s + x.a, 0), items.reduce((s, x) => s + x.t, 0)]);
  const apiShape = shape(fromApi.data.meetings.items.map((m) => ({ a: m.agendaItems.length, t: m.attendances.length })));
  const graphileShape = shape(
    fromGraphile.data.allMeetings.nodes.map((m) => ({
      a: m.agendaItemsByTenantIdAndMeetingId.nodes.length,
      t: m.attendancesByTenantIdAndMeetingId.nodes.length,
    })),
  );
  const sqlShape = shape(fromSql.data.meetings.items.map((m) => ({ a: m.agendaItems.length, t: m.attendances.length })));
  if (apiShape !== graphileShape || apiShape !== sqlShape)
    throw new Error(`different answers: API ${apiShape}, PostGraphile ${graphileShape}, SQL ${sqlShape}`);
  const bytes = JSON.stringify(fromApi).length;
  console.log(`each answer: [meetings, agenda items, attendances] = ${apiShape}, ${(bytes / 1024).toFixed(0)} kB as the API sends it`);

  // Warm-up: JIT, pools, PostGraphile's introspection.
  for (const spec of Object.values(specs)) await load({ ...spec, duration: 2 });
  const runs = await alternate(ROUNDS, {
    api: () => load(specs.api),
    postgraphile: () => load(specs.postgraphile),
    sql: () => load(specs.sql),
    bypass: () => load(specs.bypass),
  });
  const s = { api: summary(runs.api), postgraphile: summary(runs.postgraphile), sql: summary(runs.sql), bypass: summary(runs.bypass) };
  const note = `${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s; answers: ${apiShape} (meetings, items, attendances)`;
  record({
    benchmark: 'admin query',
    figure: 'API req/s vs PostGraphile',
    value: s.api.rps,
    unit: 'req/s',
    baseline: 'PostGraphile 4',
    baselineValue: s.postgraphile.rps,
    goal: '≥ 1.5',
    met: s.api.rps / s.postgraphile.rps >= 1.5,
    note,
  });
  record({
    benchmark: 'admin query',
    figure: 'API req/s vs hand-written SQL',
    value: s.api.rps,
    unit: 'req/s',
    baseline: 'bare Fastify + json_agg (RLS)',
    baselineValue: s.sql.rps,
    goal: '≥ 0.70',
    met: s.api.rps / s.sql.rps >= 0.7,
  });
  record({
    benchmark: 'admin query',
    figure: 'API p99 vs hand-written SQL',
    value: s.api.p99,
    unit: 'ms',
    baseline: 'bare Fastify + json_agg (RLS)',
    baselineValue: s.sql.p99,
  });
  record({
    benchmark: 'admin query',
    figure: 'PostGraphile p99 vs hand-written SQL',
    value: s.postgraphile.p99,
    unit: 'ms',
    baseline: 'bare Fastify + json_agg (RLS)',
    baselineValue: s.sql.p99,
  });
  const overhead = s.bypass.rps / s.sql.rps - 1;
  record({
    benchmark: 'RLS cost',
    figure: 'json_agg route req/s, RLS on (API role)',
    value: s.sql.rps,
    unit: 'req/s',
    baseline: 'same, superuser (RLS bypassed)',
    baselineValue: s.bypass.rps,
    goal: 'overhead ≤ 10%',
    met: overhead <= 0.1,
    note: `overhead ${(overhead * 100).toFixed(1)}% (bypass req/s ÷ RLS req/s − 1)`,
  });
  if (s.api.failures + s.postgraphile.failures + s.sql.failures + s.bypass.failures) {
    console.error('non-2xx answers under load', s);
    process.exitCode = 1;
  }
  record({ benchmark: 'memory', figure: 'peak RSS, admin query (API + baselines in one process)', value: peakRssMb(), unit: 'MB' });

  // Tenant scaling: the same municipality's query, and a region's comparison, as municipalities are added.
  const coordinator = await token(`samordnare.${data.regions[0]!.slug}`);
  const from = new Date(until.getTime() - 5 * 365 * 86_400_000).toISOString().slice(0, 10);
  const to = until.toISOString().slice(0, 10);
  const comparisonSpec: LoadSpec = {
    url: `${base}/graphql`,
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${coordinator}` },
    body: JSON.stringify({ query: COMPARISON_QUERY, variables: { f: from, t: to } }),
    connections: 1,
    duration: 3,
  };
  const scale: { size: number; adminMs: number; comparisonMs: number }[] = [];
  let written = BASE;
  for (const size of process.env.BENCH_SCALING === 'off' ? [] : [1, 4, 16]) {
    if (size * BASE > written) {
      t0 = performance.now();
      const more = await generateNational(
        { owner, appUrl: db.appUrl },
        {
          ...generation,
          municipalities: size * BASE - written,
          firstMunicipality: written,
          regionsFrom: data.regions,
        },
      );
      written = size * BASE;
      await owner.query('analyze');
      console.log(`${size}×: ${written} municipalities (${more.meetings} more ended meetings) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    await load({ ...specs.api, connections: 1, duration: 1 });
    const adminRuns = [await load({ ...specs.api, connections: 1, duration: 3 }), await load({ ...specs.api, connections: 1, duration: 3 })];
    const comparisonRuns = [await load(comparisonSpec), await load(comparisonSpec)];
    scale.push({ size, adminMs: median(adminRuns.map((r) => r.p50)), comparisonMs: median(comparisonRuns.map((r) => r.p50)) });
  }
  const one = scale[0];
  for (const point of one ? scale.slice(1) : []) {
    record({
      benchmark: 'tenant scaling',
      figure: `admin query p50 at ${point.size}× (${point.size * BASE} municipalities)`,
      value: point.adminMs,
      unit: 'ms',
      baseline: `1× (${BASE})`,
      baselineValue: one!.adminMs,
      ...(point.size === 16 ? { goal: '≤ 1.2', met: point.adminMs / one!.adminMs <= 1.2 } : {}),
    });
    record({
      benchmark: 'tenant scaling',
      figure: `coordinator's comparison p50 at ${point.size}×`,
      value: point.comparisonMs,
      unit: 'ms',
      baseline: `1× (${BASE})`,
      baselineValue: one!.comparisonMs,
      note:
        point.size === 16
          ? `a region holds ${Math.ceil((16 * BASE) / REGIONS)} municipalities at 16×, ${Math.ceil(BASE / REGIONS)} at 1×: the comparison grows with its region`
          : undefined,
    });
  }
} finally {
  await app?.close();
  await bare.close();
  graphile?.kill();
  await Promise.all([appPool.end(), superPool.end()]);
  await owner.end();
  await admin(`drop database if exists ${dbName} with (force)`);
}
