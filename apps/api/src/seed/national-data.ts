import { createHash } from 'node:crypto';
import type pg from 'pg';
import { localTime, REGIONAL_TEMPLATE } from '@motesplats/rules';
import { seedPlatformCatalog } from '../rules/platform-catalog-seed.js';
import { DEMO_TEMPLATE, demoRuleSet } from './demo-rules.js';

/**
 * A synthetic national data set for the comparison's tests and benchmarks: regions,
 * municipalities, bodies, seats, ended meetings with attendance, experience reports and
 * incidents, then the quarterly rollups — deterministic from a seed, so a test and a
 * benchmark on another machine see the same figures. The national scale is 290
 * municipalities in 21 regions over 5 years; tests use a sliver of it.
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

export interface NationalData {
  regions: { id: string; slug: string; municipalityIds: string[] }[];
  /** Municipalities in the order written, with their council */
  municipalities: { id: string; slug: string; councilId: string }[];
  meetings: number;
  attendances: number;
}

const BODY_KINDS = ['council', 'executive_board', 'committee', 'company_board'] as const;
const SEATS_PER_BODY = 13;
const CATEGORIES = ['audio', 'video', 'connection', 'sign_in', 'documents', 'voting', 'other'];

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

type Row = Record<string, unknown>;

class Batch {
  private readonly rows = new Map<string, Row[]>();
  constructor(private readonly client: pg.Client) {}

  add(table: string, row: Row): void {
    if (!this.rows.has(table)) this.rows.set(table, []);
    this.rows.get(table)!.push(row);
  }

  async flush(order: string[]): Promise<void> {
    for (const table of order) {
      const rows = this.rows.get(table) ?? [];
      if (!rows.length) continue;
      const columns = Object.keys(rows[0]!);
      const chunk = Math.floor(60000 / columns.length);
      for (let start = 0; start < rows.length; start += chunk) {
        const values: unknown[] = [];
        const tuples = rows.slice(start, start + chunk).map((row) => `(${columns.map((c) => `$${values.push(row[c])}`).join(',')})`);
        await this.client.query(`insert into ${table} (${columns.join(',')}) values ${tuples.join(',')}`, values);
      }
    }
    this.rows.clear();
  }
}

