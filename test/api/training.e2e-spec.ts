import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import { addDays, localDate } from '@motesplats/rules';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { ComplianceFacts } from '@motesplats/api/rules/compliance-facts.js';
import { REMIND_MUNICIPALITY, TrainingRemindersProcessor } from '@motesplats/api/training/training-reminders.processor.js';
import { addMonths, validUntil } from '@motesplats/api/training/validity.js';
import type { Job } from 'bullmq';
import { OutboxService } from '@motesplats/api/outbox/outbox.service.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { errorCode, gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

const A = 'lysekil';
const B = 'orust';
const BASICS = 'remote-participation-basics';

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

describe('training: modules, completions, practice sessions, coverage, reminders', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let adminA: string;
  let adminB: string;
  let coordinator: string;
  const today = localDate(new Date());

  /** A new member of A with no training, seated on A's executive board. */
  const newMember = async (name: string, email: string | null) => {
    const created = await gql(t.url, adminA, 'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
      i: { name, email, identityLevel: 'E_ID' },
    });
    const id = created.data!.createMember.id as string;
    const bodies = await gql(t.url, adminA, '{ bodies(perPage: 50) { items { id kind } } }');
    const ks = bodies.data!.bodies.items.find((b: { kind: string }) => b.kind === 'EXECUTIVE_BOARD').id;
    const seat = await gql(t.url, adminA, 'mutation($i: CreateBodyMembershipInput!) { createBodyMembership(input: $i) { id } }', {
      i: { bodyId: ks, memberId: id, role: 'MEMBER' },
    });
    assert.equal(seat.errors, undefined);
    return { id, bodyId: ks as string };
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
    adminA = t.realm.token(A, ['tenant-admin']);
    adminB = t.realm.token(B, ['tenant-admin']);
    coordinator = t.realm.token('fyrbodal', ['coordinator']);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  describe('the module library', () => {
    it('serves the published regional modules, with the keys rule sets require, to every municipality', async () => {
      const res = await gql(t.url, adminA, '{ trainingModules(perPage: 50) { total items { key title scope audience kind validityMonths requirable } } }');
      const keys = res.data!.trainingModules.items.map((m: { key: string }) => m.key).sort();
      assert.deepEqual(keys, ['lead-hybrid-meeting', BASICS, 'secretary-checklist']);
      const basics = res.data!.trainingModules.items.find((m: { key: string }) => m.key === BASICS);
      assert.deepEqual(basics, {
        key: BASICS,
        title: 'Delta på distans – grunder',
        scope: 'REGIONAL',
        audience: ['MEMBER', 'CHAIR'],
        kind: 'E_LEARNING',
        validityMonths: 24,
        requirable: true,
      });
    });

    it('lets coordinators draft and publish regional modules; municipalities see them only once published', async () => {
      const input = { key: 'digital-voting', title: 'Rösta digitalt', audience: ['MEMBER'], kind: 'E_LEARNING', validityMonths: 12, requirable: true };
      const created = await gql(t.url, coordinator, 'mutation($i: CreateTrainingModuleInput!) { createTrainingModule(input: $i) { id scope publishedAt } }', {
        i: input,
      });
      assert.equal(created.data!.createTrainingModule.scope, 'REGIONAL');
      assert.equal(created.data!.createTrainingModule.publishedAt, null);
      const id = created.data!.createTrainingModule.id;
      const seenBefore = await gql(t.url, adminA, 'query($k: [String!]) { trainingModules(filter: { keys: $k }) { total } }', { k: ['digital-voting'] });
      assert.equal(seenBefore.data!.trainingModules.total, 0);

      const byMunicipality = await gql(t.url, adminA, 'mutation($id: ID!) { updateTrainingModule(id: $id, input: { title: "Kapad" }) { id } }', { id });
      assert.equal(errorCode(byMunicipality), 'NOT_FOUND');
      const publishByMunicipality = await gql(t.url, adminA, 'mutation($id: ID!) { publishTrainingModule(id: $id) { id } }', { id });
      assert.equal(errorCode(publishByMunicipality), 'FORBIDDEN');

      const published = await gql(t.url, coordinator, 'mutation($id: ID!) { publishTrainingModule(id: $id) { publishedAt } }', { id });
      assert.ok(published.data!.publishTrainingModule.publishedAt);
      const seenAfter = await gql(t.url, adminA, 'query($k: [String!]) { trainingModules(filter: { keys: $k }) { total items { scope } } }', {
        k: ['digital-voting'],
      });
      assert.equal(seenAfter.data!.trainingModules.total, 1);
      const change = await gql(t.url, adminA, 'mutation($id: ID!) { updateTrainingModule(id: $id, input: { title: "Kapad" }) { id } }', { id });
      assert.equal(errorCode(change), 'FORBIDDEN');
      const remove = await gql(t.url, coordinator, 'mutation($id: ID!) { deleteTrainingModule(id: $id) }', { id });
      assert.equal(errorCode(remove), 'CONFLICT');
    });

    it("keeps a municipality's own modules to itself, under keys that start with its slug", async () => {
      const input = { key: 'introduktion-ks', title: 'Introduktion för KS', audience: ['MEMBER'], kind: 'INSTRUCTION' };
      const wrongKey = await gql(t.url, adminA, 'mutation($i: CreateTrainingModuleInput!) { createTrainingModule(input: $i) { id } }', { i: input });
      assert.equal(errorCode(wrongKey), 'BAD_USER_INPUT');
      const ok = await gql(t.url, adminA, 'mutation($i: CreateTrainingModuleInput!) { createTrainingModule(input: $i) { id key scope } }', {
        i: { ...input, key: 'lysekil-introduktion-ks' },
      });
      assert.equal(ok.data!.createTrainingModule.scope, 'MUNICIPAL');
      const id = ok.data!.createTrainingModule.id;
      const fromB = await gql(t.url, adminB, 'query($id: ID!) { trainingModule(id: $id) { id } }', { id });
      assert.equal(fromB.data!.trainingModule, null);
      const updateFromB = await gql(t.url, adminB, 'mutation($id: ID!) { updateTrainingModule(id: $id, input: { title: "Kapad" }) { id } }', { id });
      assert.equal(errorCode(updateFromB), 'NOT_FOUND');
      const deleteFromB = await gql(t.url, adminB, 'mutation($id: ID!) { deleteTrainingModule(id: $id) }', { id });
      assert.equal(errorCode(deleteFromB), 'NOT_FOUND');
      const regionalKey = await gql(t.url, coordinator, 'mutation($i: CreateTrainingModuleInput!) { createTrainingModule(input: $i) { id } }', {
        i: { ...input, key: 'lysekil-x' },
      });
      assert.equal(errorCode(regionalKey), 'BAD_USER_INPUT');
    });
  });

  describe('training facts for the rules', () => {
    it('does not count a required module that expired yesterday as valid for tomorrow; a new completion does', async () => {
      const member = await newMember('Test Utgången', null);
      // The completion date whose validity (24 months) ended yesterday.
      const yesterday = addDays(today, -1);
      const candidates = [-2, -1, 0, 1, 2].map((d) => addDays(addMonths(today, -24), d));
      const completedOn = candidates.find((c) => validUntil(c, 24) === yesterday)!;
      const recorded = await gql(t.url, adminA, 'mutation($i: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $i) { validUntil source } }', {
        i: { memberId: member.id, moduleKey: BASICS, completedOn },
      });
      assert.deepEqual(recorded.data!.recordTrainingCompletion, { validUntil: yesterday, source: 'RECORDED' });

      const facts = t.app.get(ComplianceFacts).training!;
      const tomorrow = addDays(today, 1);
      const before = await t.app.get(TenantDb).run(tenantOf(A), () => facts.completionsFor([member.id], tomorrow));
      assert.deepEqual(before, []);
      const onTheLastDay = await t.app.get(TenantDb).run(tenantOf(A), () => facts.completionsFor([member.id], yesterday));
      assert.deepEqual(onTheLastDay, [{ memberId: member.id, moduleKey: BASICS, completedOn, validUntil: yesterday }]);

      // Tomorrow's meeting of the member's body, with the member planned remote: the rules'
      // evaluation (which reads these facts) finds them ineligible and names the module.
      const startsAt = new Date(Date.now() + 26 * 3600_000);
      const meeting = await gql(t.url, adminA, 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', {
        i: {
          bodyId: member.bodyId,
          title: 'Extra sammanträde',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
          place: 'KS-salen',
          platformKey: 'jitsi_meet',
        },
      });
      const meetingId = meeting.data!.createMeeting.id as string;
      await gql(t.url, adminA, 'mutation($m: ID!) { createAgendaItem(input: { meetingId: $m, number: 1, title: "Budget" }) { id } }', { m: meetingId });
      const attended = await gql(
        t.url,
        adminA,
        'mutation($m: ID!, $p: ID!) { createAttendance(input: { meetingId: $m, memberId: $p, mode: REMOTE }) { id } }',
        { m: meetingId, p: member.id },
      );
      assert.equal(attended.errors, undefined, JSON.stringify(attended.errors));
      const evaluate = async () =>
        (
          await gql(
            t.url,
            adminA,
            `query($m: ID!) { evaluateMeeting(meetingId: $m) { findings { code memberId message { sv } }
          remoteEligibility { memberId mayTakePartRemotely reasons { code message { sv } } } } }`,
            { m: meetingId },
          )
        ).data!.evaluateMeeting as {
          findings: { code: string; memberId: string | null; message: { sv: string } }[];
          remoteEligibility: { memberId: string; mayTakePartRemotely: boolean; reasons: { code: string; message: { sv: string } }[] }[];
        };
      const judged = await evaluate();
      const eligibility = judged.remoteEligibility.find((e) => e.memberId === member.id)!;
      assert.equal(eligibility.mayTakePartRemotely, false);
      assert.deepEqual(
        eligibility.reasons.map((r) => r.code),
        ['TRAINING_MISSING'],
      );
      const finding = judged.findings.find((f) => f.code === 'TRAINING_MISSING' && f.memberId === member.id)!;
      // Named by its title, as the member and the secretary know it, not by its key.
      assert.match(finding.message.sv, /”Delta på distans – grunder”/);

      // Coverage shows the same member blocked for that meeting, by the module the rule set requires.
      const gapsQuery = `{ meetingTrainingGaps(withinDays: 3) { meeting { id } requiredModuleKeys blocked { memberId missingModuleKeys member { name } } } }`;
      const gaps = await gql(t.url, adminA, gapsQuery);
      const forMeeting = gaps.data!.meetingTrainingGaps.find((g: { meeting: { id: string } }) => g.meeting.id === meetingId);
      assert.deepEqual(forMeeting.requiredModuleKeys, [BASICS]);
      const blocked = forMeeting.blocked.find((b: { memberId: string }) => b.memberId === member.id);
      assert.deepEqual(blocked, { memberId: member.id, missingModuleKeys: [BASICS], member: { name: 'Test Utgången' } });

      const renewed = await gql(t.url, adminA, 'mutation($i: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $i) { validUntil } }', {
        i: { memberId: member.id, moduleKey: BASICS, completedOn: today },
      });
      assert.equal(renewed.data!.recordTrainingCompletion.validUntil, validUntil(today, 24));
      const afterRenewal = await t.app.get(TenantDb).run(tenantOf(A), () => facts.completionsFor([member.id], tomorrow));
      assert.deepEqual(
        afterRenewal.map((c) => c.completedOn),
        [today],
      );
      const rejudged = await evaluate();
      assert.equal(rejudged.remoteEligibility.find((e) => e.memberId === member.id)!.mayTakePartRemotely, true);
      assert.ok(!rejudged.findings.some((f) => f.memberId === member.id));
      const gapsAfter = await gql(t.url, adminA, gapsQuery);
      const stillBlocked = gapsAfter
        .data!.meetingTrainingGaps.find((g: { meeting: { id: string } }) => g.meeting.id === meetingId)
        .blocked.some((b: { memberId: string }) => b.memberId === member.id);
      assert.equal(stillBlocked, false);

      // History is kept: both completions remain, and recording the same one again is refused.
      const history = await gql(
        t.url,
        adminA,
        'query($m: ID!) { trainingCompletions(filter: { memberId: $m }, sortField: "completedOn") { total items { completedOn } } }',
        { m: member.id },
      );
      assert.deepEqual(
        history.data!.trainingCompletions.items.map((c: { completedOn: string }) => c.completedOn),
        [completedOn, today],
      );
      const again = await gql(t.url, adminA, 'mutation($i: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $i) { id } }', {
        i: { memberId: member.id, moduleKey: BASICS, completedOn: today },
      });
      assert.equal(errorCode(again), 'CONFLICT');
    });

    it('refuses a completion in the future or of an unknown module', async () => {
      const member = await newMember('Test Framtid', null);
      const future = await gql(t.url, adminA, 'mutation($i: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $i) { id } }', {
        i: { memberId: member.id, moduleKey: BASICS, completedOn: addDays(today, 2) },
      });
      assert.equal(errorCode(future), 'BAD_USER_INPUT');
      const unknown = await gql(t.url, adminA, 'mutation($i: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $i) { id } }', {
        i: { memberId: member.id, moduleKey: 'no-such-module', completedOn: today },
      });
      assert.equal(errorCode(unknown), 'BAD_USER_INPUT');
    });
  });

  describe('CSV import and export', () => {
    const importCsv = (csv: string, dryRun: boolean) =>
      gql(
        t.url,
        adminA,
        'mutation($csv: String!, $dry: Boolean!) { importTrainingCompletions(csv: $csv, dryRun: $dry) { dryRun rows toImport alreadyRecorded imported errors { line reason } } }',
        {
          csv,
          dry: dryRun,
        },
      );
    const countCompletions = async () =>
      (await sql(t.ownerUrl, 'select count(*)::int as n from training_completion where tenant_id = $1', [tenantOf(A)]))[0]!.n as number;

    it('imports nothing from a file with one bad row and reports the row and the reason; the corrected file imports every row once', async () => {
      const withMail = await newMember('Import Medepost', 'import.medepost@lysekil.example');
      const withoutMail = await newMember('Import Utanepost', null);
      const good = [
        'member_id;member_name;member_email;module_key;completed_on',
        `;Import Medepost;IMPORT.MEDEPOST@lysekil.example;${BASICS};${addDays(today, -10)}`,
        `${withoutMail.id};;;${BASICS};${addDays(today, -9)}`,
        `${withoutMail.id};Import Utanepost;;lead-hybrid-meeting;${addDays(today, -8)}`,
      ];
      const bad = [...good.slice(0, 3), `${withoutMail.id};;;${BASICS};2025-02-30`, good[3]!];
      const before = await countCompletions();

      const rejected = await importCsv(bad.join('\r\n'), false);
      assert.equal(rejected.errors, undefined);
      const report = rejected.data!.importTrainingCompletions;
      assert.equal(report.imported, 0);
      assert.deepEqual(report.errors, [{ line: 4, reason: '"2025-02-30" är inget giltigt datum (ÅÅÅÅ-MM-DD).' }]);
      assert.equal(await countCompletions(), before, 'nothing imported');

      const dry = await importCsv(good.join('\n'), true);
      assert.deepEqual(dry.data!.importTrainingCompletions, { dryRun: true, rows: 3, toImport: 3, alreadyRecorded: 0, imported: 0, errors: [] });
      assert.equal(await countCompletions(), before, 'a dry run writes nothing');

      const imported = await importCsv(good.join('\n'), false);
      assert.deepEqual(imported.data!.importTrainingCompletions, { dryRun: false, rows: 3, toImport: 3, alreadyRecorded: 0, imported: 3, errors: [] });
      assert.equal(await countCompletions(), before + 3);
      const sources = await sql(t.ownerUrl, 'select source, member_id from training_completion where member_id = any($1::uuid[])', [
        [withMail.id, withoutMail.id],
      ]);
      assert.deepEqual(
        sources.map((r) => r.source),
        ['imported', 'imported', 'imported'],
      );

      const again = await importCsv(good.join('\n'), false);
      assert.deepEqual(again.data!.importTrainingCompletions, { dryRun: false, rows: 3, toImport: 0, alreadyRecorded: 3, imported: 0, errors: [] });
      assert.equal(await countCompletions(), before + 3, 'importing again adds no duplicates');
    });

    it('reports every kind of bad row with its line', async () => {
      const member = await newMember('Import Fel', 'import.fel@lysekil.example');
      const csv = [
        'member_id,member_name,member_email,module_key,completed_on',
        `${member.id},Någon Annan,,${BASICS},${today}`,
        `,Import Fel,fel@lysekil.example,${BASICS},${today}`,
        `,Import Fel,,${BASICS},${today}`,
        `${member.id},,,okänd-modul,${today}`,
        `${member.id},,,${BASICS},${addDays(today, 1)}`,
        `${member.id},,,${BASICS}`,
        `${tenantOf(B)},,,${BASICS},${today}`,
      ].join('\n');
      const res = await importCsv(csv, true);
      const errors = res.data!.importTrainingCompletions.errors as { line: number; reason: string }[];
      assert.deepEqual(
        errors.map((e) => e.line),
        [2, 3, 4, 5, 6, 7, 8],
      );
      assert.match(errors[0]!.reason, /annan ledamot/);
      assert.match(errors[1]!.reason, /Ingen ledamot/);
      assert.match(errors[2]!.reason, /member_id, eller både/);
      assert.match(errors[3]!.reason, /finns inte/);
      assert.match(errors[4]!.reason, /framtiden/);
      assert.match(errors[5]!.reason, /4 fält/);
      assert.match(errors[6]!.reason, /finns inte i kommunen/);
    });

    it("exports the municipality's completions as CSV that imports again without duplicates", async () => {
      const res = await fetch(`${t.url}/training/completions.csv`, { headers: { authorization: `Bearer ${adminA}` } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
      const text = await res.text();
      const lines = text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines[0], 'member_id;member_name;member_email;module_key;completed_on;valid_until;source');
      assert.equal(lines.length - 1, await countCompletions());
      assert.ok(!text.includes(tenantOf(B)));
      const reimport = await importCsv(text, false);
      assert.equal(reimport.data!.importTrainingCompletions.imported, 0);
      assert.equal(reimport.data!.importTrainingCompletions.alreadyRecorded, lines.length - 1);

      const anonymous = await fetch(`${t.url}/training/completions.csv`);
      assert.equal(anonymous.status, 401);
      const fromCoordinator = await fetch(`${t.url}/training/completions.csv`, { headers: { authorization: `Bearer ${coordinator}` } });
      assert.equal(fromCoordinator.status, 403);
    });
  });

  describe('practice sessions', () => {
    it('completes the module for attendees, once, however often attendance is recorded', async () => {
      const member = await newMember('Övning Deltagare', null);
      const other = await newMember('Övning Annan', null);
      const startsAt = new Date(Date.now() - 3600_000);
      const created = await gql(t.url, adminA, 'mutation($i: CreatePracticeSessionInput!) { createPracticeSession(input: $i) { id } }', {
        i: { moduleKey: 'lead-hybrid-meeting', title: 'Övningssammanträde', startsAt, endsAt: new Date(Date.now() + 3600_000), place: 'Övningsrummet' },
      });
      const sessionId = created.data!.createPracticeSession.id;
      await gql(t.url, adminA, 'mutation($s: ID!, $m: [ID!]!) { inviteToPracticeSession(sessionId: $s, memberIds: $m) { id } }', {
        s: sessionId,
        m: [member.id, other.id],
      });
      await gql(t.url, adminA, 'mutation($s: ID!, $m: [ID!]!) { inviteToPracticeSession(sessionId: $s, memberIds: $m) { id } }', {
        s: sessionId,
        m: [member.id],
      });
      const notInvited = await newMember('Övning Objuden', null);
      const refused = await gql(t.url, adminA, 'mutation($s: ID!, $m: [ID!]!) { recordPracticeAttendance(sessionId: $s, memberIds: $m) { id } }', {
        s: sessionId,
        m: [notInvited.id],
      });
      assert.equal(errorCode(refused), 'BAD_USER_INPUT');

      for (let i = 0; i < 2; i++) {
        const res = await gql(t.url, adminA, 'mutation($s: ID!, $m: [ID!]!) { recordPracticeAttendance(sessionId: $s, memberIds: $m) { id } }', {
          s: sessionId,
          m: [member.id],
        });
        assert.equal(res.errors, undefined);
      }
      const session = await gql(t.url, adminA, 'query($id: ID!) { practiceSession(id: $id) { module { key } invitees { memberId attendedAt } } }', {
        id: sessionId,
      });
      const invitees = session.data!.practiceSession.invitees;
      assert.equal(invitees.length, 2);
      assert.ok(invitees.find((i: { memberId: string }) => i.memberId === member.id).attendedAt);
      assert.equal(invitees.find((i: { memberId: string }) => i.memberId === other.id).attendedAt, null);
      const completions = await gql(
        t.url,
        adminA,
        'query($m: ID!) { trainingCompletions(filter: { memberId: $m }) { items { moduleKey source practiceSessionId completedOn } } }',
        { m: member.id },
      );
      assert.deepEqual(completions.data!.trainingCompletions.items, [
        { moduleKey: 'lead-hybrid-meeting', source: 'PRACTICE_SESSION', practiceSessionId: sessionId, completedOn: localDate(startsAt) },
      ]);

      const remove = await gql(t.url, adminA, 'mutation($id: ID!) { deletePracticeSession(id: $id) }', { id: sessionId });
      assert.equal(errorCode(remove), 'CONFLICT');
      const fromB = await gql(t.url, adminB, 'query($id: ID!) { practiceSession(id: $id) { id } }', { id: sessionId });
      assert.equal(fromB.data!.practiceSession, null);
      const attendFromB = await gql(t.url, adminB, 'mutation($s: ID!, $m: [ID!]!) { recordPracticeAttendance(sessionId: $s, memberIds: $m) { id } }', {
        s: sessionId,
        m: [other.id],
      });
      assert.equal(errorCode(attendFromB), 'NOT_FOUND');
      const inviteFromB = await gql(t.url, adminB, 'mutation($s: ID!, $m: [ID!]!) { inviteToPracticeSession(sessionId: $s, memberIds: $m) { id } }', {
        s: sessionId,
        m: [other.id],
      });
      assert.equal(errorCode(inviteFromB), 'NOT_FOUND');
    });
  });

  describe('coverage', () => {
    it('counts trained, expiring, expired and missing per body, seat role and module', async () => {
      const res = await gql(
        t.url,
        adminA,
        `query($k: [String!]) { trainingCoverage(filter: { moduleKeys: $k }) {
        body { name } seatRole moduleKey trained expiring expired missing } }`,
        { k: [BASICS] },
      );
      const rows = res.data!.trainingCoverage as {
        body: { name: string };
        seatRole: string;
        trained: number;
        expiring: number;
        expired: number;
        missing: number;
      }[];
      assert.ok(rows.some((r) => r.body.name === 'Kommunfullmäktige' && r.seatRole === 'CHAIR'));
      const total = (k: 'trained' | 'expiring' | 'expired' | 'missing') => rows.reduce((n, r) => n + r[k], 0);
      for (const k of ['trained', 'expiring', 'expired', 'missing'] as const) assert.ok(total(k) > 0, `some ${k}`);
      const members = await gql(
        t.url,
        adminA,
        'query($k: [String!]) { trainingCoverageMembers(filter: { moduleKeys: $k }, status: EXPIRING) { status validUntil member { name } } }',
        { k: [BASICS] },
      );
      const expiring = members.data!.trainingCoverageMembers as { validUntil: string }[];
      assert.equal(expiring.length, total('expiring'));
      assert.ok(expiring.every((m) => m.validUntil >= today && m.validUntil < addDays(today, 30)));
    });

    it("gives a coordinator counts per municipality and no member's name or id", async () => {
      const res = await gql(
        t.url,
        coordinator,
        '{ regionalTrainingCoverage { municipalityId municipalityName moduleKey seatRole trained expiring expired missing } }',
      );
      assert.equal(res.errors, undefined);
      const rows = res.data!.regionalTrainingCoverage as {
        municipalityId: string;
        municipalityName: string;
        moduleKey: string;
        seatRole: string;
        trained: number | null;
        expiring: number | null;
        expired: number | null;
        missing: number | null;
      }[];
      assert.equal(new Set(rows.map((r) => r.municipalityId)).size, 14);
      assert.deepEqual(Object.keys(rows[0]!).sort(), [
        'expired',
        'expiring',
        'missing',
        'moduleKey',
        'municipalityId',
        'municipalityName',
        'seatRole',
        'trained',
      ]);

      // The counts agree with what the municipality itself sees (distinct members per role).
      const own = await gql(t.url, adminA, 'query($k: [String!]) { trainingCoverageMembers(filter: { moduleKeys: $k }) { memberId seatRole status } }', {
        k: [BASICS],
      });
      const distinct = new Set(
        (own.data!.trainingCoverageMembers as { memberId: string; seatRole: string; status: string }[])
          .filter((m) => m.seatRole === 'MEMBER')
          .map((m) => `${m.memberId}|${m.status}`),
      );
      const expected = { trained: 0, expiring: 0, expired: 0, missing: 0 } as Record<string, number>;
      for (const key of distinct) expected[key.split('|')[1]!.toLowerCase()]! += 1;
      const regionalRow = rows.find((r) => r.municipalityId === tenantOf(A) && r.moduleKey === BASICS && r.seatRole === 'MEMBER')!;
      // Counts above zero and below the region's threshold (3) are suppressed for the region.
      const suppressed = Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v > 0 && v < 3 ? null : v]));
      assert.deepEqual(
        { trained: regionalRow.trained, expiring: regionalRow.expiring, expired: regionalRow.expired, missing: regionalRow.missing },
        suppressed,
      );
      for (const r of rows)
        for (const k of ['trained', 'expiring', 'expired', 'missing'] as const) assert.ok(r[k] === null || r[k] === 0 || r[k]! >= 3, 'no small count');
      assert.ok(
        rows.some((r) => r.seatRole === 'CHAIR' && r.trained === null && r.missing === null),
        'a single chair is never shown as a count',
      );

      const body = JSON.stringify(res.data);
      const people = await sql(t.ownerUrl, 'select id, name, email from member');
      assert.ok(people.length > 500);
      for (const p of people) {
        assert.ok(!body.includes(p.id), 'no member id');
        assert.ok(!body.includes(`"${p.name}"`), 'no member name');
        if (p.email) assert.ok(!body.includes(p.email), 'no e-mail address');
      }

      const asMunicipality = await gql(t.url, adminA, '{ regionalTrainingCoverage { trained } }');
      assert.equal(errorCode(asMunicipality), 'FORBIDDEN');
      const rawForCoordinator = await gql(t.url, coordinator, '{ trainingCoverageMembers { memberId } }');
      assert.equal(errorCode(rawForCoordinator), 'FORBIDDEN');
      const completionsForCoordinator = await gql(t.url, coordinator, '{ trainingCompletions { total } }');
      assert.equal(errorCode(completionsForCoordinator), 'FORBIDDEN');
    });

    it('enforces it in Postgres: the region-wide API role reads no rows, only the counting function, which names nobody', async () => {
      const region = (await sql(t.ownerUrl, `select id from region where slug = 'fyrbodal'`))[0]!.id;
      const tables = ['member', 'body_membership', 'training_completion', 'training_module', 'practice_session', 'training_reminder'];
      // The rows are there (the owner bypasses row-level security), so "nothing" below means hidden, not empty.
      // No reminder has been sent yet at this point: one is planted for the check and removed after it.
      const [member] = await sql(t.ownerUrl, 'select id from member where tenant_id = $1 limit 1', [tenantOf(A)]);
      const [planted] = await sql(
        t.ownerUrl,
        `insert into training_reminder (tenant_id, id, member_id, module_key, valid_until, channel)
        values ($1, gen_random_uuid(), $2, 'region-check', current_date, 'email') returning id`,
        [tenantOf(A), member!.id],
      );
      for (const table of tables) {
        const [{ n }] = await sql<{ n: number }>(t.ownerUrl, `select count(*)::int as n from ${table}`);
        assert.ok(n > 0, `${table} has rows to hide`);
      }
      const client = new pg.Client({ connectionString: t.appDatabaseUrl });
      await client.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('app.tenant_id', '', true), set_config('app.region_id', $1, true)`, [region]);
        for (const table of tables) {
          const { rows } = await client.query(`select count(*)::int as n from ${table}`);
          assert.equal(rows[0].n, 0, `${table} shows nothing region-wide`);
        }
        const { rows: seat } = await client.query(`select count(*)::int as n from training_seat_status(current_date)`);
        assert.equal(seat[0].n, 0, 'per-member statuses stay under row-level security');
        const { rows, fields } = await client.query(`select * from regional_training_coverage(current_date)`);
        assert.ok(rows.length > 0);
        assert.deepEqual(
          fields.map((f) => f.name),
          ['municipality_id', 'module_key', 'seat_role', 'trained', 'expiring', 'expired', 'missing'],
        );
        await client.query('rollback');

        // A municipality's own transaction gets no regional figures from it.
        await client.query('begin');
        await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantOf(A)]);
        const { rows: none } = await client.query(`select * from regional_training_coverage(current_date)`);
        assert.equal(none.length, 0);
        await client.query('rollback');
      } finally {
        await client.end();
        await sql(t.ownerUrl, 'delete from training_reminder where id = $1', [planted!.id]);
      }
    });
  });

  describe('reminders', () => {
    it('e-mails members with an address once, and lists the others for the secretary, however often the job runs', async () => {
      const processor = t.app.get(TrainingRemindersProcessor);
      const job = { name: REMIND_MUNICIPALITY, data: { tenantId: tenantOf(B), today } } as Job;
      const due = await sql(
        t.ownerUrl,
        `select m.email from (select member_id, module_key, max(coalesce(valid_until, 'infinity')) as until from training_completion
            where tenant_id = $1 group by 1, 2) b join member m on m.tenant_id = $1 and m.id = b.member_id
          where b.until >= $2::date and b.until < $2::date + 30`,
        [tenantOf(B), today],
      );
      const withMail = due
        .filter((d) => d.email)
        .map((d) => d.email as string)
        .sort();
      assert.ok(withMail.length > 0 && withMail.length < due.length, 'the demo has expiring members with and without e-mail');

      const sentBefore = sink.received.length;
      const first = (await processor.process(job)) as { emailed: number; listed: number };
      assert.deepEqual(first, { emailed: withMail.length, listed: due.length - withMail.length });
      const second = (await processor.process(job)) as { emailed: number; listed: number };
      assert.deepEqual(second, { emailed: 0, listed: 0 });
      await t.app.get(OutboxService).settle();
      // Even were the reminder records lost, the same (member, module, expiry) writes no second message.
      await sql(t.ownerUrl, `delete from training_reminder where tenant_id = $1 and channel = 'email'`, [tenantOf(B)]);
      assert.deepEqual(await processor.process(job), { emailed: withMail.length, listed: 0 });
      await t.app.get(OutboxService).settle();
      const mails = sink.received.slice(sentBefore);
      assert.deepEqual(mails.flatMap((m) => m.to).sort(), withMail);
      assert.match(mails[0]!.raw, /Subject: =\?UTF-8\?|Subject: Din utbildning/);

      const list = await gql(
        t.url,
        adminB,
        '{ trainingReminders(filter: { channel: SECRETARY_LIST }, perPage: 100) { total items { moduleKey validUntil sentAt member { name email } } } }',
      );
      assert.equal(list.data!.trainingReminders.total, due.length - withMail.length);
      assert.ok(
        list.data!.trainingReminders.items.every(
          (r: { sentAt: string | null; member: { email: string | null } }) => r.sentAt === null && r.member.email === null,
        ),
      );
      const fromA = await gql(t.url, adminA, '{ trainingReminders(filter: { channel: SECRETARY_LIST }) { total } }');
      assert.equal(fromA.data!.trainingReminders.total, 0, "another municipality's list stays its own");
    });

    it('schedules a daily sweep and queues one job per municipality and day', async () => {
      const processor = t.app.get(TrainingRemindersProcessor);
      const queue = (processor as unknown as { queue: import('bullmq').Queue }).queue;
      let schedulers = await queue.getJobSchedulers();
      // Scheduled in the background at start-up.
      for (let i = 0; i < 50 && !schedulers.length; i++) schedulers = await new Promise((r) => setTimeout(r, 100)).then(() => queue.getJobSchedulers());
      assert.deepEqual(
        schedulers.map((s) => [s.key, s.pattern, s.tz]),
        [['training-reminders-daily', '0 7 * * *', 'Europe/Stockholm']],
      );
      // Every municipality of both demo regions (Fyrbodal 14, Västernorrland 7).
      assert.equal(await processor.sweep(), 21);
      assert.equal(await processor.sweep(), 21);
      const waiting = await queue.getJobs(['waiting', 'prioritized', 'delayed']);
      assert.equal(waiting.filter((j) => j.name === REMIND_MUNICIPALITY).length, 21);
    });
  });

  describe('tenant isolation of the training tables', () => {
    it("keeps completions, sessions and reminders of one municipality out of another's reach", async () => {
      const bMember = (await sql(t.ownerUrl, 'select id from member where tenant_id = $1 limit 1', [tenantOf(B)]))[0]!.id;
      const record = await gql(t.url, adminA, 'mutation($i: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $i) { id } }', {
        i: { memberId: bMember, moduleKey: BASICS, completedOn: today },
      });
      assert.equal(errorCode(record), 'BAD_USER_INPUT');
      const bCompletion = (await sql(t.ownerUrl, 'select id from training_completion where tenant_id = $1 limit 1', [tenantOf(B)]))[0]!.id;
      const read = await gql(t.url, adminA, 'query($id: ID!) { trainingCompletion(id: $id) { id } }', { id: bCompletion });
      assert.equal(read.data!.trainingCompletion, null);
      const list = await gql(t.url, adminA, 'query($ids: [ID!]) { trainingCompletions(filter: { ids: $ids }) { total } }', { ids: [bCompletion] });
      assert.equal(list.data!.trainingCompletions.total, 0);
      const bSession = (await sql(t.ownerUrl, 'select id from practice_session where tenant_id = $1', [tenantOf(B)]))[0]!.id;
      const update = await gql(t.url, adminA, 'mutation($id: ID!) { updatePracticeSession(id: $id, input: { title: "Kapad" }) { id } }', { id: bSession });
      assert.equal(errorCode(update), 'NOT_FOUND');
      const coverage = await gql(t.url, adminA, '{ trainingCoverageMembers { memberId } }');
      const bIds = new Set((await sql(t.ownerUrl, 'select id from member where tenant_id = $1', [tenantOf(B)])).map((r) => r.id));
      assert.ok(coverage.data!.trainingCoverageMembers.length > 0);
      assert.ok(coverage.data!.trainingCoverageMembers.every((r: { memberId: string }) => !bIds.has(r.memberId)));
    });

    it('binds every statement on the new tables to the tenant in Postgres, and keeps completions append-only', async () => {
      const bMember = (await sql(t.ownerUrl, 'select id from member where tenant_id = $1 limit 1', [tenantOf(B)]))[0]!.id;
      for (const table of ['training_module', 'practice_session', 'practice_session_invitee', 'training_completion', 'training_reminder']) {
        const [own] = await sql(
          t.appDatabaseUrl,
          `select count(*)::int as n, count(*) filter (where tenant_id <> $1)::int as foreign from ${table}`,
          [tenantOf(A)],
          tenantOf(A),
        );
        // B has rows here (B owns no modules of its own in this fixture), so seeing none of them is the
        // policy at work, not an empty table; and A sees every one of its own.
        const [all] = await sql(
          t.ownerUrl,
          `select count(*) filter (where tenant_id = $1)::int as a, count(*) filter (where tenant_id = $2)::int as b from ${table}`,
          [tenantOf(A), tenantOf(B)],
        );
        assert.ok(all!.b > 0 || (table === 'training_module' && all!.a > 0), `${table} has rows to hide: ${JSON.stringify(all)}`);
        assert.equal(own!.n, all!.a, `${table}: all of A's rows`);
        assert.equal(own!.foreign, 0, `${table}: only A's rows`);
      }
      await assert.rejects(
        sql(
          t.appDatabaseUrl,
          `insert into training_completion (tenant_id, id, member_id, module_key, completed_on, source, recorded_by)
          values ($1, gen_random_uuid(), $2, $3, current_date, 'recorded', 'x')`,
          [tenantOf(B), bMember, BASICS],
          tenantOf(A),
        ),
        /row-level security/,
      );
      await assert.rejects(sql(t.appDatabaseUrl, 'update training_completion set completed_on = completed_on', [], tenantOf(A)), /permission denied/);
      await assert.rejects(sql(t.appDatabaseUrl, 'delete from training_completion', [], tenantOf(A)), /permission denied/);
      await assert.rejects(
        sql(
          t.appDatabaseUrl,
          `insert into regional_training_module (id, key, title, audience, kind) values (gen_random_uuid(), 'smuggel', 'Smuggel', '{member}', 'instruction')`,
          [],
          tenantOf(A),
        ),
        /row-level security/,
      );
    });
  });
});
