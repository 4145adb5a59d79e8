import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import { generateNational, type NationalData } from '@motesplats/api/seed/national-data.js';
import { addRegion } from '@motesplats/api/regions/add-region.js';
import { DirectoryService } from '@motesplats/api/tenancy/directory.service.js';
import { sql } from '../support/sql.js';
import { errorCode, gql, startTestApp, type TestApp } from '../support/test-app.js';

const THRESHOLD = 3;

interface Fig {
  value: number | null;
  suppressed: boolean;
  display: string;
}

/** The figures straight from the raw tables, suppressed the way the product promises. */
async function rawFigures(ownerUrl: string, municipalityId: string, from: string, to: string, kind: string | null) {
  const [r] = await sql<Record<string, string>>(
    ownerUrl,
    `with m as (
       select mt.id, (select count(*) from attendance a where a.tenant_id = mt.tenant_id and a.meeting_id = mt.id and a.mode <> 'absent') as present,
              (select count(*) from attendance a where a.tenant_id = mt.tenant_id and a.meeting_id = mt.id and a.mode = 'remote') as remote
         from meeting mt join body b on b.tenant_id = mt.tenant_id and b.id = mt.body_id
        where mt.tenant_id = $1 and mt.status = 'ended' and ($4::text is null or b.kind = $4)
          and (mt.starts_at at time zone 'Europe/Stockholm')::date >= date_trunc('quarter', $2::date)::date
          and date_trunc('quarter', mt.starts_at at time zone 'Europe/Stockholm')::date <= $3::date
     ), r as (
       select rep.* from experience_report rep join m on m.id = rep.meeting_id where rep.tenant_id = $1 and rep.status = 'submitted'
     )
     select (select count(*) from m) as held, (select count(*) from m where remote > 0) as rmeet,
            (select coalesce(sum(present), 0) from m) as att, (select coalesce(sum(remote), 0) from m) as ratt,
            (select count(*) from r) as reps, (select count(*) from experience_incident i join r on r.id = i.report_id where i.tenant_id = $1) as inc,
            (select coalesce(sum(minutes_lost), 0) from experience_incident i join r on r.id = i.report_id where i.tenant_id = $1) as mins,
            (select coalesce(sum(rating), 0) from r) as rsum, (select count(rating) from r) as rcount,
            (select count(*) from r where support_sufficient) as sup`,
    [municipalityId, from, to, kind],
  );
  const n = Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)])) as Record<string, number>;
  const small = (x: number) => x > 0 && x < THRESHOLD;
  const count = (x: number) => (small(x) ? null : x);
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    meetingsHeld: count(n.held!),
    remoteMeetings: count(n.rmeet!),
    remoteShare: n.att! >= THRESHOLD && !small(n.ratt!) ? round(n.ratt! / n.att!, 4) : null,
    reports: count(n.reps!),
    incidents: count(n.inc!),
    incidentsPer10Meetings: n.held! >= THRESHOLD && !small(n.inc!) ? round((10 * n.inc!) / n.held!, 2) : null,
    minutesLost: small(n.inc!) ? null : n.mins!,
    averageRating: n.rcount! >= THRESHOLD ? round(n.rsum! / n.rcount!, 2) : null,
    supportSufficientShare: n.reps! >= THRESHOLD && !small(n.sup!) && !small(n.reps! - n.sup!) ? round(n.sup! / n.reps!, 4) : null,
    held: n.held!,
  };
}

const FIGURES = [
  'meetingsHeld',
  'remoteMeetings',
  'remoteShare',
  'reports',
  'incidents',
  'incidentsPer10Meetings',
  'minutesLost',
  'averageRating',
  'supportSufficientShare',
] as const;
const COUNTS = ['meetingsHeld', 'remoteMeetings', 'reports', 'incidents'] as const;
const ROW_FIELDS = `municipalityId municipalityName municipalityCode sharesAggregates sharesReports licenceCostSekPerYear licencePlatforms
  ${FIGURES.map((f) => `${f} { value suppressed display }`).join(' ')} trainingCoverage { value suppressed display }`;

