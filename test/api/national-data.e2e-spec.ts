import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { prepareDatabase } from '@motesplats/api/database/bootstrap.js';
import { generateNational, type NationalData, type NationalOptions } from '@motesplats/api/seed/national-data.js';
import { sql } from '../support/sql.js';
import { createTestDatabase } from '../support/test-database.js';

interface Db {
  ownerUrl: string;
  appUrl: string;
  drop: () => Promise<void>;
}

async function freshDatabase(): Promise<Db> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test', PORT: '0' }), databaseUrl: database.url, dataDir: join(REPO_ROOT, '.data', 'test'), keycloak: undefined };
  const db = await prepareDatabase(config, () => undefined);
  return { ownerUrl: db.ownerUrl, appUrl: db.appUrl, drop: database.drop };
}

async function generate(db: Db, options: NationalOptions): Promise<NationalData> {
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  try {
    return await generateNational({ owner, appUrl: db.appUrl }, options);
  } finally {
    await owner.end();
  }
}

/** Every generated row but when it was written, per table, as one digest each. */
async function digests(ownerUrl: string): Promise<Record<string, string>> {
  const tables = await sql<{ relname: string }>(
    ownerUrl,
    `select c.relname from pg_class c where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace and c.relname <> 'migrations' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { relname } of tables) {
    const [row] = await sql<{ n: number; digest: string }>(
      ownerUrl,
      `select count(*)::int as n, md5(coalesce(string_agg(j::text, ',' order by j::text), '')) as digest
         from (select to_jsonb(x) - 'created_at' - 'updated_at' - 'refreshed_at' as j from ${relname} x) y`,
    );
    if (row!.n) out[relname] = `${row!.n}:${row!.digest}`;
  }
  return out;
}

const OPTIONS: NationalOptions = {
  seed: 7,
  regions: 2,
  municipalities: 3,
  years: 2,
  meetingsPerYear: 10,
  until: new Date('2026-11-30T12:00:00Z'),
  upcomingMeetings: 2,
  agendaItemsPerMeeting: 3,
};

describe('national data set generator', () => {
  let once: Db;
  let grown: Db;
  let data: NationalData;

  beforeAll(async () => {
    [once, grown] = await Promise.all([freshDatabase(), freshDatabase()]);
    data = await generate(once, OPTIONS);
    // As the benchmark's multiples do: one municipality first, the others added to its regions.
    const first = await generate(grown, { ...OPTIONS, municipalities: 1 });
    await generate(grown, { ...OPTIONS, municipalities: 2, firstMunicipality: 1, regionsFrom: first.regions });
  });
  afterAll(async () => {
    await Promise.all([once?.drop(), grown?.drop()]);
  });

  it('writes the same rows from the same seed, whether the municipalities come at once or are added later', async () => {
    const [a, b] = await Promise.all([digests(once.ownerUrl), digests(grown.ownerUrl)]);
    assert.deepEqual(b, a);
    for (const table of [
      'attendance',
      'training_completion',
      'practice_session_invitee',
      'support_assignment',
      'staff_training_completion',
      'experience_report',
    ]) {
      assert.ok(a[table], `${table} has rows`);
    }
  });

  it('gives each municipality a 61-seat council with deputies and party groups, and committees and boards of 11–15', async () => {
    const tenant = data.municipalities[0]!.id;
    const seats = await sql<{ kind: string; seats: number; deputies: number; chairs: number }>(
      once.ownerUrl,
      `select b.kind, count(*) filter (where s.role <> 'deputy')::int as seats, count(*) filter (where s.role = 'deputy')::int as deputies,
              count(*) filter (where s.role = 'chair')::int as chairs
         from body b join body_membership s on s.tenant_id = b.tenant_id and s.body_id = b.id
        where b.tenant_id = $1 group by b.id, b.kind order by seats desc`,
      [tenant],
    );
    assert.deepEqual(seats[0], { kind: 'council', seats: 61, deputies: 31, chairs: 1 });
    for (const body of seats.slice(1)) {
      assert.ok(body.seats >= 11 && body.seats <= 15 && body.chairs === 1, JSON.stringify(body));
    }
    // Each party group holds as many council seats as its party's members have.
    const groups = await sql<{ council_seats: number; seated: number }>(
      once.ownerUrl,
      `select g.council_seats, (select count(*)::int from body_membership s join member p on p.tenant_id = s.tenant_id and p.id = s.member_id
                                 where s.tenant_id = g.tenant_id and s.body_id = $2 and s.role <> 'deputy' and p.party_id = g.party_id) as seated
         from party_group g where g.tenant_id = $1`,
      [tenant, data.municipalities[0]!.councilId],
    );
    assert.equal(
      groups.reduce((n, g) => n + g.council_seats, 0),
      61,
    );
    for (const g of groups) assert.equal(g.seated, g.council_seats);
  });

  it('is what the API role reads with a municipality bound: its own rows only, training and support included', async () => {
    const a = data.municipalities[0];
    const client = new pg.Client({ connectionString: once.appUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [a!.id]);
      const { rows } = await client.query<{ tenants: string[]; completions: number; shifts: number }>(
        `select array(select distinct tenant_id::text from member) as tenants, (select count(*)::int from training_completion) as completions,
                (select count(*)::int from support_assignment) as shifts`,
      );
      await client.query('commit');
      assert.deepEqual(rows[0]!.tenants, [a!.id]);
      assert.ok(rows[0]!.completions > 0 && rows[0]!.shifts > 0, JSON.stringify(rows[0]));
    } finally {
      await client.end();
    }
  });
});
