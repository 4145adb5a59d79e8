import { createHash } from 'node:crypto';
import pg from 'pg';
import { localDate, localTime, REGIONAL_TEMPLATE } from '@motesplats/rules';
import { seedPlatformCatalog } from '../rules/platform-catalog-seed.js';
import { DEMO_MUNICIPALITIES, DEMO_PARTIES, DEMO_REGION, DEMO_REGIONS, FIRST_NAMES, LAST_NAMES, type DemoRegion } from './demo-region.js';
import { demoExperience } from './demo-experience.js';
import { demoSurveys } from './demo-surveys.js';
import { DEMO_TEMPLATE, demoRuleSet, SUB_COMMITTEE_WITHOUT_DECISION } from './demo-rules.js';
import { demoSupport, demoSupportPool } from './demo-support.js';
import { demoTraining, demoTrainingModules } from './demo-training.js';

type Row = Record<string, unknown>;

/** Stable ids: the demo is the same on every machine, and re-running it finds what it made. */
export function demoId(key: string): string {
  const h = createHash('sha1').update(`motesplats-demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Seeds region Fyrbodal with its 14 municipalities (and Västernorrland with its seven), each with a council, an executive board,
 * two committees, a sub-committee, a company board, parties, members and upcoming meetings.
 * Each region once (returns false when all exist), each in one transaction. `history` adds a
 * year of ended meetings with experience reports (npm start's demo; tests keep the plain one).
 */
export async function seedDemoRegion(ownerUrl: string, now = new Date(), options: { history?: boolean } = {}): Promise<boolean> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    let seeded = false;
    for (const region of DEMO_REGIONS) {
      const { rowCount } = await client.query('select 1 from region where slug = $1', [region.slug]);
      if (rowCount) continue;
      await client.query('begin');
      await seedRegion(client, region, now, options.history ?? false);
      await client.query('commit');
      seeded = true;
    }
    return seeded;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

/** One demo region: registry, catalog, template, training library, municipalities and their data. */
async function seedRegion(client: pg.Client, region: DemoRegion, now: Date, history: boolean): Promise<void> {
  // Fyrbodal's ids predate the second region and stay as they were; others are prefixed.
  const rid = (key: string) => demoId(region.slug === DEMO_REGION.slug ? key : `${region.slug}:${key}`);
  const regionId = demoId(`region:${region.slug}`);
  await insert(client, 'region', [{ id: regionId, name: region.name, slug: region.slug }]);
  // Region rows go in as region-wide work (no municipality bound), as a coordinator would write them.
  await seedPlatformCatalog(client, regionId);
  const templateId = rid(`template:${DEMO_TEMPLATE.key}:${DEMO_TEMPLATE.version}`);
  await insert(client, 'regional_rule_template', [
    {
      region_id: regionId,
      id: templateId,
      key: DEMO_TEMPLATE.key,
      version: DEMO_TEMPLATE.version,
      name: REGIONAL_TEMPLATE.name,
      content: { bodyTypes: REGIONAL_TEMPLATE.bodyTypes, bodies: REGIONAL_TEMPLATE.bodies },
      published_at: DEMO_TEMPLATE.publishedAt,
      published_by: region.name,
    },
  ]);
  await insert(client, 'regional_training_module', demoTrainingModules(regionId, now, rid));
  await insert(client, 'regional_support_staff', demoSupportPool(regionId, rid));
  for (const [index, m] of region.municipalities.entries()) {
    const tenantId = demoId(`municipality:${m.slug}`);
    await insert(client, 'municipality', [{ id: tenantId, region_id: regionId, name: m.name, code: m.code, slug: m.slug }]);
    // Tenant rows go in under the municipality's own tenant, as the API would write them.
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const data = buildMunicipality(tenantId, index, m, now, templateId);
    Object.assign(
      data,
      demoTraining(tenantId, data, now, (key) => demoId(`${m.slug}:${key}`)),
    );
    Object.assign(
      data,
      demoSupport(tenantId, index, m.slug, data, (key) => demoId(`${m.slug}:${key}`)),
    );
    const extra = demoExperience(tenantId, index, m.slug, data, now, history, (key) => demoId(`${m.slug}:${key}`));
    for (const [table, rows] of Object.entries(extra)) data[table] = [...(data[table] ?? []), ...rows];
    for (const [table, rows] of Object.entries(data)) await insert(client, table, rows);
    await client.query(
      `select refresh_meeting_rollup($1::uuid, q) from (select distinct meeting_quarter(starts_at) as q from meeting where tenant_id = $1 and status = 'ended') x`,
      [tenantId],
    );
  }
  for (const survey of demoSurveys(region.slug, regionId, demoId)) {
    // As the asker: the survey's policies let a municipality write only what it asks itself.
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.region_id', $2, true)`, [survey.askerTenantId ?? '', regionId]);
    for (const [table, rows] of Object.entries(survey.asked)) await insert(client, table, rows);
    for (const answer of survey.answers) {
      await client.query(`select set_config('app.tenant_id', $1, true)`, [answer.tenantId]);
      for (const [table, rows] of Object.entries(answer.rows)) await insert(client, table, rows);
      await client.query('update survey_recipient set answered_at = $3, answered_by = $4 where survey_id = $1 and municipality_id = $2', [
        survey.id,
        answer.tenantId,
        answer.answeredAt,
        'demo',
      ]);
    }
  }
  await client.query(`select set_config('app.tenant_id', '', true), set_config('app.region_id', '', true)`);
}