describe('comparison: municipalities side by side, on generated data', () => {
  let t: TestApp;
  let data: NationalData;
  let coordinator: string;
  const until = new Date();
  const year = until.getUTCFullYear() - 1;

  beforeAll(async () => {
    t = await startTestApp();
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      data = await generateNational(
        { owner: client, appUrl: t.appDatabaseUrl },
        { seed: 11, regions: 2, municipalities: 10, years: 2, meetingsPerYear: 14, until },
      );
    } finally {
      await client.end();
    }
    await t.app.get(DirectoryService).reload();
    coordinator = t.realm.token(data.regions[0]!.slug, ['coordinator']);
  });
  afterAll(async () => {
    await t.close();
  });

  for (const kind of [null, 'committee']) {
    it(`equals the figures computed from the raw tables (${kind ?? 'all body types'}), and shows no count below the threshold`, async () => {
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const res = await gql(
        t.url,
        coordinator,
        `query($f: String!, $t: String!, $k: String) { regionalComparison(from: $f, to: $t, bodyKind: $k) { threshold rows { ${ROW_FIELDS} } } }`,
        { f: from, t: to, k: kind },
      );
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const rows = res.data!.regionalComparison.rows as Record<string, any>[];
      assert.equal(res.data!.regionalComparison.threshold, THRESHOLD);
      assert.deepEqual(rows.map((r) => r.municipalityId).sort(), [...data.regions[0]!.municipalityIds].sort(), "exactly the region's municipalities");
      let suppressedSeen = 0;
      for (const row of rows) {
        const raw = await rawFigures(t.ownerUrl, row.municipalityId, from, to, kind);
        assert.ok(raw.held > 0, 'the generated data has meetings in the period');
        for (const f of FIGURES) {
          assert.equal((row[f] as Fig).value, raw[f], `${row.municipalityName} ${f}`);
          if ((row[f] as Fig).suppressed) {
            suppressedSeen++;
            assert.equal((row[f] as Fig).display, '< 3');
          }
        }
        for (const f of COUNTS) {
          const v = (row[f] as Fig).value;
          assert.ok(v === null || v === 0 || v >= THRESHOLD, `${f} ${v} is not a small count`);
        }
        assert.match(row.municipalityCode, /^\d{4}$/);
      }
      if (kind === 'committee') assert.ok(suppressedSeen > 0, 'the body-type slice is small enough to suppress something');
    });
  }

  it('drops a municipality that stops sharing aggregates at once; its rules stay while it shares them', async () => {
    const target = data.regions[0]!.municipalityIds[0]!;
    await sql(t.ownerUrl, `insert into municipality_region_settings (tenant_id, shares_aggregates, shares_reports) values ($1, false, false)`, [target]);
    const res = await gql(
      t.url,
      coordinator,
      `{ regionalComparison(from: "${year}-01-01", to: "${year}-12-31") { rows { municipalityId sharesAggregates meetingsHeld { value } reports { value } } rules { municipalityId } } }`,
    );
    const row = res.data!.regionalComparison.rows.find((r: { municipalityId: string }) => r.municipalityId === target);
    assert.deepEqual(row, { municipalityId: target, sharesAggregates: false, meetingsHeld: null, reports: null });
    assert.ok(res.data!.regionalComparison.rules.some((r: { municipalityId: string }) => r.municipalityId === target));
    await sql(t.ownerUrl, `update municipality_region_settings set shares_rules = false where tenant_id = $1`, [target]);
    const after = await gql(t.url, coordinator, `{ regionalComparison(from: "${year}-01-01", to: "${year}-12-31") { rules { municipalityId } } }`);
    assert.ok(!after.data!.regionalComparison.rules.some((r: { municipalityId: string }) => r.municipalityId === target));
    await sql(t.ownerUrl, `delete from municipality_region_settings where tenant_id = $1`, [target]);
  });

  it('gives trends per quarter, the rules matrix with deviations, and refuses non-coordinators', async () => {
    const res = await gql(
      t.url,
      coordinator,
      `{ regionalComparison(from: "${year}-01-01", to: "${year}-12-31") { trends { municipalityId quarter meetingsHeld { value } } rules { municipalityName bodyType remoteAllowed deviations { field change } } } }`,
    );
    const quarters = new Set(res.data!.regionalComparison.trends.map((p: { quarter: string }) => p.quarter));
    assert.deepEqual([...quarters].sort(), [`${year}-01-01`, `${year}-04-01`, `${year}-07-01`, `${year}-10-01`]);
    const bodyTypes = new Set(res.data!.regionalComparison.rules.map((r: { bodyType: string }) => r.bodyType));
    assert.equal(bodyTypes.size, 5);
    const admin = t.realm.token('uddevalla', ['tenant-admin']);
    assert.equal(errorCode(await gql(t.url, admin, '{ regionalComparison(from: "2020-01-01", to: "2020-12-31") { threshold } }')), 'FORBIDDEN');
  });

  it('exports CSV and a Kolada layout (KPI, kommunkod, year, gender, value) matching the figures', async () => {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const res = await gql(t.url, coordinator, `{ regionalComparison(from: "${from}", to: "${to}") { rows { municipalityCode meetingsHeld { value } } } }`);
    const kolada = await fetch(`${t.url}/comparison/kolada.csv?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${coordinator}` } });
    assert.equal(kolada.status, 200);
    const lines = (await kolada.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'kpi;municipality;period;gender;value');
    for (const row of res.data!.regionalComparison.rows as { municipalityCode: string; meetingsHeld: { value: number | null } }[]) {
      const line = lines.find((l) => l.startsWith(`MP0001;${row.municipalityCode};${year};T;`));
      if (row.meetingsHeld.value === null) assert.equal(line, undefined, 'suppressed figures are not exported');
      else assert.equal(line, `MP0001;${row.municipalityCode};${year};T;${row.meetingsHeld.value}`);
    }
    const csv = await fetch(`${t.url}/comparison/comparison.csv?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${coordinator}` } });
    assert.equal(csv.status, 200);
    assert.equal((await csv.text()).trim().split('\r\n').length, 1 + data.regions[0]!.municipalityIds.length);
    const refused = await fetch(`${t.url}/comparison/comparison.csv?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${t.realm.token('uddevalla', ['tenant-admin'])}` },
    });
    assert.equal(refused.status, 403);
  });

  it('lets an operator add a region; its coordinator sees only its municipalities', async () => {
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      const spec = {
        slug: 'test-forbund',
        name: 'Testförbundet',
        municipalities: [
          { name: 'Alfa', code: '0901', slug: 'alfa' },
          { name: 'Beta', code: '0902', slug: 'beta' },
        ],
      };
      const first = await addRegion(client, spec);
      assert.deepEqual(first.added, ['Alfa', 'Beta']);
      const again = await addRegion(client, { ...spec, municipalities: [...spec.municipalities, { name: 'Gamma', code: '0903', slug: 'gamma' }] });
      assert.deepEqual(
        { added: again.added, existing: again.existing, same: again.regionId === first.regionId },
        { added: ['Gamma'], existing: ['Alfa', 'Beta'], same: true },
      );
      await assert.rejects(
        addRegion(client, { slug: 'other', name: 'Annat', municipalities: [{ name: 'Uddevalla', code: '1485', slug: 'uddevalla' }] }),
        /another region/,
      );
      await assert.rejects(addRegion(client, { slug: 'bad', name: 'X', municipalities: [{ name: 'Y', code: '12', slug: 'y' }] }), /four digits/);
    } finally {
      await client.end();
    }
    await t.app.get(DirectoryService).reload();
    const token = t.realm.token('test-forbund', ['coordinator']);
    const res = await gql(
      t.url,
      token,
      '{ municipalities(perPage: 50) { items { name } } regionalComparison(from: "2020-01-01", to: "2020-12-31") { rows { municipalityName } } }',
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(
      res.data!.municipalities.items.map((m: { name: string }) => m.name),
      ['Alfa', 'Beta', 'Gamma'],
    );
    assert.deepEqual(
      res.data!.regionalComparison.rows.map((m: { municipalityName: string }) => m.municipalityName),
      ['Alfa', 'Beta', 'Gamma'],
    );
  });
});
