import { createHash } from 'node:crypto';
import pg from 'pg';
import { addDays, localDate, localTime, REGIONAL_TEMPLATE, type IsoDate } from '@motesplats/rules';
import { seedPlatformCatalog } from '../rules/platform-catalog-seed.js';
import { addMonths, validUntil } from '../training/validity.js';
import { DEMO_PARTIES } from './demo-region.js';
import { DEMO_TEMPLATE, demoRuleSet } from './demo-rules.js';
import { DEMO_MODULES } from './demo-training.js';

/**
 * A synthetic national data set for the comparison's tests and benchmarks (issue #12): regions
 * with their platform catalog, rule template, training library and support pool; per
 * municipality its rule set, parties and party groups, a 61-seat council with deputies, an
 * executive board, two committees and a company board (11–15 seats), ended meetings with
 * attendance (deputies stepping in), experience reports and incidents, planned council meetings
 * with agendas and expected attendance, training completions over the years (members and
 * support staff, practice sessions with invitees), the support register with holidays and the
 * support assigned to hybrid meetings; then the quarterly rollups. Deterministic from a seed and
 * `until`, so a test and a benchmark on another machine see the same figures. The national
 * scale is 290 municipalities in 21 regions over 5 years; tests use a sliver of it.
 *
 * Written as the API writes: municipal rows by the API's role (`appUrl`) with the
 * municipality bound, region rows by the same role as region-wide work (a coordinator's
 * session), under the same row-level security. Only the registry — `region` and
 * `municipality` — is written by the owner: the API role may only read it (regions and
 * municipalities are added by an operator, see regions/add-region.ts).
 */
export interface NationalOptions {
  seed: number;
  regions: number;
  municipalities: number;
  years: number;
  /** Ended meetings per municipality and year, spread over its bodies. */
  meetingsPerYear: number;
  /** The last day of the data set. */
  until: Date;
  /** Slug prefix, so a generated set can sit beside the demo (default "gen"). */
  prefix?: string;
  /** Code offset: generated municipality codes are 4 digits from here (default 7000). */
  codeFrom?: number;
  /** Planned council meetings after `until`, each with its agenda and expected attendance (default 0). */
  upcomingMeetings?: number;
  agendaItemsPerMeeting?: number;
  /**
   * Grow an existing set: municipalities numbered from here join the regions already written
   * (a benchmark's 4× and 16× add municipalities, not rows per municipality).
   */
  firstMunicipality?: number;
  regionsFrom?: NationalData['regions'];
}

/** Where to write: the owner's connection (registry) and the API role's URL (everything else). */
export interface NationalDatabase {
  owner: pg.Client;
  appUrl: string;
}

export interface NationalData {
  regions: { id: string; slug: string; municipalityIds: string[] }[];
  /** Municipalities in the order written, with their council */
  municipalities: { id: string; slug: string; councilId: string }[];
  meetings: number;
  attendances: number;
  /** Rows written per table by this call (municipal and regional). */
  rows: Record<string, number>;
}

/**
 * A municipality's bodies: seats from the council (`fromCouncil`, a slice of the council in
 * presidium order) and from people who sit only on committees and boards (`others`), deputies
 * from the council's deputies. A Swedish kommunfullmäktige has 31–101 seats; 61 is typical.
 */
