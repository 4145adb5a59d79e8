import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { localTime } from '@motesplats/rules';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { OutboxService } from '@motesplats/api/outbox/outbox.service.js';
import { SupportRemindersService } from '@motesplats/api/support/support-reminders.service.js';
import { mimePart } from '../support/mime.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { errorCode, gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

const A = 'munkedal';
const B = 'sotenas';
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));
const iso = (y: number, m: number, d: number, h: number, mi = 0) => localTime(y, m, d, h, mi).toISOString();

async function sql<T extends pg.QueryResultRow = Record<string, any>>(url: string, text: string, params: unknown[] = [], tenantId?: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (tenantId === undefined) return (await client.query<T>(text, params)).rows;
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const rows = (await client.query<T>(text, params)).rows;
    await client.query('commit');
    return rows;
  } finally {
    await client.end();
  }
}

const STAFF = 'mutation($i: CreateStaffInput!) { createStaffMember(input: $i) { id name pooled } }';
const SUGGEST = `query($m: ID!, $r: SupportRoleKind!) { supportSuggestions(meetingId: $m, role: $r) {
  need { required covered missing shiftStartsAt shiftEndsAt } suggestions { rank hoursThisMonth staff { id name pooled } } unfit { reason staff { id } } } }`;
const ASSIGN = 'mutation($i: AssignSupportInput!) { assignSupport(input: $i) { id status staffId pooled shiftStartsAt shiftEndsAt } }';
const EVALUATE = 'query($m: ID!) { evaluateMeeting(meetingId: $m) { compliant findings { code severity message { sv } } } }';
const GAPS = '{ supportGaps { meetingId role required covered missing } }';

