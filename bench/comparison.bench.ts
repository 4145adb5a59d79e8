/**
 * Benchmark: the coordinators' comparison at national scale — 290 municipalities in 21 regions
 * with 5 years of ended meetings (generated deterministically from a seed by
 * bench/lib/national-data.ts). In the same run it measures
 *   1. regional_comparison() on the quarterly rollups, as the API's role with a region bound
 *      (what the comparison page asks), whole period and per quarter;
 *   2. the same figures computed from the raw tables (meetings, attendance, reports,
 *      incidents) — the query the rollups spare us;
 *   3. the whole GraphQL regionalComparison (rules matrix, training, licence estimate) over HTTP;
 * checks that 1 and 2 agree for every region, and prints p50/p95 and the ratio. No timing
 * assertions. Scale via BENCH_MUNICIPALITIES, BENCH_REGIONS, BENCH_YEARS, BENCH_MEETINGS_PER_YEAR.
 *
 *   npm run bench comparison
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '@motesplats/api/app.factory.js';
import { loadConfig, REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { prepareDatabase } from '@motesplats/api/database/bootstrap.js';
import { generateNational } from './lib/national-data.js';
import { record } from './lib/report.js';

const SERVER = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 290);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 21);
const YEARS = Number(process.env.BENCH_YEARS ?? 5);
const MEETINGS_PER_YEAR = Number(process.env.BENCH_MEETINGS_PER_YEAR ?? 12);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const THRESHOLD = 3;

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** The raw-table computation of the comparison's figures for one region, suppressed like the product. */
const RAW = `
  with m as (
    select mt.tenant_id, mt.id, count(a.id) filter (where a.mode <> 'absent') as present, count(a.id) filter (where a.mode = 'remote') as remote
      from meeting mt
      join municipality mu on mu.id = mt.tenant_id and mu.region_id = $1
      left join attendance a on a.tenant_id = mt.tenant_id and a.meeting_id = mt.id
     where mt.status = 'ended' and meeting_quarter(mt.starts_at) between date_trunc('quarter', $2::timestamp)::date and $3::date
     group by mt.tenant_id, mt.id
  ), r as (
    select rep.tenant_id, rep.rating, rep.support_sufficient,
           (select count(*) from experience_incident i where i.tenant_id = rep.tenant_id and i.report_id = rep.id) as inc,
           (select coalesce(sum(minutes_lost), 0) from experience_incident i where i.tenant_id = rep.tenant_id and i.report_id = rep.id) as mins
      from experience_report rep join m on m.tenant_id = rep.tenant_id and m.id = rep.meeting_id
     where rep.status = 'submitted'
  )
  select m.tenant_id, count(*) as held, count(*) filter (where remote > 0) as rmeet, sum(present) as att, sum(remote) as ratt,
         coalesce(max(rr.reps), 0) as reps, coalesce(max(rr.inc), 0) as inc, coalesce(max(rr.mins), 0) as mins,
         coalesce(max(rr.rsum), 0) as rsum, coalesce(max(rr.rcount), 0) as rcount, coalesce(max(rr.sup), 0) as sup
    from m left join (
      select tenant_id, count(*) as reps, sum(inc) as inc, sum(mins) as mins, sum(rating) as rsum, count(rating) as rcount,
             count(*) filter (where support_sufficient) as sup
        from r group by tenant_id
    ) rr on rr.tenant_id = m.tenant_id
   group by m.tenant_id`;

function suppressRaw(row: Record<string, string>) {
  const n = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<string, number>;
  const small = (x: number) => x > 0 && x < THRESHOLD;
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  return [
    small(n.held!) ? null : n.held!,
    small(n.rmeet!) ? null : n.rmeet!,
    n.att! >= THRESHOLD && !small(n.ratt!) ? round(n.ratt! / n.att!, 4) : null,
    small(n.reps!) ? null : n.reps!,
    small(n.inc!) ? null : n.inc!,
    n.held! >= THRESHOLD && !small(n.inc!) ? round((10 * n.inc!) / n.held!, 2) : null,
    small(n.inc!) ? null : n.mins!,
    n.rcount! >= THRESHOLD ? round(n.rsum! / n.rcount!, 2) : null,
    n.reps! >= THRESHOLD && !small(n.sup!) && !small(n.reps! - n.sup!) ? round(n.sup! / n.reps!, 4) : null,
  ];
}