async function insert(client: pg.Client, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const chunk = Math.floor(30000 / columns.length);
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const values: unknown[] = [];
    const tuples = slice.map((row) => `(${columns.map((c) => `$${values.push(row[c])}`).join(', ')})`);
    await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, values);
  }
}

/** Largest-remainder allocation of the council's seats by each party's share. */
function allocateSeats(total: number): number[] {
  const exact = DEMO_PARTIES.map((p) => p.share * total);
  const seats = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, left = total - seats.reduce((a, b) => a + b, 0); left > 0; k++, left--) seats[order[k % order.length]![1]]! += 1;
  return seats;
}

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function buildMunicipality(tenantId: string, mi: number, m: (typeof DEMO_MUNICIPALITIES)[number], now: Date, templateId: string) {
  const id = (key: string) => demoId(`${m.slug}:${key}`);
  const t = { tenant_id: tenantId };
  const parties = DEMO_PARTIES.map((p) => ({ ...t, id: id(`party:${p.abbreviation}`), name: p.name, abbreviation: p.abbreviation }));
  const seats = allocateSeats(m.councilSeats);
  const partyGroups = DEMO_PARTIES.map((p, i) => ({
    ...t,
    id: id(`party-group:${p.abbreviation}`),
    party_id: parties[i]!.id,
    name: `${p.name.replace(/ \(.*\)$/, '')}s fullmäktigegrupp`,
    council_seats: seats[i]!,
  }));

  // Council members by party seat, then deputies (about half as many), then people who sit
  // only on committees and boards.
  const members: Row[] = [];
  const person = (partyIndex: number) => {
    const i = members.length;
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(Math.floor(i / FIRST_NAMES.length) + i * 7 + mi) % LAST_NAMES.length]!;
    const row = {
      ...t,
      id: id(`member:${i}`),
      name: `${first} ${last}`,
      email: i % 3 === 2 ? null : `${ascii(first)}.${ascii(last)}${i}@${m.slug}.example`,
      phone: i % 4 === 0 ? `070-${String(100 + mi).padStart(3, '0')} ${String(10 + (i % 90)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')}` : null,
      party_id: parties[partyIndex]!.id,
      // Most members sign in with their municipal account, a few with e-ID, some not yet at all.
      identity_level: i % 10 === 0 ? 'e_id' : i % 5 === 4 ? 'none' : 'municipal_account',
    };
    members.push(row);
    return row;
  };
  const byParty = (counts: number[]) => counts.flatMap((n, p) => Array.from({ length: n }, () => person(p)));
  const council = byParty(seats);
  const councilDeputies = byParty(seats.map((s) => (s ? Math.max(1, Math.round(s / 2)) : 0)));
  const others = byParty(seats.map((s) => (s ? Math.max(1, Math.round(s / 4)) : 0)));

  const body = (key: string, name: string, kind: string, parent: string | null = null) => ({ ...t, id: id(`body:${key}`), name, kind, parent_body_id: parent });
  const kf = body('kf', 'Kommunfullmäktige', 'council');
  const ks = body('ks', 'Kommunstyrelsen', 'executive_board');
  const bun = body('bun', 'Barn- och utbildningsnämnden', 'committee');
  const sn = body('sn', 'Socialnämnden', 'committee');
  const iu = body('iu', 'Socialnämndens individutskott', 'sub_committee', sn.id);
  const bolag = body('bolag', `${m.name} Bostäder AB, styrelsen`, 'company_board');

  const memberships: Row[] = [];
  const seat = (b: Row, people: Row[], deputies: Row[]) => {
    people.forEach((p, i) =>
      memberships.push({ ...t, id: id(`seat:${b.id}:${p.id}`), body_id: b.id, member_id: p.id, role: i === 0 ? 'chair' : i <= 2 ? 'vice_chair' : 'member' }),
    );
    deputies.forEach((p) => memberships.push({ ...t, id: id(`seat:${b.id}:${p.id}`), body_id: b.id, member_id: p.id, role: 'deputy' }));
  };
  // Presidium from the three largest groups: interleave parties so the chair is S, vices M and SD.
  const interleaved = interleave(council, seats);
  seat(kf, interleaved, councilDeputies);
  seat(ks, interleaved.slice(0, 11), councilDeputies.slice(0, 5));
  seat(bun, [...interleaved.slice(11, 15), ...others.slice(0, 5)], others.slice(5, 9));
  seat(sn, [...interleaved.slice(15, 19), ...others.slice(9, 14)], others.slice(14, 18));
  const snSeats = memberships.filter((s) => s.body_id === sn.id && s.role !== 'deputy').map((s) => members.find((p) => p.id === s.member_id)!);
  seat(iu, snSeats.slice(0, 3), snSeats.slice(3, 4));
  seat(bolag, [...interleaved.slice(19, 22), ...others.slice(18, 20)], others.slice(20, 22));

  const day = (offset: number, hour: number, minute = 0) => {
    const d = new Date(now.getTime() + offset * 86400000);
    const [y, mo, da] = localDate(d).split('-').map(Number) as [number, number, number];
    return localTime(y, mo, da, hour, minute);
  };
  const stagger = mi % 5;
  const meetings: Row[] = [];
  const agendaItems: Row[] = [];
  const meeting = (
    key: string,
    b: Row,
    title: string,
    offset: number,
    from: [number, number],
    to: [number, number],
    status: string,
    place: string,
    items: [string, boolean?, boolean?, string[]?][],
    platform: string | null = null,
  ) => {
    const row = {
      ...t,
      id: id(`meeting:${key}`),
      body_id: b.id,
      title,
      starts_at: day(offset, ...from),
      ends_at: day(offset, ...to),
      place,
      status,
      platform_key: platform,
    };
    meetings.push(row);
    items.forEach(([itemTitle, confidential = false, closedVote = false, kinds = []], i) =>
      agendaItems.push({
        ...t,
        id: id(`item:${key}:${i + 1}`),
        meeting_id: row.id,
        number: i + 1,
        title: itemTitle,
        confidential,
        closed_vote: closedVote,
        kinds,
      }),
    );
    return row;
  };
  const kfItems: [string, boolean?, boolean?, string[]?][] = [
    ['Upprop och val av justerare'],
    ['Godkännande av dagordningen'],
    ['Allmänhetens frågestund'],
    ['Delårsrapport per augusti'],
    ['Budget och verksamhetsplan 2027 med plan för 2028–2029'],
    ['Val av ordförande i valnämnden (sluten omröstning begärd)', false, true, ['election']],
    ['Motion om deltagande på distans i nämndernas sammanträden'],
    ['Avsägelser och fyllnadsval'],
  ];
  const pastKf = meeting('kf-past', kf, 'Kommunfullmäktige', -30 + stagger, [18, 0], [21, 0], 'ended', m.place, kfItems.slice(0, 5), 'jitsi_meet');
  const nextKf = meeting('kf-next', kf, 'Kommunfullmäktige', 14 + stagger, [18, 0], [22, 0], 'convened', m.place, kfItems, 'jitsi_meet');
  const nextKs = meeting(
    'ks-next',
    ks,
    'Kommunstyrelsen',
    7 + stagger,
    [9, 0],
    [12, 0],
    'planned',
    'Kommunhuset, KS-salen',
    [
      ['Val av justerare'],
      ['Ekonomisk uppföljning'],
      ['Remissvar: regional utvecklingsstrategi för Fyrbodal'],
      ['Lönesättning av förvaltningschef', true, false, ['personnel']],
      ['Anmälan av delegationsbeslut'],
    ],
    'teams',
  );
  meeting('bun-next', bun, 'Barn- och utbildningsnämnden', 10 + stagger, [13, 0], [16, 0], 'planned', 'Kommunhuset, sal Vänern', [
    ['Val av justerare'],
    ['Riktlinjer för skolskjuts'],
    ['Ansökan om skolplacering', true, false, ['individual']],
    ['Information från förvaltningen'],
  ]);
  meeting('sn-next', sn, 'Socialnämnden', 9 + stagger, [13, 0], [16, 0], 'planned', 'Kommunhuset, sal Kosterhavet', [
    ['Val av justerare'],
    ['Månadsuppföljning'],
    ['Överklagande av beslut om bistånd', true, false, ['individual']],
    ['Rapport enligt lex Sarah', true, false, ['individual']],
    ['Riktlinjer för ekonomiskt bistånd'],
  ]);
  const nextIu = meeting(
    'iu-next',
    iu,
    'Individutskottet',
    8 + stagger,
    [8, 30],
    [10, 0],
    'planned',
    'Kommunhuset, lilla sammanträdesrummet',
    [
      ['Individärende enligt socialtjänstlagen', true, false, ['individual']],
      ['Individärende enligt LVU', true, false, ['individual']],
      ['Anmälan av delegationsbeslut'],
    ],
    'jitsi_meet',
  );
  const nextBolag = meeting(
    'bolag-next',
    bolag,
    `${m.name} Bostäder AB – styrelsemöte`,
    12 + stagger,
    [15, 0],
    [17, 0],
    'planned',
    'Bolagets kontor',
    [['Hyresförhandling 2027'], ['Investeringsbudget'], ['Upphandling av fastighetsskötsel', false, false, ['procurement']]],
    'teams',
  );

  // The last council meeting's record, and the plan for the next one.
  const attendances: Row[] = [];
  interleaved.forEach((p, i) => {
    const mode = i % 17 === 5 ? 'absent' : i % 9 === 4 ? 'remote' : 'on_site';
    const joined = mode === 'absent' ? null : pastKf.starts_at;
    attendances.push({
      ...t,
      id: id(`att:past:${p.id}`),
      meeting_id: pastKf.id,
      member_id: p.id,
      mode,
      joined_at: joined,
      left_at: joined ? pastKf.ends_at : null,
      ...NO_BOARD_FACTS,
    });
    const planned = i % 13 === 7 ? 'absent' : i % 8 === 3 ? 'remote' : 'on_site';
    attendances.push({
      ...t,
      id: id(`att:next:${p.id}`),
      meeting_id: nextKf.id,
      member_id: p.id,
      mode: planned,
      joined_at: null,
      left_at: null,
      ...NO_BOARD_FACTS,
    });
  });

  // Someone joins remotely in the executive board, the sub-committee and the company board
  // too, so their compliance panels have something to judge.
  const seatsOf = (b: Row) => memberships.filter((s) => s.body_id === b.id && s.role !== 'deputy');
  const remoteSeat = (meetingRow: Row, b: Row, index: number, extra: Row = {}) =>
    seatsOf(b).forEach((s, i) =>
      attendances.push({
        ...t,
        id: id(`att:${meetingRow.id}:${s.member_id}`),
        meeting_id: meetingRow.id,
        member_id: s.member_id,
        mode: i === index ? 'remote' : 'on_site',
        joined_at: null,
        left_at: null,
        ...NO_BOARD_FACTS,
        ...extra,
      }),
    );
  remoteSeat(nextKs, ks, 4);
  remoteSeat(nextIu, iu, 2);
  remoteSeat(nextBolag, bolag, 3, { consents_to_remote: true, documents_delivered: true });

  const subCommitteeDecisions = SUB_COMMITTEE_WITHOUT_DECISION.has(m.slug)
    ? []
    : [
        {
          ...t,
          id: id('sub-committee-decision:iu'),
          body_id: iu.id,
          allows_remote: true,
          reference: 'SN 2020-06-10 § 88',
          decided_on: '2020-06-10',
          created_at: '2020-06-11T08:00:00Z',
        },
      ];

  return {
    rule_set_version: [{ ...t, id: id('rule-set:1'), ...demoRuleSet(m.slug, m.code, tenantId, templateId) }],
    party: parties,
    party_group: partyGroups,
    member: members,
    body: [kf, ks, bun, sn, bolag, iu],
    body_membership: memberships,
    meeting: meetings,
    agenda_item: agendaItems,
    attendance: attendances,
    sub_committee_remote_decision: subCommitteeDecisions,
  } as Record<string, Row[]>;
}

/** Attendance rows share one column list; consent and documents matter on company boards only. */
const NO_BOARD_FACTS = { consents_to_remote: false, documents_delivered: false };

/** Orders council members so each of the largest parties comes early (chair S, vices M and SD). */
function interleave(council: Row[], seats: number[]): Row[] {
  const queues: Row[][] = [];
  let at = 0;
  for (const n of seats) {
    queues.push(council.slice(at, at + n));
    at += n;
  }
  const out: Row[] = [];
  while (queues.some((q) => q.length)) for (const q of queues) if (q.length) out.push(q.shift()!);
  return out;
}