/** Writes the data set as the database owner (inside one transaction per municipality). */
export async function generateNational(client: pg.Client, o: NationalOptions): Promise<NationalData> {
  const prefix = o.prefix ?? 'gen';
  const codeFrom = o.codeFrom ?? 7000;
  const id = (key: string) => uuidFrom(o.seed, `${prefix}:${key}`);
  const out: NationalData = { regions: o.regionsFrom ?? [], municipalities: [], meetings: 0, attendances: 0 };
  const untilMs = o.until.getTime();
  const spanDays = o.years * 365;

  for (let r = 0; r < (o.regionsFrom ? 0 : o.regions); r++) {
    const regionId = id(`region:${r}`);
    const slug = `${prefix}-region-${r + 1}`;
    await client.query('begin');
    await client.query('insert into region (id, name, slug) values ($1, $2, $3)', [regionId, `Region ${r + 1} (genererad)`, slug]);
    await seedPlatformCatalog(client, regionId);
    const templateId = id(`template:${r}`);
    await client.query(
      `insert into regional_rule_template (region_id, id, key, version, name, content, published_at, published_by) values ($1, $2, $3, 1, $4, $5, $6, $7)`,
      [
        regionId,
        templateId,
        DEMO_TEMPLATE.key,
        REGIONAL_TEMPLATE.name,
        { bodyTypes: REGIONAL_TEMPLATE.bodyTypes, bodies: REGIONAL_TEMPLATE.bodies },
        DEMO_TEMPLATE.publishedAt,
        'generator',
      ],
    );
    await client.query('commit');
    out.regions.push({ id: regionId, slug, municipalityIds: [] });
  }

  const first = o.firstMunicipality ?? 0;
  for (let m = first; m < first + o.municipalities; m++) {
    const random = prng(o.seed * 100003 + m);
    const region = out.regions[m % out.regions.length]!;
    const tenantId = id(`municipality:${m}`);
    const slug = `${prefix}-${m + 1}`;
    region.municipalityIds.push(tenantId);
    const batch = new Batch(client);
    await client.query('begin');
    await client.query('insert into municipality (id, region_id, name, code, slug) values ($1, $2, $3, $4, $5)', [
      tenantId,
      region.id,
      `Kommun ${m + 1}`,
      String(codeFrom + m).padStart(4, '0'),
      slug,
    ]);
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const t = { tenant_id: tenantId };
    batch.add('rule_set_version', {
      ...t,
      id: id(`rules:${m}`),
      ...demoRuleSet(slug, String(codeFrom + m).padStart(4, '0'), tenantId, id(`template:${m % o.regions}`)),
    });
    const remoteShare = 0.02 + 0.5 * random();
    const reportRate = 0.4 + 0.6 * random();
    const incidentRate = 1.5 * random();
    const seats: Record<string, string[]> = {};
    for (const [bi, kind] of BODY_KINDS.entries()) {
      const bodyId = id(`body:${m}:${bi}`);
      batch.add('body', { ...t, id: bodyId, name: kind, kind, parent_body_id: null });
      seats[bodyId] = [];
      for (let s = 0; s < SEATS_PER_BODY; s++) {
        const memberId = id(`member:${m}:${bi}:${s}`);
        batch.add('member', { ...t, id: memberId, name: `Ledamot ${m}-${bi}-${s}`, email: null, phone: null, party_id: null });
        batch.add('body_membership', { ...t, id: id(`seat:${m}:${bi}:${s}`), body_id: bodyId, member_id: memberId, role: s === 0 ? 'chair' : 'member' });
        seats[bodyId]!.push(memberId);
      }
    }
    const bodyIds = Object.keys(seats);
    out.municipalities.push({ id: tenantId, slug, councilId: bodyIds[0]! });
    for (let k = 0; k < (o.upcomingMeetings ?? 0); k++) {
      const day = new Date(untilMs + (7 + 7 * k) * 86_400_000);
      const startsAt = localTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 18);
      const meetingId = id(`upcoming:${m}:${k}`);
      batch.add('meeting', {
        ...t,
        id: meetingId,
        body_id: bodyIds[0],
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
      for (const memberId of seats[bodyIds[0]!]!) {
        const x = random();
        batch.add('attendance', {
          ...t,
          id: id(`planned:${m}:${k}:${memberId}`),
          meeting_id: meetingId,
          member_id: memberId,
          mode: x < remoteShare ? 'remote' : 'on_site',
        });
      }
    }
    const count = o.meetingsPerYear * o.years;
    for (let k = 0; k < count; k++) {
      const bodyId = bodyIds[k % bodyIds.length]!;
      const day = new Date(untilMs - Math.floor(random() * spanDays) * 86_400_000);
      const startsAt = localTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 9 + Math.floor(random() * 9));
      const meetingId = id(`meeting:${m}:${k}`);
      batch.add('meeting', {
        ...t,
        id: meetingId,
        body_id: bodyId,
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
      for (const memberId of seats[bodyId]!) {
        const x = random();
        const mode = x < 0.05 ? 'absent' : x < 0.05 + remoteShare ? 'remote' : 'on_site';
        if (mode === 'remote') remote++;
        if (mode === 'on_site') onSite++;
        batch.add('attendance', { ...t, id: id(`att:${m}:${k}:${memberId}`), meeting_id: meetingId, member_id: memberId, mode });
        out.attendances++;
      }
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
    await batch.flush([
      'rule_set_version',
      'body',
      'member',
      'body_membership',
      'meeting',
      'agenda_item',
      'attendance',
      'experience_report',
      'experience_incident',
    ]);
    await client.query(
      `select refresh_meeting_rollup($1::uuid, q) from (select distinct meeting_quarter(starts_at) as q from meeting where tenant_id = $1 and status = 'ended') x`,
      [tenantId],
    );
    await client.query('commit');
  }
  return out;
}