const BODIES = [
  { key: 'kf', name: 'Kommunfullmäktige', kind: 'council', fromCouncil: [0, 61], others: [0, 0], deputies: [0, 31] },
  { key: 'ks', name: 'Kommunstyrelsen', kind: 'executive_board', fromCouncil: [0, 15], others: [0, 0], deputies: [0, 7] },
  { key: 'bun', name: 'Barn- och utbildningsnämnden', kind: 'committee', fromCouncil: [15, 20], others: [0, 8], deputies: [7, 13] },
  { key: 'sn', name: 'Socialnämnden', kind: 'committee', fromCouncil: [20, 25], others: [8, 14], deputies: [13, 18] },
  { key: 'bolag', name: 'Bostadsbolaget, styrelsen', kind: 'company_board', fromCouncil: [25, 32], others: [14, 18], deputies: [18, 22] },
] as const;
const COUNCIL_SEATS = 61;
const COUNCIL_DEPUTIES = 31;
const OTHER_MEMBERS = 20;
const CATEGORIES = ['audio', 'video', 'connection', 'sign_in', 'documents', 'voting', 'other'];
const BASICS = 'remote-participation-basics';
const LEAD = 'lead-hybrid-meeting';
const CHECKLIST = 'secretary-checklist';
const LOCAL_MODULE = 'council-voting-system';
const FIRST = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Anders', 'Eva', 'Johan', 'Sara', 'Per', 'Lena', 'Mikael', 'Emma', 'Nils', 'Ida', 'Olof'];
const LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Lindberg', 'Holm'];
const WEEKDAYS = [1, 2, 3, 4, 5];
const slots = (days: number[], from: string, to: string) => days.map((weekday) => ({ weekday, from, to }));

/** mulberry32: small, fast and the same everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(seed: number, key: string): string {
  const h = createHash('sha1').update(`motesplats-national:${seed}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Largest-remainder allocation of `total` seats by share. */
function allocate(shares: number[], total: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (s / sum) * total);
  const seats = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = total - seats.reduce((a, b) => a + b, 0); left > 0; k++, left--) seats[order[k % order.length]![1]]! += 1;
  return seats;
}

type Row = Record<string, unknown>;

/** Tables in the order their foreign keys need. */
const MUNICIPAL_TABLES = [
  'rule_set_version',
  'party',
  'party_group',
  'member',
  'body',
  'body_membership',
  'meeting',
  'agenda_item',
  'attendance',
  'experience_report',
  'experience_incident',
  'training_module',
  'practice_session',
  'practice_session_invitee',
  'training_completion',
  'support_settings',
  'support_staff',
  'support_absence',
  'support_assignment',
  'staff_training_completion',
];

class Batch {
  private readonly rows = new Map<string, Row[]>();
  constructor(private readonly counts: Record<string, number>) {}

  add(table: string, row: Row): void {
    if (!this.rows.has(table)) this.rows.set(table, []);
    this.rows.get(table)!.push(row);
  }

  /**
   * One statement per table, the rows as one JSON parameter spread into the table's row type:
   * no bind-parameter limit to chunk by. (Postgres's inserts and foreign-key checks are the
   * cost either way: VALUES lists were no faster.) Columns left out of a row get their
   * defaults; jsonb columns take the value itself, not a JSON string.
   */
  async flush(client: pg.Client, order: string[]): Promise<void> {
    const unknown = [...this.rows.keys()].filter((t) => !order.includes(t));
    if (unknown.length) throw new Error(`no insert order for ${unknown.join(', ')}`);
    for (const table of order) {
      const rows = this.rows.get(table) ?? [];
      if (!rows.length) continue;
      const columns = Object.keys(rows[0]!).join(',');
      await client.query(`insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, $1::json)`, [JSON.stringify(rows)]);
      this.counts[table] = (this.counts[table] ?? 0) + rows.length;
    }
    this.rows.clear();
  }
}

/** One transaction on the API role's connection; rolled back if `work` throws. */
async function inTransaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
  await client.query('begin');
  try {
    await work();
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}

/**
 * Municipalities are written on this many API connections at once: Postgres (inserts, their
 * foreign-key checks and indexes) is most of the time, and one backend uses one core.
 */
const WRITERS = 2;

export async function generateNational(db: NationalDatabase, o: NationalOptions): Promise<NationalData> {
  const writers: pg.Client[] = [];
  try {
    for (let i = 0; i < WRITERS; i++) {
      writers.push(new pg.Client({ connectionString: db.appUrl }));
      await writers[i]!.connect();
    }
    return await generate(db.owner, writers, o);
  } finally {
    await Promise.all(writers.map((c) => c.end()));
  }
}

