// The API alone under bench/admin-query.bench.ts's query, profiled: after `npx tsc -b`,
//   node scripts/profile-admin-query.mjs   (PROF=out.cpuprofile SECS=15; DUMP=answer.json keeps the first answer)
// then `node scripts/profile-summary.mjs out.cpuprofile` for self time per package and function.
// Same data set and load as the bench (10 connections), without its baselines in the process.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '@motesplats/api/app.factory.js';
import { loadConfig, REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { prepareDatabase } from '@motesplats/api/database/bootstrap.js';
import { generateNational } from '@motesplats/api/seed/national-data.js';
import { load } from '../bench/dist/lib/load.js';
const SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = async (sql) => {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  await c.query(sql).finally(() => c.end());
};
const dbName = `motesplats_prof_${randomBytes(4).toString('hex')}`;
await admin(`create database ${dbName}`);
const url = new URL(SERVER);
url.pathname = `/${dbName}`;
const config = {
  ...loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'warn' }),
  databaseUrl: url.toString(),
  dataDir: join(REPO_ROOT, '.data', 'test'),
  keycloak: undefined,
  seedDemo: false,
  queuePrefix: `prof-${randomBytes(4).toString('hex')}`,
};
const db = await prepareDatabase(config, () => undefined);
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
const data = await generateNational(
  { owner, appUrl: db.appUrl },
  {
    seed: 2026,
    regions: 21,
    years: 5,
    meetingsPerYear: 12,
    until: new Date(),
    upcomingMeetings: 50,
    agendaItemsPerMeeting: 20,
    municipalities: 20,
  },
);
await owner.query('analyze');
const target = data.municipalities[0];
const app = await createApp(config, db.appUrl);
try {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const tok = (
    await (
      await globalThis.fetch(`${base}/auth/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `admin.${target.slug}` }),
      })
    ).json()
  ).access_token;
  const Q = `query Upcoming($body: ID!) { meetings(perPage: 50, sortField: "startsAt", sortOrder: ASC, filter: { bodyId: $body, status: PLANNED }) {
  total items { id title startsAt body { name } agendaItems { number title kinds confidential } attendances { mode member { name } } } } }`;
  const spec = {
    url: `${base}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` },
    body: JSON.stringify({ query: Q, variables: { body: target.councilId } }),
    connections: 10,
    duration: 2,
  };
  const first = await (await globalThis.fetch(spec.url, { method: 'POST', headers: spec.headers, body: spec.body })).json();
  if (process.env.DUMP) (await import('node:fs')).writeFileSync(process.env.DUMP, JSON.stringify(first));
  await load(spec);
  const { Session } = await import('node:inspector/promises');
  const s = new Session();
  s.connect();
  await s.post('Profiler.enable');
  await s.post('Profiler.start');
  const r = await load({ ...spec, duration: Number(process.env.SECS ?? 15) });
  const { profile } = await s.post('Profiler.stop');
  (await import('node:fs')).writeFileSync(process.env.PROF ?? 'admin-query.cpuprofile', JSON.stringify(profile));
  console.log(`rps ${r.rps ?? JSON.stringify(r).slice(0, 200)}`);
} finally {
  await app.close();
  await owner.end();
  await admin(`drop database if exists ${dbName} with (force)`);
}