describe('support scheduling: register, availability, suggestions, assignments, gaps, feeds', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let adminA: string;
  let adminB: string;
  let coordinator: string;
  let supportA: string;
  let bodyA: string;
  const ids: Record<string, string> = {};
  const demo: Record<string, any> = {};

  const staff = async (token: string, input: Record<string, unknown>) => {
    const res = await gql(t.url, token, STAFF, { i: { weekly: ALL_WEEK, ...input } });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.createStaffMember.id as string;
  };
  const meeting = async (title: string, startsAt: string, endsAt: string) => {
    const res = await gql(t.url, adminA, 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', {
      i: { bodyId: bodyA, title, startsAt, endsAt, place: 'Kommunhuset, Forum' },
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.createMeeting.id as string;
  };
  const suggest = async (token: string, meetingId: string, role: string) => {
    const res = await gql(t.url, token, SUGGEST, { m: meetingId, r: role });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.supportSuggestions;
  };
  const supportFindings = async (meetingId: string) => {
    const res = await gql(t.url, adminA, EVALUATE, { m: meetingId });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.evaluateMeeting.findings.filter((f: { code: string }) => f.code === 'SUPPORT_MISSING') as {
      code: string;
      severity: string;
      message: { sv: string };
    }[];
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
    adminA = t.realm.token(A, ['tenant-admin']);
    adminB = t.realm.token(B, ['tenant-admin']);
    coordinator = t.realm.token('fyrbodal', ['coordinator']);
    supportA = t.realm.token(A, ['support'], { preferred_username: 'it.ida.munkedal' });
    const demoUser = t.realm.token(A, ['support'], { preferred_username: `support.${A}` });
    demo.me = (await gql(t.url, demoUser, '{ myStaffRecord { name skills } mySupportShifts { role status } }')).data;
    demo.gaps = (await gql(t.url, t.realm.token('bengtsfors', ['tenant-admin']), GAPS)).data!.supportGaps;
    demo.evaluation = (
      await gql(t.url, demoUser, '{ meetings(perPage: 100) { items { title status compliance { findings { code message { sv } } } } } }')
    ).data;
    // The scenario starts from an empty register; the demo's own staff are checked elsewhere.
    await sql(t.ownerUrl, 'delete from support_assignment; delete from support_staff; delete from regional_support_staff; delete from support_settings');
    const bodies = await gql(t.url, adminA, '{ bodies(perPage: 50) { items { id kind } } }');
    bodyA = bodies.data!.bodies.items.find((b: { kind: string }) => b.kind === 'EXECUTIVE_BOARD').id;

    ids.ida = await staff(adminA, { name: 'Ida IT', skills: ['IT_SUPPORT'], account: 'it.ida.munkedal', email: 'ida@munkedal.example' });
    ids.mats = await staff(adminA, { name: 'Mats Mötesstöd', skills: ['MEETING_SUPPORT', 'IT_SUPPORT'], email: 'mats@munkedal.example' });
    ids.mia = await staff(adminA, { name: 'Mia Mötesstöd', skills: ['MEETING_SUPPORT'] });
    ids.ola = await staff(adminA, {
      name: 'Ola Förmiddag',
      skills: ['IT_SUPPORT'],
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '08:00', to: '12:00' })),
    });
    ids.ella = await staff(adminA, { name: 'Ella Semester', skills: ['IT_SUPPORT'] });
    ids.sam = await staff(adminA, { name: 'Sam Sekreterare', skills: ['SECRETARY'] });
    ids.pia = await staff(coordinator, { name: 'Pia Pool', skills: ['IT_SUPPORT', 'MEETING_SUPPORT'] });
    ids.bo = await staff(adminB, { name: 'Bo i Sotenäs', skills: ['IT_SUPPORT'] });

    // Ella is on holiday over the whole of April 2027.
    const away = await gql(t.url, adminA, 'mutation($i: StaffAbsenceInput!) { addStaffAbsence(input: $i) { id } }', {
      i: { staffId: ids.ella, startsAt: iso(2027, 4, 1, 0), endsAt: iso(2027, 5, 1, 0), kind: 'HOLIDAY' },
    });
    assert.equal(away.errors, undefined);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('seeds staff the demo support user maps to, with shifts, and open needs elsewhere', () => {
    assert.deepEqual(demo.me.myStaffRecord.skills, ['MEETING_SUPPORT', 'IT_SUPPORT']);
    assert.deepEqual(
      demo.me.mySupportShifts.map((s: { role: string; status: string }) => [s.role, s.status]),
      [['MEETING_SUPPORT', 'ACCEPTED']],
    );
    assert.ok(
      demo.gaps.some((g: { role: string; missing: number }) => g.role === 'IT_SUPPORT' && g.missing === 1),
      'Bengtsfors lacks IT support for its council',
    );
    const kf = demo.evaluation.meetings.items.find((m: { title: string; status: string }) => m.title === 'Kommunfullmäktige' && m.status === 'CONVENED');
    assert.ok(!kf.compliance.findings.some((f: { code: string }) => f.code === 'SUPPORT_MISSING'), 'Munkedal has both roles assigned');
  });

  it('keeps each municipality to its own staff, and the pool to coordinators until a municipality opts in', async () => {
    const listA = await gql(t.url, adminA, '{ staffMembers(perPage: 100) { total items { id pooled } } }');
    const seenA = listA.data!.staffMembers.items.map((s: { id: string }) => s.id);
    assert.ok(seenA.includes(ids.ida));
    assert.ok(!seenA.includes(ids.bo), "B's staff are not A's");
    assert.ok(!seenA.includes(ids.pia), 'the pool is hidden before opting in');
    const pool = await gql(t.url, coordinator, '{ staffMembers(perPage: 100) { items { id pooled } } }');
    assert.deepEqual(
      pool.data!.staffMembers.items.map((s: { id: string }) => s.id),
      [ids.pia],
    );
    const peek = await gql(t.url, adminB, 'query($id: ID!) { staffMember(id: $id) { id } }', { id: ids.ida });
    assert.equal(peek.data!.staffMember, null);
    const poolWrite = await gql(t.url, adminA, 'mutation($id: ID!) { updateStaffMember(id: $id, input: { name: "X" }) { id } }', { id: ids.pia });
    assert.equal(errorCode(poolWrite), 'NOT_FOUND');
  });

  it('never gives two overlapping meetings (preparation time included) the same person', async () => {
    // 18:00–20:00 and 20:20–21:00: the second one's 30 minutes of preparation start at 19:50,
    // before the first one's 15 minutes after it end at 20:15.
    ids.first = await meeting('Kommunstyrelsen, extra', iso(2027, 4, 6, 18), iso(2027, 4, 6, 20));
    ids.second = await meeting('Kommunstyrelsen, extra 2', iso(2027, 4, 6, 20, 20), iso(2027, 4, 6, 21));
    const first = await gql(t.url, adminA, ASSIGN, { i: { meetingId: ids.first, role: 'IT_SUPPORT', staffId: ids.ida } });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.equal(first.data!.assignSupport.shiftStartsAt, iso(2027, 4, 6, 17, 30));
    assert.equal(first.data!.assignSupport.shiftEndsAt, iso(2027, 4, 6, 20, 15));

    const s = await suggest(adminA, ids.second, 'IT_SUPPORT');
    assert.ok(!s.suggestions.some((x: { staff: { id: string } }) => x.staff.id === ids.ida), 'Ida is busy');
    assert.deepEqual(s.unfit.find((u: { staff: { id: string } }) => u.staff.id === ids.ida)?.reason, 'DOUBLE_BOOKED');
    const again = await gql(t.url, adminA, ASSIGN, { i: { meetingId: ids.second, role: 'IT_SUPPORT', staffId: ids.ida } });
    assert.equal(errorCode(again), 'CONFLICT');

    // Two requests racing for the same person: exactly one wins.
    ids.third = await meeting('Kommunstyrelsen, extra 3', iso(2027, 4, 7, 18), iso(2027, 4, 7, 20));
    ids.fourth = await meeting('Kommunstyrelsen, extra 4', iso(2027, 4, 7, 19), iso(2027, 4, 7, 21));
    const race = await Promise.all([
      gql(t.url, adminA, ASSIGN, { i: { meetingId: ids.third, role: 'IT_SUPPORT', staffId: ids.mats } }),
      gql(t.url, adminA, ASSIGN, { i: { meetingId: ids.fourth, role: 'IT_SUPPORT', staffId: ids.mats } }),
    ]);
    assert.deepEqual(race.map((r) => (r.errors ? errorCode(r) : 'ok')).sort(), ['CONFLICT', 'ok']);
  });

  it('never suggests someone absent, unavailable or without the skill, and ranks by load', async () => {
    const s = await suggest(adminA, ids.second, 'IT_SUPPORT');
    const suggested = s.suggestions.map((x: { staff: { id: string } }) => x.staff.id);
    const reason = (id: string) => s.unfit.find((u: { staff: { id: string } }) => u.staff.id === id)?.reason;
    assert.equal(reason(ids.ella), 'ABSENT');
    assert.equal(reason(ids.ola), 'UNAVAILABLE');
    assert.equal(reason(ids.mia), 'SKILL_MISSING');
    assert.equal(reason(ids.sam), 'SKILL_MISSING');
    for (const id of [ids.ella, ids.ola, ids.mia, ids.sam, ids.ida]) assert.ok(!suggested.includes(id));
    // Mats has 2 h 45 min in April already (the race), so nobody else… but he is the only one left.
    assert.deepEqual(suggested, [ids.mats]);
    assert.equal(s.suggestions[0].hoursThisMonth, 2.75);
    // Assigning someone the suggestions refuse is refused too.
    const absent = await gql(t.url, adminA, ASSIGN, { i: { meetingId: ids.second, role: 'IT_SUPPORT', staffId: ids.ella } });
    assert.equal(errorCode(absent), 'CONFLICT');
  });

  it("suggests the region's pool only to a municipality that opted in, after its own staff", async () => {
    const before = await suggest(adminA, ids.second, 'IT_SUPPORT');
    assert.ok(!before.suggestions.some((x: { staff: { id: string } }) => x.staff.id === ids.pia));
    const refused = await gql(t.url, adminA, ASSIGN, { i: { meetingId: ids.second, role: 'IT_SUPPORT', staffId: ids.pia } });
    assert.equal(errorCode(refused), 'BAD_USER_INPUT');

    const optIn = await gql(t.url, adminA, 'mutation { updateSupportSettings(input: { usesRegionalPool: true }) { usesRegionalPool } }');
    assert.equal(optIn.data!.updateSupportSettings.usesRegionalPool, true);
    const afterOptIn = await suggest(adminA, ids.second, 'IT_SUPPORT');
    assert.deepEqual(
      afterOptIn.suggestions.map((x: { staff: { id: string } }) => x.staff.id),
      [ids.mats, ids.pia],
      'own staff first',
    );

    // Sotenäs has not opted in: the pool stays out of its suggestions.
    const meetingB = await gql(t.url, adminB, '{ meetings(perPage: 100) { items { id } } }');
    const sB = await suggest(adminB, meetingB.data!.meetings.items[0].id, 'IT_SUPPORT');
    assert.ok(!sB.suggestions.some((x: { staff: { id: string } }) => x.staff.id === ids.pia));
    assert.ok(!sB.unfit.some((x: { staff: { id: string } }) => x.staff.id === ids.pia));

    // A's booking of Pia makes her busy for B too, once B opts in.
    const booked = await gql(t.url, adminA, ASSIGN, { i: { meetingId: ids.second, role: 'IT_SUPPORT', staffId: ids.pia } });
    assert.equal(booked.errors, undefined, JSON.stringify(booked.errors));
    await gql(t.url, adminB, 'mutation { updateSupportSettings(input: { usesRegionalPool: true }) { usesRegionalPool } }');
    const overlapB = await gql(t.url, adminB, 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', {
      i: {
        bodyId: (await gql(t.url, adminB, '{ bodies(perPage: 50) { items { id } } }')).data!.bodies.items[0].id,
        title: 'Krock',
        startsAt: iso(2027, 4, 6, 20),
        endsAt: iso(2027, 4, 6, 21),
        place: 'Kungshamn',
      },
    });
    const sB2 = await suggest(adminB, overlapB.data!.createMeeting.id, 'IT_SUPPORT');
    assert.equal(sB2.unfit.find((u: { staff: { id: string } }) => u.staff.id === ids.pia)?.reason, 'DOUBLE_BOOKED');
    const doubleB = await gql(t.url, adminB, ASSIGN, { i: { meetingId: overlapB.data!.createMeeting.id, role: 'IT_SUPPORT', staffId: ids.pia } });
    assert.equal(errorCode(doubleB), 'CONFLICT');
  });

  it('shows a declined assignment as a gap at once, the evaluation reports it, and an accepted replacement clears it', async () => {
    const list = await gql(t.url, adminA, '{ meetings(perPage: 100) { items { id title status } } }');
    const kf = list.data!.meetings.items.find((m: { title: string; status: string }) => m.title === 'Kommunfullmäktige' && m.status === 'CONVENED')
      .id as string;
    const needs = await gql(t.url, adminA, 'query($m: ID!) { supportNeeds(meetingId: $m) { role required covered missing remoteParticipants } }', { m: kf });
    assert.deepEqual(needs.data!.supportNeeds.map((n: { role: string; required: number }) => [n.role, n.required]).sort(), [
      ['IT_SUPPORT', 1],
      ['MEETING_SUPPORT', 1],
    ]);
    assert.equal((await supportFindings(kf)).length, 2, 'nothing assigned: both roles missing');
    const gapsBefore = await gql(t.url, adminA, GAPS);
    assert.ok(gapsBefore.data!.supportGaps.some((g: { meetingId: string }) => g.meetingId === kf));

    const it1 = await gql(t.url, adminA, ASSIGN, { i: { meetingId: kf, role: 'IT_SUPPORT', staffId: ids.ida } });
    const ms1 = await gql(t.url, adminA, ASSIGN, { i: { meetingId: kf, role: 'MEETING_SUPPORT', staffId: ids.mia } });
    assert.equal(it1.errors, undefined, JSON.stringify(it1.errors));
    assert.equal(ms1.errors, undefined, JSON.stringify(ms1.errors));
    assert.deepEqual(await supportFindings(kf), []);

    // Ida, signed in with the support role, sees the shift under "Mina pass" and declines it.
    const mine = await gql(t.url, supportA, '{ mySupportShifts { id meetingId status } }');
    assert.ok(mine.data!.mySupportShifts.some((s: { id: string }) => s.id === it1.data!.assignSupport.id));
    const notHers = await gql(t.url, supportA, 'mutation($id: ID!) { declineSupportAssignment(id: $id) { id } }', { id: ms1.data!.assignSupport.id });
    assert.equal(errorCode(notHers), 'FORBIDDEN');
    const declined = await gql(t.url, supportA, 'mutation($id: ID!) { declineSupportAssignment(id: $id, reason: "Sjuk") { status } }', {
      id: it1.data!.assignSupport.id,
    });
    assert.equal(declined.data!.declineSupportAssignment.status, 'DECLINED');

    const gaps = await gql(t.url, adminA, GAPS);
    const gap = gaps.data!.supportGaps.find((g: { meetingId: string; role: string }) => g.meetingId === kf && g.role === 'IT_SUPPORT');
    assert.deepEqual({ ...gap }, { meetingId: kf, role: 'IT_SUPPORT', required: 1, covered: 0, missing: 1 });
    const missing = await supportFindings(kf);
    assert.equal(missing.length, 1);
    assert.match(missing[0]!.message.sv, /IT-support/);
    assert.equal(missing[0]!.severity, 'warning', 'the demo rules make missing support a warning');

    const replacement = await gql(t.url, adminA, ASSIGN, { i: { meetingId: kf, role: 'IT_SUPPORT', staffId: ids.mats } });
    assert.equal(replacement.errors, undefined, JSON.stringify(replacement.errors));
    const accepted = await gql(t.url, adminA, 'mutation($id: ID!) { acceptSupportAssignment(id: $id) { status } }', { id: replacement.data!.assignSupport.id });
    assert.equal(accepted.data!.acceptSupportAssignment.status, 'ACCEPTED');
    assert.deepEqual(await supportFindings(kf), []);
    const cleared = await gql(t.url, adminA, GAPS);
    assert.ok(!cleared.data!.supportGaps.some((g: { meetingId: string }) => g.meetingId === kf));

    // A new absence re-opens the need at once, and shows as a conflict.
    const shift = await gql(t.url, adminA, 'query($m: ID!) { supportNeeds(meetingId: $m) { shiftStartsAt shiftEndsAt } }', { m: kf });
    const sick = await gql(t.url, adminA, 'mutation($i: StaffAbsenceInput!) { addStaffAbsence(input: $i) { id } }', {
      i: { staffId: ids.mats, startsAt: shift.data!.supportNeeds[0].shiftStartsAt, endsAt: shift.data!.supportNeeds[0].shiftEndsAt, kind: 'SICK_LEAVE' },
    });
    assert.equal(sick.errors, undefined);
    assert.equal((await supportFindings(kf)).length, 1);
    const conflicts = await gql(t.url, adminA, '{ supportConflicts { kind assignment { id } } }');
    assert.ok(
      conflicts.data!.supportConflicts.some(
        (c: { kind: string; assignment: { id: string } }) => c.kind === 'ABSENT' && c.assignment.id === replacement.data!.assignSupport.id,
      ),
    );
    await gql(t.url, adminA, 'mutation($id: ID!) { removeStaffAbsence(id: $id) }', { id: sick.data!.addStaffAbsence.id });
    assert.deepEqual(await supportFindings(kf), []);
  });

  it('lets a rule set make missing support a blocker', async () => {
    const gapsB = await gql(t.url, adminB, '{ meetings(perPage: 100) { items { id title status } } }');
    const kfB = gapsB.data!.meetings.items.find((m: { title: string; status: string }) => m.title === 'Kommunfullmäktige' && m.status === 'CONVENED').id;
    // A new version of B's rules makes the meeting support person a blocker for the council.
    await sql(
      t.ownerUrl,
      `insert into rule_set_version (tenant_id, id, version, status, decision_reference, decided_by, decided_on, effective_from, published_at, published_by, template_id, content)
       select tenant_id, gen_random_uuid(), version + 1, status, 'KF 2026-01-12 § 3', decided_by, '2026-01-12', '2026-02-01', now(), published_by, template_id,
              jsonb_set(content, '{bodyTypes,council,requiredSupport}', '[{"role":"meeting_support","count":1,"blocking":true}]')
         from rule_set_version where tenant_id = $1 and status = 'published' order by version desc limit 1`,
      [tenantOf(B)],
    );
    const res = await gql(t.url, adminB, EVALUATE, { m: kfB });
    const finding = res.data!.evaluateMeeting.findings.find((f: { code: string }) => f.code === 'SUPPORT_MISSING');
    assert.equal(finding?.severity, 'blocker');
    assert.equal(res.data!.evaluateMeeting.compliant, false);
  });

  it('serves a personal feed whose instants are right across the change to summer time, in any time zone', async () => {
    // Saturday 27 and Monday 29 March 2027, 18:00 in Stockholm; summer time starts in between.
    const sat = await meeting('Lördagsmöte', iso(2027, 3, 27, 18), iso(2027, 3, 27, 20));
    const mon = await meeting('Måndagsmöte', iso(2027, 3, 29, 18), iso(2027, 3, 29, 20));
    for (const m of [sat, mon]) {
      const r = await gql(t.url, adminA, ASSIGN, { i: { meetingId: m, role: 'IT_SUPPORT', staffId: ids.ida } });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    }
    const issued = await gql(t.url, supportA, 'mutation($s: ID!) { issueStaffCalendarFeed(staffId: $s) }', { s: ids.ida });
    assert.equal(issued.errors, undefined, JSON.stringify(issued.errors));
    const url = issued.data!.issueStaffCalendarFeed as string;
    assert.match(url, /\/support-feed\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
    const stored = await sql(t.ownerUrl, 'select token_hash from support_calendar_feed');
    assert.ok(!stored.some((r) => url.includes(Buffer.from(r.token_hash).toString('base64url'))), 'only a hash is kept');
    const res = await fetch(url);
    assert.equal(res.status, 200);
    const ics = await res.text();

    const script = `
      import ICAL from 'ical.js';
      import nodeIcal from 'node-ical';
      const text = process.env.ICS;
      const jcal = new ICAL.Component(ICAL.parse(text));
      const a = jcal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).filter((e) => /Lördagsmöte|Måndagsmöte/.test(e.summary))
        .map((e) => [e.summary, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()]).sort();
      const b = Object.values(nodeIcal.sync.parseICS(text)).filter((e) => e.type === 'VEVENT' && /Lördagsmöte|Måndagsmöte/.test(e.summary))
        .map((e) => [e.summary, e.start.toISOString(), e.end.toISOString()]).sort();
      console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, a, b }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      env: { ...process.env, TZ: 'America/New_York', ICS: ics },
      encoding: 'utf8',
    });
    assert.equal(child.status, 0, child.stderr);
    const parsed = JSON.parse(child.stdout);
    assert.equal(parsed.zone, 'America/New_York');
    const expected = [
      ['IT-support: Lördagsmöte', '2027-03-27T16:30:00.000Z', '2027-03-27T19:15:00.000Z'],
      ['IT-support: Måndagsmöte', '2027-03-29T15:30:00.000Z', '2027-03-29T18:15:00.000Z'],
    ];
    assert.deepEqual(parsed.a, expected, 'ical.js');
    assert.deepEqual(parsed.b, expected, 'node-ical');

    // Revoked: the URL opens nothing any more. Someone else cannot manage Ida's feed.
    const other = await gql(
      t.url,
      t.realm.token(A, ['support'], { preferred_username: 'nobody' }),
      'mutation($s: ID!) { revokeStaffCalendarFeed(staffId: $s) }',
      { s: ids.ida },
    );
    assert.equal(errorCode(other), 'FORBIDDEN');
    const revoked = await gql(t.url, adminA, 'mutation($s: ID!) { revokeStaffCalendarFeed(staffId: $s) }', { s: ids.ida });
    assert.equal(revoked.data!.revokeStaffCalendarFeed, true);
    assert.equal((await fetch(url)).status, 404);
  });

  it('reminds the day before a shift once, and writes a message about a change to the outbox only with the change', async () => {
    const reminders = t.app.get(SupportRemindersService);
    const settle = () => t.app.get(OutboxService).settle();
    const before = sink.received.filter((m) => m.to.includes('ida@munkedal.example')).length;
    assert.equal(await reminders.remindDayBefore(tenantOf(A), '2027-03-26'), 1);
    assert.equal(await reminders.remindDayBefore(tenantOf(A), '2027-03-26'), 0, 'a re-run sends nothing');
    await settle();
    const mails = sink.received.filter((m) => m.to.includes('ida@munkedal.example'));
    assert.equal(mails.length, before + 1);
    assert.match(mimePart(mails.at(-1)!.raw, 'text/plain') ?? '', /Möte: Lördagsmöte/);

    const extra = await meeting('Ändrat pass', iso(2027, 5, 4, 18), iso(2027, 5, 4, 19));
    const aboutExtra = () =>
      sink.received.filter((m) => m.to.includes('mats@munkedal.example') && /Möte: Ändrat pass/.test(mimePart(m.raw, 'text/plain') ?? ''));
    // One request, two mutations, the second fails: the first is rolled back and nothing is sent.
    const failed = await gql(
      t.url,
      adminA,
      `mutation($ok: AssignSupportInput!, $bad: AssignSupportInput!) { a: assignSupport(input: $ok) { id } b: assignSupport(input: $bad) { id } }`,
      {
        ok: { meetingId: extra, role: 'IT_SUPPORT', staffId: ids.mats },
        bad: { meetingId: extra, role: 'IT_SUPPORT', staffId: ids.sam },
      },
    );
    assert.ok(failed.errors?.length);
    await settle();
    assert.deepEqual(await sql(t.ownerUrl, 'select id from support_assignment where meeting_id = $1', [extra]), [], 'rolled back');
    assert.equal(aboutExtra().length, 0, 'a rolled-back assignment sends nothing');
    const ok = await gql(t.url, adminA, ASSIGN, { i: { meetingId: extra, role: 'IT_SUPPORT', staffId: ids.mats } });
    assert.equal(ok.errors, undefined);
    await settle();
    assert.equal(aboutExtra().length, 1, 'the committed assignment sends one message');
    const [change] = await sql(t.ownerUrl, `select key from support_reminder where assignment_id = $1 and kind = 'changed'`, [ok.data!.assignSupport.id]);
    assert.ok(change);
    assert.equal(await reminders.sendChanged(tenantOf(A), ok.data!.assignSupport.id, change.key), false, 'a retried job sends nothing twice');
    await settle();
    assert.equal(aboutExtra().length, 1);

    // Moving the meeting tells the assigned person (after commit), and the shift follows the meeting.
    const moved = await gql(t.url, adminA, 'mutation($id: ID!, $i: UpdateMeetingInput!) { updateMeeting(id: $id, input: $i) { id } }', {
      id: extra,
      i: { startsAt: iso(2027, 5, 4, 19), endsAt: iso(2027, 5, 4, 20) },
    });
    assert.equal(moved.errors, undefined, JSON.stringify(moved.errors));
    await settle();
    const movedMail = sink.received
      .filter((m) => m.to.includes('mats@munkedal.example'))
      .map((m) => mimePart(m.raw, 'text/plain') ?? '')
      .find((text) => /flyttats/.test(text));
    assert.ok(movedMail, 'the mail says the meeting moved');
    const shift = await gql(t.url, adminA, 'query($m: ID!) { supportAssignments(meetingId: $m) { shiftStartsAt } }', { m: extra });
    assert.equal(shift.data!.supportAssignments[0].shiftStartsAt, iso(2027, 5, 4, 18, 30));
  });

  it('forecasts needed against available hours per week and skill for eight weeks', async () => {
    const res = await gql(t.url, adminA, '{ supportForecast { weekStart scope skill neededHours availableHours shortfallHours } }');
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const rows = res.data!.supportForecast as {
      weekStart: string;
      scope: string;
      skill: string;
      neededHours: number;
      availableHours: number;
      shortfallHours: number;
    }[];
    assert.equal(new Set(rows.map((r) => r.weekStart)).size, 8);
    assert.ok(
      rows.some((r) => r.scope === 'POOL'),
      'A uses the pool',
    );
    assert.ok(
      rows.some((r) => r.neededHours > 0),
      'the demo meetings need support',
    );
    for (const r of rows.filter((x) => x.scope === 'MUNICIPALITY')) {
      const pool = rows.find((x) => x.scope === 'POOL' && x.weekStart === r.weekStart && x.skill === r.skill)!.availableHours;
      assert.ok(Math.abs(r.shortfallHours - Math.max(0, r.neededHours - r.availableHours - pool)) <= 0.2, JSON.stringify(r));
    }
  });

  it('tracks staff training on the modules meant for their work, within the municipality', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    const COVERAGE = '{ staffTrainingCoverage { staffId moduleKey status validUntil } }';
    const before = (await gql(t.url, adminA, COVERAGE)).data!.staffTrainingCoverage as { staffId: string; moduleKey: string; status: string }[];
    const of = (rows: typeof before, staffId: string) => Object.fromEntries(rows.filter((r) => r.staffId === staffId).map((r) => [r.moduleKey, r.status]));
    assert.deepEqual(of(before, ids.sam), { 'secretary-checklist': 'MISSING', 'lead-hybrid-meeting': 'MISSING' });
    assert.deepEqual(of(before, ids.ida), { 'secretary-checklist': 'MISSING' }, 'support staff: the checklist, not the chair-and-secretary module');
    const recorded = await gql(
      t.url,
      adminA,
      'mutation($s: ID!) { recordStaffTrainingCompletion(staffId: $s, moduleKey: "secretary-checklist", completedOn: "2026-01-15") { status validUntil } }',
      { s: ids.sam },
    );
    assert.deepEqual(recorded.data!.recordStaffTrainingCompletion, { status: 'TRAINED', validUntil: null });
    const twice = await gql(
      t.url,
      adminA,
      'mutation($s: ID!) { recordStaffTrainingCompletion(staffId: $s, moduleKey: "secretary-checklist", completedOn: "2026-01-15") { status } }',
      { s: ids.sam },
    );
    assert.equal(errorCode(twice), 'CONFLICT');
    const hybrid = await gql(
      t.url,
      adminA,
      'mutation($s: ID!, $d: String!) { recordStaffTrainingCompletion(staffId: $s, moduleKey: "lead-hybrid-meeting", completedOn: $d) { status validUntil } }',
      { s: ids.sam, d: today },
    );
    assert.equal(hybrid.data!.recordStaffTrainingCompletion.status, 'TRAINED');
    assert.match(hybrid.data!.recordStaffTrainingCompletion.validUntil, /^\d{4}-\d{2}-\d{2}$/, 'a 24-month validity');
    const fromB = await gql(
      t.url,
      adminB,
      'mutation($s: ID!) { recordStaffTrainingCompletion(staffId: $s, moduleKey: "secretary-checklist", completedOn: "2026-01-15") { status } }',
      { s: ids.mia },
    );
    assert.equal(errorCode(fromB), 'BAD_USER_INPUT');
    const seenByB = (await gql(t.url, adminB, COVERAGE)).data!.staffTrainingCoverage as { staffId: string }[];
    assert.ok(!seenByB.some((r) => r.staffId === ids.sam));
  });

  it('isolates every support table in SQL, and the pool within its region and its opted-in municipalities', async () => {
    for (const table of [
      'support_staff',
      'support_absence',
      'support_assignment',
      'support_settings',
      'support_reminder',
      'support_calendar_feed',
      'staff_training_completion',
    ]) {
      const ownerCount = await sql(t.ownerUrl, `select count(*)::int as n from ${table} where tenant_id = $1`, [tenantOf(A)]);
      assert.ok(ownerCount[0]!.n > 0 || table === 'support_calendar_feed', `${table} has rows of A`);
      const asB = await sql(t.appDatabaseUrl, `select count(*)::int as n from ${table} where tenant_id = $1`, [tenantOf(A)], tenantOf(B));
      assert.equal(asB[0]!.n, 0, `${table}: B sees none of A's rows`);
      const none = await sql(t.appDatabaseUrl, `select count(*)::int as n from ${table}`, [], '');
      assert.equal(none[0]!.n, 0, `${table}: no tenant, no rows`);
      await assert.rejects(
        sql(t.appDatabaseUrl, `insert into ${table} (tenant_id) values ($1)`, [tenantOf(A)], tenantOf(B)),
        /row-level security|null value|violates/,
      );
    }
    // Another region's municipality that opted in sees nothing of Fyrbodal's pool: the demo's
    // Timrå (Västernorrland, which has a pool of its own since the second region was seeded).
    const [timraRow] = await sql(t.ownerUrl, "select id from municipality where slug = 'timra'");
    const timra = timraRow!.id as string;
    const fyrbodalPool = (await sql(t.ownerUrl, "select s.id from regional_support_staff s join region r on r.id = s.region_id where r.slug = 'fyrbodal'")).map(
      (r) => r.id as string,
    );
    assert.ok(fyrbodalPool.length > 0);
    await sql(
      t.appDatabaseUrl,
      'insert into support_settings (tenant_id, uses_regional_pool) values ($1, true) on conflict (tenant_id) do update set uses_regional_pool = true',
      [timra],
      timra,
    );
    assert.equal(
      (await sql(t.appDatabaseUrl, 'select count(*)::int as n from regional_support_staff where id = any($1::uuid[])', [fyrbodalPool], timra))[0]!.n,
      0,
    );
    // The demo pools were cleared above; one person in Västernorrland's pool shows the query can see a pool at all.
    await sql(
      t.ownerUrl,
      "insert into regional_support_staff (region_id, id, name, title) select region_id, gen_random_uuid(), 'Vera Norrland', 'Regional IT-support' from municipality where id = $1",
      [timra],
    );
    assert.equal(
      (await sql(t.appDatabaseUrl, 'select count(*)::int as n from regional_support_staff', [], timra))[0]!.n,
      1,
      "Timrå sees its own region's pool",
    );
    assert.equal(
      (
        await sql(
          t.appDatabaseUrl,
          'select count(*)::int as n from support_pool_busy($1, $2) where staff_id = any($3::uuid[])',
          ['2027-01-01', '2028-01-01', fyrbodalPool],
          timra,
        )
      )[0]!.n,
      0,
    );
    // A municipality of the region that has not opted in sees no pool either.
    const amal = tenantOf('amal');
    assert.equal((await sql(t.appDatabaseUrl, 'select count(*)::int as n from regional_support_staff', [], amal))[0]!.n, 0);
    assert.equal((await sql(t.appDatabaseUrl, 'select count(*)::int as n from support_pool_busy($1, $2)', ['2027-01-01', '2028-01-01'], amal))[0]!.n, 0);
    // Opted in: A sees the pool (and its busy times), and still cannot write it.
    assert.equal((await sql(t.appDatabaseUrl, 'select count(*)::int as n from regional_support_staff', [], tenantOf(A)))[0]!.n, 1);
    assert.ok((await sql(t.appDatabaseUrl, 'select count(*)::int as n from support_pool_busy($1, $2)', ['2027-01-01', '2028-01-01'], tenantOf(A)))[0]!.n > 0);
    await assert.rejects(
      sql(t.appDatabaseUrl, `update regional_support_staff set name = 'x' returning id`, [], tenantOf(A)).then((rows) => {
        if (!rows.length) throw new Error('row-level security: nothing updated');
      }),
      /row-level security/,
    );
    // Through GraphQL: B cannot answer, assign or read A's assignments.
    const assignmentsA = await sql(t.ownerUrl, 'select id from support_assignment where tenant_id = $1 limit 1', [tenantOf(A)]);
    const answer = await gql(t.url, adminB, 'mutation($id: ID!) { acceptSupportAssignment(id: $id) { id } }', { id: assignmentsA[0]!.id });
    assert.equal(errorCode(answer), 'NOT_FOUND');
    const listB = await gql(t.url, adminB, '{ supportAssignments { id } }');
    assert.ok(!listB.data!.supportAssignments.some((a: { id: string }) => a.id === assignmentsA[0]!.id));
  });
  it("tells a coordinator which of the region's municipalities use the pool, and no one else", async () => {
    const res = await gql(t.url, coordinator, '{ supportPoolMunicipalities { municipalityId name usesRegionalPool } }');
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const rows = res.data!.supportPoolMunicipalities as { municipalityId: string; name: string; usesRegionalPool: boolean }[];
    assert.equal(rows.length, 14, 'the fourteen municipalities of Fyrbodal');
    assert.ok(!rows.some((r) => r.name === 'Timrå'), "another region's municipality, though opted in, is not listed");
    assert.deepEqual(
      rows
        .filter((r) => r.usesRegionalPool)
        .map((r) => r.municipalityId)
        .sort(),
      [tenantOf(A), tenantOf(B)].sort(),
    );
    assert.equal(rows.find((r) => r.municipalityId === tenantOf('amal'))?.usesRegionalPool, false);
    assert.equal(errorCode(await gql(t.url, adminA, '{ supportPoolMunicipalities { name } }')), 'FORBIDDEN');
    // Called from a municipal session the function answers nothing, not even its own region.
    assert.equal((await sql(t.appDatabaseUrl, 'select count(*)::int as n from regional_support_pool_optins()', [], tenantOf(A)))[0]!.n, 0);
  });
});
