/**
 * Benchmark: support suggestions for a municipality with 40 staff, a regional pool of 20 and
 * 300 meetings in a quarter (with a third of them already staffed, absences, weekly patterns).
 * Times SupportScheduleService.suggest — the meeting's needs from the rules' evaluation, everyone
 * who could serve, their absences, shifts (the pool's across the region) and month's load, then
 * eligibility and ranking — against, in the same run and the same kind of tenant transaction, a
 * plain SQL availability query: staff with the skill who are neither absent nor booked during
 * the shift (no weekly pattern, no pool, no ranking). Prints medians, p90 and the ratio.
 * No assertions on timing.
 *
 *   npm run bench support
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '@motesplats/api/app.factory.js';
import { loadConfig, REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { localTime } from '@motesplats/rules';
import { prepareDatabase } from '@motesplats/api/database/bootstrap.js';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { demoId, seedDemoRegion } from '@motesplats/api/seed/demo-seeder.js';
import { SupportScheduleService } from '@motesplats/api/support/support-schedule.service.js';
import { record } from './lib/report.js';

const STAFF = 40;
const POOL = 20;
const MEETINGS = 300;
const SAMPLES = 150;
const SERVER = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SLUG = 'uddevalla';

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
  queuePrefix: `motesplats-bench-${randomBytes(4).toString('hex')}`,
};
const db = await prepareDatabase(config, () => undefined);
await seedDemoRegion(db.ownerUrl);
const tenantId = demoId(`municipality:${SLUG}`);
const regionId = demoId('region:fyrbodal');

// --- data: 40 staff, a pool of 20, 300 meetings over 13 weeks, a third staffed ---------------
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
await owner.query('begin');
await owner.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
await owner.query('delete from support_assignment; delete from support_staff; delete from regional_support_staff');
await owner.query(
  `insert into support_settings (tenant_id, uses_regional_pool) values ($1, true) on conflict (tenant_id) do update set uses_regional_pool = true`,
  [tenantId],
);
const skillsOf = (i: number) => (i % 3 === 0 ? ['it_support', 'meeting_support'] : i % 3 === 1 ? ['it_support'] : ['meeting_support', 'secretary']);
const weeklyOf = (i: number) =>
  JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: i % 2 ? '07:00' : '12:00', to: i % 4 === 0 ? '17:00' : '23:30' })));
const staffIds: string[] = [];
for (let i = 0; i < STAFF; i++) {
  const id = demoId(`bench-staff:${i}`);
  staffIds.push(id);
  await owner.query(`insert into support_staff (tenant_id, id, name, skills, weekly) values ($1, $2, $3, $4, $5)`, [
    tenantId,
    id,
    `Person ${i}`,
    skillsOf(i),
    weeklyOf(i),
  ]);
}
for (let i = 0; i < POOL; i++) {
  await owner.query(`insert into regional_support_staff (region_id, id, name, skills, weekly) values ($1, $2, $3, $4, $5)`, [
    regionId,
    demoId(`bench-pool:${i}`),
    `Pool ${i}`,
    skillsOf(i),
    weeklyOf(i + 1),
  ]);
}
const [{ id: bodyId }] = (await owner.query(`select id from body where kind = 'council' and tenant_id = $1`, [tenantId])).rows;
const start = new Date();
const meetingIds: string[] = [];
for (let i = 0; i < MEETINGS; i++) {
  const day = new Date(start.getTime() + Math.floor((i * 91) / MEETINGS) * 86_400_000 + 86_400_000);
  const [y, m, d] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(day).split('-').map(Number) as [number, number, number];
  const hour = [9, 13, 15, 18][i % 4]!;
  const id = demoId(`bench-meeting:${i}`);
  meetingIds.push(id);
  await owner.query(
    `insert into meeting (tenant_id, id, body_id, title, starts_at, ends_at, place, status) values ($1, $2, $3, $4, $5, $6, 'Stadshuset', 'planned')`,
    [tenantId, id, bodyId, `Möte ${i}`, localTime(y, m, d, hour), localTime(y, m, d, hour + 2)],
  );
  if (i % 3 === 0) {
    await owner.query(
      `insert into support_assignment (tenant_id, id, meeting_id, role, staff_id, status, assigned_by) values ($1, $2, $3, 'it_support', $4, 'accepted', 'bench')`,
      [tenantId, demoId(`bench-assignment:${i}`), id, staffIds[(i * 7) % STAFF]],
    );
  }
  if (i % 10 === 0) {
    await owner.query(`insert into support_absence (tenant_id, id, staff_id, starts_at, ends_at, kind) values ($1, $2, $3, $4, $5, 'holiday')`, [
      tenantId,
      demoId(`bench-absence:${i}`),
      staffIds[(i * 3) % STAFF],
      localTime(y, m, d, 0),
      localTime(y, m, d, 23, 59),
    ]);
  }
}
await owner.query('commit');
await owner.end();

// --- measure ------------------------------------------------------------------------------------
const app = await createApp(config, db.appUrl);
await app.init();
const tenantDb = app.get(TenantDb);
const schedule = app.get(SupportScheduleService);
const actor = { userId: 'bench', username: 'admin.bench', name: 'Bench', roles: ['tenant-admin' as const], tenantId, regionId };
const rows: { starts_at: Date; ends_at: Date }[] = (await tenantDb.run(tenantId, (em) =>
  em.query('select starts_at, ends_at from meeting where id = any($1::uuid[])', [meetingIds]),
)) as never;
const timesOf = new Map(meetingIds.map((id, i) => [id, rows[i]!]));

const PLAIN_SQL = `
  select s.id from support_staff s
   where 'it_support' = any(s.skills) and s.active
     and not exists (select 1 from support_absence a where a.staff_id = s.id and a.kind <> 'extra_availability' and a.starts_at < $2 and a.ends_at > $1)
     and not exists (select 1 from support_assignment x join meeting m on m.tenant_id = x.tenant_id and m.id = x.meeting_id
                      where x.staff_id = s.id and x.status in ('assigned', 'accepted')
                        and m.starts_at - interval '30 minutes' < $2 and m.ends_at + interval '15 minutes' > $1)
   order by s.name`;

async function time(fn: (meetingId: string) => Promise<number>): Promise<{ ms: number[]; sink: number }> {
  const ms: number[] = [];
  let sink = 0;
  for (let i = 0; i < 10; i++) sink += await fn(meetingIds[i]!);
  for (let i = 0; i < SAMPLES; i++) {
    const id = meetingIds[(i * 37) % MEETINGS]!;
    const t0 = performance.now();
    sink += await fn(id);
    ms.push(performance.now() - t0);
  }
  return { ms, sink };
}
const suggest = (id: string) => tenantDb.run(tenantId, async () => (await schedule.suggest(id, 'it_support')).suggestions.length, actor);
const plain = (id: string) => {
  const m = timesOf.get(id)!;
  const from = new Date(m.starts_at.getTime() - 30 * 60_000);
  const to = new Date(m.ends_at.getTime() + 15 * 60_000);
  return tenantDb.run(tenantId, async (em) => ((await em.query(PLAIN_SQL, [from, to])) as unknown[]).length, actor);
};
// Interleaved halves so neither side gets a warmer cache or a quieter machine.
const a1 = await time(suggest);
const b1 = await time(plain);
const a2 = await time(suggest);
const b2 = await time(plain);
await app.close();
await admin(`drop database ${dbName} with (force)`);

const stats = (ms: number[]) => {
  const s = [...ms].sort((x, y) => x - y);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, median: q(0.5), p10: q(0.1), p90: q(0.9) };
};
const sug = stats([...a1.ms, ...a2.ms]);
const sql = stats([...b1.ms, ...b2.ms]);
const f = (n: number) => n.toFixed(2).padStart(9);
console.log(
  `support-suggestions: ${STAFF} staff, pool of ${POOL}, ${MEETINGS} meetings in a quarter (${Math.ceil(MEETINGS / 3)} staffed) (node ${process.version})`,
);
console.log('');
console.log('case                                   runs  median ms    p10 ms    p90 ms');
console.log(`suggest (needs, eligibility, ranking)  ${String(sug.n).padStart(4)} ${f(sug.median)} ${f(sug.p10)} ${f(sug.p90)}`);
console.log(`plain SQL availability query           ${String(sql.n).padStart(4)} ${f(sql.median)} ${f(sql.p10)} ${f(sql.p90)}`);
console.log('');
console.log(`ratio (median suggest / median plain SQL): ${(sug.median / sql.median).toFixed(1)}×`);
record({
  benchmark: 'support suggestions',
  figure: 'suggest (needs, eligibility, ranking), median',
  value: sug.median,
  unit: 'ms',
  baseline: 'plain SQL availability query',
  baselineValue: sql.median,
});
console.log(`(checksum ${a1.sink + a2.sink + b1.sink + b2.sink})`);
process.exit(0);
