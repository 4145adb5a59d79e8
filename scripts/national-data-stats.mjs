// The national data set at the admin-query bench's 1× (BASE municipalities, 21 regions, 5 years,
// 50 upcoming council meetings × 20 items), timed, with row counts per municipality — to see
// what a change to the generator costs and holds. After `npx tsc -b`:
//   node scripts/national-data-stats.mjs   (BASE=20; UPCOMING=50; GROW=4 adds 3×BASE more as the bench's 4× does; KEEP=1 keeps the database)
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig, REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { prepareDatabase } from '@motesplats/api/database/bootstrap.js';
import { generateNational } from '@motesplats/api/seed/national-data.js';

const SERVER = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BASE = Number(process.env.BASE ?? 20);
const GROW = Number(process.env.GROW ?? 1);
const admin = async (sql) => {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  await c.query(sql).finally(() => c.end());
};
const dbName = `motesplats_natstats_${randomBytes(4).toString('hex')}`;
await admin(`create database ${dbName}`);
const url = new URL(SERVER);
url.pathname = `/${dbName}`;
const config = {
  ...loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'warn' }),
  databaseUrl: url.toString(),
  dataDir: join(REPO_ROOT, '.data', 'test'),
  keycloak: undefined,
  seedDemo: false,
};
const db = await prepareDatabase(config, () => undefined);
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
try {
  const options = {
    seed: 2026,
    regions: 21,
    years: 5,
    meetingsPerYear: 12,
    until: new Date('2026-12-01T00:00:00Z'),
    upcomingMeetings: 50,
    agendaItemsPerMeeting: 20,
  };
  const t0 = performance.now();
  const data = await generateNational({ owner, appUrl: db.appUrl }, { ...options, municipalities: BASE });
  console.log(
    `1×: ${BASE} municipalities, ${data.meetings} ended meetings, ${data.attendances} attendances in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (GROW > 1) {
    // As the bench's tenant scaling does: more municipalities in the regions already written.
    const t1 = performance.now();
    const more = await generateNational(
      { owner, appUrl: db.appUrl },
      { ...options, municipalities: (GROW - 1) * BASE, firstMunicipality: BASE, regionsFrom: data.regions },
    );
    console.log(`${GROW}×: ${(GROW - 1) * BASE} more municipalities, ${more.meetings} ended meetings in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }
  const { rows: tables } = await owner.query(
    `select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
      where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace order by 1`,
  );
  const digests = [];
  for (const { relname } of tables) {
    // The digest leaves out when rows were written: the same seed and until must give the same rows.
    const { rows } = await owner.query(
      `select count(*)::int as n, md5(coalesce(string_agg(j::text, ',' order by j::text), '')) as digest
         from (select to_jsonb(x) - 'created_at' - 'updated_at' - 'refreshed_at' as j from ${relname} x) y`,
    );
    digests.push(rows[0].digest);
    if (rows[0].n)
      console.log(`${relname.padEnd(28)} ${String(rows[0].n).padStart(9)}  ${(rows[0].n / (BASE * GROW)).toFixed(1).padStart(9)} per municipality`);
  }
  for (const table of ['video_platform', 'regional_rule_template', 'regional_training_module', 'regional_support_staff']) {
    const { rows } = await owner.query(`select count(*)::int as n from ${table}`);
    console.log(`${table.padEnd(28)} ${String(rows[0].n).padStart(9)}  (21 regions)`);
  }
  const { rows: seats } = await owner.query(
    `select b.kind, round(avg(n), 1) as seats from (select tenant_id, body_id, count(*) n from body_membership where role <> 'deputy' group by 1, 2) s
       join body b on b.tenant_id = s.tenant_id and b.id = s.body_id group by b.kind order by 1`,
  );
  for (const s of seats) console.log(`seats (excl. deputies) per ${s.kind}: ${s.seats}`);
  console.log(`digest of the municipal rows: ${createHash('md5').update(digests.join()).digest('hex')}`);
} finally {
  await owner.end();
  if (!process.env.KEEP) await admin(`drop database ${dbName} with (force)`);
}