function fromFunction(row: Record<string, string | null>) {
  return [
    'meetings_held',
    'remote_meetings',
    'remote_share',
    'reports',
    'incidents',
    'incidents_per_10',
    'minutes_lost',
    'average_rating',
    'support_sufficient_share',
  ].map((k) => (row[k] === null ? null : Number(row[k])));
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
  queuePrefix: `motesplats-bench-${randomBytes(4).toString('hex')}`,
};
const db = await prepareDatabase(config, () => undefined);
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
const until = new Date();
const to = until.toISOString().slice(0, 10);
const from = new Date(until.getTime() - YEARS * 365 * 86_400_000).toISOString().slice(0, 10);
let app: Awaited<ReturnType<typeof createApp>> | undefined;
try {
  const t0 = performance.now();
  const data = await generateNational(
    { owner, appUrl: db.appUrl },
    {
      seed: 2026,
      regions: REGIONS,
      municipalities: MUNICIPALITIES,
      years: YEARS,
      meetingsPerYear: MEETINGS_PER_YEAR,
      until,
    },
  );
  await owner.query('analyze');
  console.log(
    `generated ${MUNICIPALITIES} municipalities in ${REGIONS} regions, ${YEARS} years: ${data.meetings} meetings, ${data.attendances} attendances in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const appRole = new pg.Client({ connectionString: db.appUrl });
  await appRole.connect();
  const rollup: number[] = [];
  const rollupQuarterly: number[] = [];
  const raw: number[] = [];
  let mismatches = 0;
  let compared = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const region of data.regions) {
      await appRole.query('begin');
      await appRole.query(`select set_config('app.tenant_id', '', true), set_config('app.region_id', $1, true)`, [region.id]);
      let s = performance.now();
      const fn = (await appRole.query('select * from regional_comparison($1, $2, null, false)', [from, to])).rows;
      rollup.push(performance.now() - s);
      s = performance.now();
      await appRole.query('select * from regional_comparison($1, $2, null, true)', [from, to]);
      rollupQuarterly.push(performance.now() - s);
      await appRole.query('commit');
      s = performance.now();
      const rows = (await owner.query(RAW, [region.id, from, to])).rows;
      raw.push(performance.now() - s);
      if (round === 0) {
        for (const r of rows) {
          const f = fn.find((x) => x.municipality_id === r.tenant_id);
          compared++;
          if (!f || JSON.stringify(fromFunction(f)) !== JSON.stringify(suppressRaw(r))) mismatches++;
        }
        if (fn.length !== rows.length) mismatches++;
      }
    }
  }
  await appRole.end();

  app = await createApp(config, db.appUrl);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const api: number[] = [];
  const tokens = new Map<string, string>();
  for (const region of data.regions) {
    const res = await fetch(`${base}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `samordnare.${region.slug}` }),
    });
    tokens.set(region.id, ((await res.json()) as { access_token: string }).access_token);
  }
  const query = `query($f: String!, $t: String!) { regionalComparison(from: $f, to: $t) { threshold rows { municipalityCode meetingsHeld { display } remoteShare { display } incidentsPer10Meetings { display } averageRating { display } trainingCoverage { display } licenceCostSekPerYear } trends { quarter remoteShare { display } } rules { municipalityId bodyType deviations { field } } } }`;
  for (let round = 0; round < ROUNDS; round++) {
    for (const region of data.regions) {
      const s = performance.now();
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(region.id)}` },
        body: JSON.stringify({ query, variables: { f: from, t: to } }),
      });
      const body = (await res.json()) as { errors?: unknown[] };
      api.push(performance.now() - s);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    }
  }

  console.log(`period ${from} – ${to}, ${ROUNDS} rounds over ${data.regions.length} regions`);
  console.log(`rollups, whole period   p50 ${ms(pct(rollup, 50))}  p95 ${ms(pct(rollup, 95))}`);
  console.log(`rollups, per quarter    p50 ${ms(pct(rollupQuarterly, 50))}  p95 ${ms(pct(rollupQuarterly, 95))}`);
  console.log(`raw tables              p50 ${ms(pct(raw, 50))}  p95 ${ms(pct(raw, 95))}`);
  console.log(`GraphQL (whole page)    p50 ${ms(pct(api, 50))}  p95 ${ms(pct(api, 95))}`);
  console.log(`raw / rollups at p50: ${(pct(raw, 50) / pct(rollup, 50)).toFixed(1)}×`);
  console.log(`same figures: ${mismatches === 0 ? 'yes' : 'NO'} (${compared} municipalities compared, ${mismatches} mismatches)`);
  record({
    benchmark: 'comparison',
    figure: `regional_comparison() on rollups, ${MUNICIPALITIES} municipalities, p50`,
    value: pct(rollup, 50),
    unit: 'ms',
    baseline: 'same figures from the raw tables',
    baselineValue: pct(raw, 50),
    note: `same figures: ${mismatches === 0 ? 'yes' : 'NO'} (${compared} municipalities, ${mismatches} mismatches)`,
  });
  record({
    benchmark: 'comparison',
    figure: 'GraphQL regionalComparison (whole page), p50',
    value: pct(api, 50),
    unit: 'ms',
    baseline: 'rollup function alone',
    baselineValue: pct(rollup, 50),
  });
  if (mismatches) process.exitCode = 1;
} finally {
  await app?.close();
  await owner.end();
  await admin(`drop database if exists ${dbName} with (force)`);
}