async function generate(owner: pg.Client, writers: pg.Client[], o: NationalOptions): Promise<NationalData> {
  const api = writers[0]!;
  const prefix = o.prefix ?? 'gen';
  const codeFrom = o.codeFrom ?? 7000;
  const id = (key: string) => uuidFrom(o.seed, `${prefix}:${key}`);
  const out: NationalData = { regions: o.regionsFrom ?? [], municipalities: [], meetings: 0, attendances: 0, rows: {} };
  const untilMs = o.until.getTime();
  const today = localDate(o.until);
  const spanDays = o.years * 365;
  const day = (d: IsoDate, hour: number) => {
    const [y, mo, da] = d.split('-').map(Number) as [number, number, number];
    return localTime(y, mo, da, hour);
  };

  for (let r = 0; r < (o.regionsFrom ? 0 : o.regions); r++) {
    const regionId = id(`region:${r}`);
    const slug = `${prefix}-region-${r + 1}`;
    // The registry is the owner's: the API role may only read region and municipality.
    await owner.query('insert into region (id, name, slug) values ($1, $2, $3)', [regionId, `Region ${r + 1} (genererad)`, slug]);
    const batch = new Batch(out.rows);
    await inTransaction(api, async () => {
      // Region-wide work, as a coordinator's session: no municipality bound, the region set.
      await seedPlatformCatalog(api, regionId);
      batch.add('regional_rule_template', {
        region_id: regionId,
        id: id(`template:${r}`),
        key: DEMO_TEMPLATE.key,
        version: 1,
        name: REGIONAL_TEMPLATE.name,
        content: { bodyTypes: REGIONAL_TEMPLATE.bodyTypes, bodies: REGIONAL_TEMPLATE.bodies },
        published_at: DEMO_TEMPLATE.publishedAt,
        published_by: 'generator',
      });
      for (const module of DEMO_MODULES) {
        batch.add('regional_training_module', {
          region_id: regionId,
          id: id(`training-module:${r}:${module.key}`),
          ...module,
          audience: [...module.audience],
          published_at: DEMO_TEMPLATE.publishedAt,
        });
      }
      const pooled = [
        ['Regional IT-support', ['it_support'], slots([1, 2, 3, 4, 5, 6], '07:00', '23:30')],
        ['Regionalt mötesstöd', ['meeting_support', 'it_support'], slots(WEEKDAYS, '12:00', '23:30')],
        ['Regional AV-tekniker', ['av_broadcast', 'it_support'], slots([1, 2, 3, 4], '16:00', '23:30')],
      ] as const;
      for (const [k, [title, skills, weekly]] of pooled.entries()) {
        batch.add('regional_support_staff', {
          region_id: regionId,
          id: id(`pool:${r}:${k}`),
          name: `${FIRST[(r + 5 * k) % FIRST.length]} ${LAST[(3 * r + k) % LAST.length]}`,
          title,
          email: `pool-${k + 1}@${slug}.example`,
          phone: null,
          account: null,
          skills: [...skills],
          weekly,
          active: true,
        });
      }
      await batch.flush(api, ['regional_rule_template', 'regional_training_module', 'regional_support_staff']);
    });
    out.regions.push({ id: regionId, slug, municipalityIds: [] });
  }

  // Municipalities are built here in order (ids, figures and the order of `out` do not depend
  // on the writers) and written by whichever API connection is free.
  const idle = [...writers];
  const writing = new Set<Promise<void>>();
  let failure: { err: unknown } | undefined;
  const write = async (tenantId: string, batch: Batch) => {
    while (!idle.length) await Promise.race(writing);
    if (failure) throw failure.err;
    const client = idle.pop()!;
    const done: Promise<void> = inTransaction(client, async () => {
      await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.region_id', '', true)`, [tenantId]);
      await batch.flush(client, MUNICIPAL_TABLES);
      await client.query(
        `select refresh_meeting_rollup($1::uuid, q) from (select distinct meeting_quarter(starts_at) as q from meeting where tenant_id = $1 and status = 'ended') x`,
        [tenantId],
      );
    })
      .catch((err: unknown) => void (failure ??= { err }))
      .finally(() => {
        writing.delete(done);
        idle.push(client);
      });
    writing.add(done);
  };

  const first = o.firstMunicipality ?? 0;
  for (let m = first; m < first + o.municipalities; m++) {
    const random = prng(o.seed * 100003 + m);
    // People, training and support draw from their own stream, so meetings' figures do not shift when they change.
    const other = prng((o.seed * 100003 + m) ^ 0x5bd1e995);
    const regionIndex = m % out.regions.length;
    const region = out.regions[regionIndex]!;
    const tenantId = id(`municipality:${m}`);
    const slug = `${prefix}-${m + 1}`;
    const code = String(codeFrom + m).padStart(4, '0');
    region.municipalityIds.push(tenantId);
    await owner.query('insert into municipality (id, region_id, name, code, slug) values ($1, $2, $3, $4, $5)', [
      tenantId,
      region.id,
      `Kommun ${m + 1}`,
      code,
      slug,
    ]);
    const batch = new Batch(out.rows);
    const t = { tenant_id: tenantId };
    batch.add('rule_set_version', { ...t, id: id(`rules:${m}`), ...demoRuleSet(slug, code, tenantId, id(`template:${regionIndex}`)) });

    // Parties and their council groups: the national shares, varied per municipality.
    const shares = DEMO_PARTIES.map((p) => p.share * (0.6 + 0.8 * other()));
    const councilSeats = allocate(shares, COUNCIL_SEATS);
    const partyIds = DEMO_PARTIES.map((p) => id(`party:${m}:${p.abbreviation}`));
    for (const [i, p] of DEMO_PARTIES.entries()) {
      batch.add('party', { ...t, id: partyIds[i], name: p.name, abbreviation: p.abbreviation });
      batch.add('party_group', {
        ...t,
        id: id(`party-group:${m}:${p.abbreviation}`),
        party_id: partyIds[i],
        name: `${p.name.replace(/ \(.*\)$/, '')}s fullmäktigegrupp`,
        council_seats: councilSeats[i],
      });
    }
    let people = 0;
    const person = (party: number) => {
      const i = people++;
      const memberId = id(`member:${m}:${i}`);
      const given = FIRST[(i + m) % FIRST.length]!;
      const last = LAST[(Math.floor(i / FIRST.length) + 7 * i + m) % LAST.length]!;
      batch.add('member', {
        ...t,
        id: memberId,
        name: `${given} ${last}`,
        email: i % 3 === 2 ? null : `ledamot${i}@${slug}.example`,
        phone: null,
        party_id: partyIds[party],
        identity_level: i % 10 === 0 ? 'e_id' : i % 5 === 4 ? 'none' : 'municipal_account',
      });
      return memberId;
    };
    // Presidium order: parties take turns by size, so the chair and vices come from the largest groups.
    const byParty = (counts: number[]) => {
      const lists = counts.map((n, p) => Array.from({ length: n }, () => person(p)));
      const turns = lists.map((_, p) => p).sort((a, b) => counts[b]! - counts[a]! || a - b);
      const order: string[] = [];
      for (let k = 0; order.length < counts.reduce((a, b) => a + b, 0); k++) for (const p of turns) if (lists[p]![k]) order.push(lists[p]![k]!);
      return order;
    };
    const council = byParty(councilSeats);
    const deputies = byParty(allocate(councilSeats, COUNCIL_DEPUTIES));
    const others = byParty(allocate(councilSeats, OTHER_MEMBERS));

    const seats: { bodyId: string; kind: string; members: string[]; deputies: string[] }[] = [];
    for (const b of BODIES) {
      const bodyId = id(`body:${m}:${b.key}`);
      batch.add('body', { ...t, id: bodyId, name: b.name, kind: b.kind, parent_body_id: null });
      const members = [...council.slice(...b.fromCouncil), ...others.slice(...b.others)];
      const subs = deputies.slice(...b.deputies);
      members.forEach((memberId, s) =>
        batch.add('body_membership', {
          ...t,
          id: id(`seat:${m}:${b.key}:${memberId}`),
          body_id: bodyId,
          member_id: memberId,
          role: s === 0 ? 'chair' : s <= 2 ? 'vice_chair' : 'member',
        }),
      );
      for (const memberId of subs)
        batch.add('body_membership', { ...t, id: id(`seat:${m}:${b.key}:${memberId}`), body_id: bodyId, member_id: memberId, role: 'deputy' });
      seats.push({ bodyId, kind: b.kind, members, deputies: subs });
    }
    const councilSeat = seats[0]!;
    out.municipalities.push({ id: tenantId, slug, councilId: councilSeat.bodyId });

    const remoteShare = 0.02 + 0.5 * random();
    const reportRate = 0.4 + 0.6 * random();
    const incidentRate = 1.5 * random();
    const usesPool = other() < 0.5;
    const attendance = (key: string, meetingId: string, memberId: string, mode: string, replaces: string | null = null) =>
      batch.add('attendance', { ...t, id: id(`${key}:${memberId}`), meeting_id: meetingId, member_id: memberId, mode, replaces_member_id: replaces });

    // The support register: meeting support (the demo user support.<slug>), IT, a secretary, an AV technician.
    const staff = (
      [
        ['Mötessupport', ['meeting_support', 'it_support'], slots(WEEKDAYS, '07:00', '23:30'), `support.${slug}`],
        ['IT-tekniker', ['it_support'], [...slots(WEEKDAYS, '08:00', '17:00'), ...slots([2, 4], '17:00', '23:00')], null],
        ['Nämndsekreterare', ['secretary', 'meeting_support'], slots(WEEKDAYS, '08:00', '20:00'), null],
        ['AV-tekniker, webbsändning', ['av_broadcast', 'it_support'], slots([1, 2, 3, 4], '15:00', '23:30'), null],
      ] as const
    ).map(([title, skills, weekly, account], k) => {
      const staffId = id(`staff:${m}:${k}`);
      batch.add('support_staff', {
        ...t,
        id: staffId,
        name: `${FIRST[(m + 3 * k + 1) % FIRST.length]} ${LAST[(m + 5 * k + 2) % LAST.length]}`,
        title,
        email: `stod${k + 1}@${slug}.example`,
        phone: null,
        account,
        skills: [...skills],
        weekly,
        active: true,
      });
      return staffId;
    });
    batch.add('support_settings', { ...t, uses_regional_pool: usesPool, minutes_before: 30, minutes_after: 15 });
    const startYear = Number(today.slice(0, 4)) - o.years;
    for (let y = startYear; y <= startYear + o.years; y++) {
      for (const [k, staffId] of staff.entries()) {
        const from = `${y}-07-${String(1 + 7 * (k % 3)).padStart(2, '0')}` as IsoDate;
        batch.add('support_absence', {
          ...t,
          id: id(`absence:${m}:${k}:${y}`),
          staff_id: staffId,
          starts_at: day(from, 0),
          ends_at: day(addDays(from, 28), 0),
          kind: 'holiday',
          note: 'Semester',
        });
      }
    }
    // Who supports a meeting with remote participants: meeting support from the register, IT
    // support from it or (for a municipality in the pool) now and then from the region's pool.
    // Now and then the first person asked declined; that row stays as history.
    const assign = (meetingKey: string, meetingId: string, respondedAt: Date | null) => {
      const status = respondedAt ? 'accepted' : 'assigned';
      const row = (
        role: string,
        key: string,
        who: { staff_id: string | null; pool_region_id: string | null; pool_staff_id: string | null },
        s: string,
        reason: string | null = null,
      ) =>
        batch.add('support_assignment', {
          ...t,
          id: id(`assignment:${m}:${meetingKey}:${key}`),
          meeting_id: meetingId,
          role,
          ...who,
          status: s,
          reason,
          assigned_by: 'generator',
          responded_at: s === 'assigned' ? null : respondedAt,
        });
      const own = (k: number) => ({ staff_id: staff[k]!, pool_region_id: null, pool_staff_id: null });
      row('meeting_support', 'meeting', own(other() < 0.6 ? 0 : 2), status);
      if (usesPool && other() < 0.3) {
        row('it_support', 'it', { staff_id: null, pool_region_id: region.id, pool_staff_id: id(`pool:${regionIndex}:${other() < 0.5 ? 0 : 2}`) }, status);
      } else if (respondedAt && other() < 0.1) {
        row('it_support', 'it-declined', own(1), 'declined', 'Ledig');
        row('it_support', 'it', own(3), status);
      } else {
        row('it_support', 'it', own(other() < 0.7 ? 1 : 3), status);
      }
    };

    for (let k = 0; k < (o.upcomingMeetings ?? 0); k++) {
      const d = new Date(untilMs + (7 + 7 * k) * 86_400_000);
      const startsAt = localTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 18);
      const meetingId = id(`upcoming:${m}:${k}`);
      batch.add('meeting', {
        ...t,
        id: meetingId,
        body_id: councilSeat.bodyId,
        title: 'Kommunfullmäktige',
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 4 * 3600_000),
        place: 'Kommunhuset',
        status: 'planned',
        platform_key: 'teams',
      });
      for (let i = 0; i < (o.agendaItemsPerMeeting ?? 0); i++) {
        batch.add('agenda_item', {
          ...t,
          id: id(`item:${m}:${k}:${i}`),
          meeting_id: meetingId,
          number: i + 1,
          title: `Ärende ${i + 1}`,
          confidential: i % 10 === 9,
          closed_vote: i % 15 === 14,
          kinds: i % 7 === 0 ? ['personnel'] : [],
        });
      }
      for (const memberId of councilSeat.members) attendance(`planned:${m}:${k}`, meetingId, memberId, random() < remoteShare ? 'remote' : 'on_site');
      // The next few are staffed, the nearest answered; further ahead the gaps are still open.
      if (k < 4) assign(`upcoming:${k}`, meetingId, k < 2 ? new Date(untilMs) : null);
    }

    const count = o.meetingsPerYear * o.years;
    for (let k = 0; k < count; k++) {
      const body = seats[k % seats.length]!;
      const d = new Date(untilMs - Math.floor(random() * spanDays) * 86_400_000);
      const startsAt = localTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 9 + Math.floor(random() * 9));
      const meetingId = id(`meeting:${m}:${k}`);
      batch.add('meeting', {
        ...t,
        id: meetingId,
        body_id: body.bodyId,
        title: 'Sammanträde',
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 2 * 3600_000),
        place: 'Kommunhuset',
        status: 'ended',
        platform_key: 'teams',
      });
      out.meetings++;
      let onSite = 0;
      let remote = 0;
      let nextDeputy = 0;
      const modeOf = () => {
        const x = random();
        return x < 0.05 ? 'absent' : x < 0.05 + remoteShare ? 'remote' : 'on_site';
      };
      for (const memberId of body.members) {
        const mode = modeOf();
        attendance(`att:${m}:${k}`, meetingId, memberId, mode);
        out.attendances++;
        // Most absent members' seats are taken by a deputy of the body, who attends like anyone else.
        const deputy = body.deputies[nextDeputy];
        const stand = mode === 'absent' && deputy && random() < 0.7 ? modeOf() : 'absent';
        for (const counted of [mode, stand === 'absent' ? null : stand]) {
          if (counted === 'remote') remote++;
          if (counted === 'on_site') onSite++;
        }
        if (stand !== 'absent') {
          attendance(`att:${m}:${k}`, meetingId, deputy!, stand, memberId);
          nextDeputy++;
          out.attendances++;
        }
      }
      if (remote > 0) assign(`meeting:${k}`, meetingId, new Date(startsAt.getTime() - 2 * 86_400_000));
      if (remote === 0 || random() > reportRate) continue;
      const reportId = id(`report:${m}:${k}`);
      const rating = 1 + Math.floor(random() * 5);
      batch.add('experience_report', {
        ...t,
        id: reportId,
        meeting_id: meetingId,
        status: 'submitted',
        requested_at: startsAt,
        due_on: startsAt,
        submitted_at: startsAt,
        submitted_by: 'generator',
        platform_key: 'teams',
        on_site_count: onSite,
        remote_count: remote,
        support_sufficient: random() < 0.8,
        what_worked: '',
        lessons: '',
        rating,
      });
      const incidents = Math.floor(random() * incidentRate * 2);
      for (let i = 0; i < incidents; i++) {
        batch.add('experience_incident', {
          ...t,
          id: id(`incident:${m}:${k}:${i}`),
          report_id: reportId,
          category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
          minutes_lost: Math.floor(random() * 20),
          affected_count: 1 + Math.floor(random() * 5),
          resolution: '',
        });
      }
    }

    // Training. The region's library plus one module of the municipality's own.
    batch.add('training_module', {
      ...t,
      id: id(`local-module:${m}`),
      key: LOCAL_MODULE,
      title: 'Voteringssystemet i fullmäktigesalen',
      description: 'Så begär du ordet och röstar, på plats och på distans.',
      audience: ['member'],
      kind: 'instruction',
      url: null,
      validity_months: null,
      requirable: false,
    });
    const completion = (memberId: string, key: string, on: IsoDate, months: number | null, session: string | null = null) =>
      batch.add('training_completion', {
        ...t,
        id: id(`completion:${m}:${memberId}:${key}:${on}`),
        member_id: memberId,
        module_key: key,
        completed_on: on,
        valid_until: validUntil(on, months),
        source: session ? 'practice_session' : 'recorded',
        practice_session_id: session,
        recorded_by: session ? 'Övningssammanträde' : 'Kansliet',
      });
    const firstDay = addDays(today, -spanDays);
    const seated = [...new Set(seats.flatMap((s) => [...s.members, ...s.deputies]))];
    for (const memberId of seated) {
      // One in seven never did the basics; the others started some time in the period and
      // mostly renewed before the 24 months ran out, some late, some not at all.
      if (other() < 1 / 7) continue;
      let on = addDays(firstDay, Math.floor(other() * spanDays));
      while (on <= today) {
        completion(memberId, BASICS, on, 24);
        const renewal = other();
        if (renewal < 0.15) break;
        on = addDays(addMonths(on, 24), renewal < 0.3 ? Math.floor(other() * 120) : -Math.floor(1 + other() * 60));
      }
    }
    for (const memberId of councilSeat.members) if (other() < 0.7) completion(memberId, LOCAL_MODULE, addDays(firstDay, Math.floor(other() * spanDays)), null);
    // A practice hybrid meeting for chairs and vice chairs each year; most invitees attend, and
    // attending is their completion. The next one is ahead, its invitations sent.
    const presidium = [...new Set(seats.flatMap((s) => s.members.slice(0, 3)))];
    for (let y = 0; y <= o.years; y++) {
      const on = addDays(today, -365 * (o.years - y) + (y === o.years ? 21 : -Math.floor(other() * 200)));
      const sessionId = id(`practice:${m}:${y}`);
      const ahead = on > today;
      batch.add('practice_session', {
        ...t,
        id: sessionId,
        module_key: LEAD,
        title: 'Övningssammanträde: leda ett hybridmöte',
        starts_at: day(on, 17),
        ends_at: day(on, 19),
        place: 'Kommunhuset, övningsrummet',
      });
      for (const memberId of presidium) {
        const attended = !ahead && other() < 0.75;
        batch.add('practice_session_invitee', {
          ...t,
          id: id(`invitee:${m}:${y}:${memberId}`),
          session_id: sessionId,
          member_id: memberId,
          attended_at: attended ? day(on, 17) : null,
        });
        if (attended) completion(memberId, LEAD, on, 24, sessionId);
      }
    }
    for (const [k, staffId] of staff.entries()) {
      if (other() < 0.2) continue;
      batch.add('staff_training_completion', {
        ...t,
        id: id(`staff-completion:${m}:${k}`),
        staff_id: staffId,
        module_key: CHECKLIST,
        completed_on: addDays(firstDay, Math.floor(other() * spanDays)),
        valid_until: null,
        recorded_by: 'Kansliet',
      });
    }

    await write(tenantId, batch);
  }
  await Promise.all(writing);
  if (failure) throw failure.err;
  return out;
}
