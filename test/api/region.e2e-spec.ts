import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { addDays, localDate } from '@motesplats/rules';
import { ExperienceRemindersProcessor } from '@motesplats/api/experience/experience-reminders.processor.js';
import { EXPERIENCE_QUEUE, REMIND_REPORT } from '@motesplats/api/experience/experience-reports.service.js';
import { MeetingRollupsProcessor } from '@motesplats/api/comparison/meeting-rollups.processor.js';
import { COMPARISON_ROLLUPS_QUEUE, REFRESH_ROLLUP } from '@motesplats/api/comparison/meeting-rollups.service.js';
import { SurveyRemindersProcessor } from '@motesplats/api/surveys/survey-reminders.processor.js';
import { REMIND_SURVEY, SURVEY_QUEUE, type RemindSurveyData } from '@motesplats/api/surveys/surveys.service.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { DEMO_MUNICIPALITIES, VASTERNORRLAND_MUNICIPALITIES } from '@motesplats/api/seed/demo-region.js';
import { OutboxService } from '@motesplats/api/outbox/outbox.service.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { sql } from '../support/sql.js';
import { errorCode, gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

const A = 'lysekil';
const B = 'orust';
const FYRBODAL = demoId('region:fyrbodal');
const VASTERNORRLAND = demoId('region:vasternorrland');

/** A transaction as the API's own database role, bound the way TenantDb binds it. */
async function asAppRole<T>(url: string, bind: { tenantId?: string; regionId?: string }, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.region_id', $2, true)`, [bind.tenantId ?? '', bind.regionId ?? '']);
    const result = await fn(client);
    await client.query('rollback');
    return result;
  } finally {
    await client.end();
  }
}

describe('region: experience reports, sharing, surveys, regions', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let secretaryA: string;
  let adminA: string;
  let coordinator: string;
  let coordinatorVN: string;
  const today = localDate(new Date());

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
    secretaryA = t.realm.token(A, ['secretary']);
    adminA = t.realm.token(A, ['tenant-admin']);
    coordinator = t.realm.token('fyrbodal', ['coordinator']);
    coordinatorVN = t.realm.token('vasternorrland', ['coordinator']);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  describe('experience reports', () => {
    const meetingId = demoId(`${A}:meeting:kf-next`);
    let reportId: string;

    it('asks the secretary for a report when a meeting with remote participants ends, prefilled from attendance, due in 7 days, with a reminder job queued', async () => {
      for (const status of ['IN_PROGRESS', 'ENDED']) {
        const res = await gql(t.url, secretaryA, 'mutation($id: ID!, $s: MeetingStatus!) { changeMeetingStatus(id: $id, status: $s) { status } }', {
          id: meetingId,
          s: status,
        });
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      }
      const res = await gql(
        t.url,
        secretaryA,
        '{ experienceReports(status: REQUESTED) { id meetingId status dueOn onSiteCount remoteCount platformKey incidents { id } } }',
      );
      const report = res.data!.experienceReports.find((r: { meetingId: string }) => r.meetingId === meetingId);
      assert.ok(report, 'a report is requested');
      const [counts] = await sql<{ on_site: number; remote: number }>(
        t.ownerUrl,
        `select count(*) filter (where mode = 'on_site')::int as on_site, count(*) filter (where mode = 'remote')::int as remote from attendance where tenant_id = $1 and meeting_id = $2`,
        [tenantOf(A), meetingId],
      );
      assert.ok(counts!.remote > 0);
      assert.deepEqual({ on: report.onSiteCount, remote: report.remoteCount }, { on: counts!.on_site, remote: counts!.remote });
      assert.equal(report.dueOn, addDays(today, 7));
      assert.equal(report.platformKey, 'jitsi_meet');
      reportId = report.id;

      const queue = t.app.get<Queue>(getQueueToken(EXPERIENCE_QUEUE), { strict: false });
      const job = await queue.getJob(`${REMIND_REPORT}__${tenantOf(A)}__${reportId}`);
      assert.ok(job, 'the reminder job is queued under its deterministic id');
      assert.ok(job.delay > 4 * 86_400_000, 'and waits until shortly before the report is due');

      // A meeting without anyone remote asks for nothing.
      const bun = demoId(`${A}:meeting:bun-next`);
      await sql(t.ownerUrl, `update meeting set status = 'in_progress' where tenant_id = $1 and id = $2`, [tenantOf(A), bun]);
      const ended = await gql(t.url, secretaryA, 'mutation($id: ID!) { changeMeetingStatus(id: $id, status: ENDED) { status } }', { id: bun });
      assert.equal(ended.errors, undefined);
      const none = await sql(t.ownerUrl, 'select 1 from experience_report where tenant_id = $1 and meeting_id = $2', [tenantOf(A), bun]);
      assert.equal(none.length, 0);
    });

    it('reminds once, to the office, only while the report is outstanding', async () => {
      const processor = t.app.get(ExperienceRemindersProcessor);
      const job = { name: REMIND_REPORT, data: { tenantId: tenantOf(A), reportId } } as Job;
      const before = sink.received.length;
      assert.deepEqual(await processor.process(job), { reminded: true, emailed: true });
      assert.deepEqual(await processor.process(job), { reminded: false, emailed: false }, 'a retry sends nothing twice');
      await t.app.get(OutboxService).settle();
      const mails = sink.received.slice(before);
      assert.deepEqual(
        mails.map((m) => m.to),
        [[`kansliet@${A}.example`]],
      );
    });

    it('takes the report with incidents; a municipal reader cannot submit, another municipality cannot see it', async () => {
      const input = {
        platformKey: 'jitsi_meet',
        onSiteCount: 30,
        remoteCount: 5,
        supportSufficient: false,
        whatWorked: 'Testsamtal dagen innan',
        lessons: 'Reserv för omröstning',
        rating: 3,
        incidents: [
          { category: 'AUDIO', minutesLost: 6, affectedCount: 2, resolution: 'Headset byttes' },
          { category: 'VOTING', minutesLost: 10, affectedCount: 5, resolution: 'Namnupprop' },
        ],
      };
      const bad = await gql(t.url, secretaryA, 'mutation($id: ID!, $i: SubmitExperienceReportInput!) { submitExperienceReport(id: $id, input: $i) { id } }', {
        id: reportId,
        i: { ...input, rating: 6 },
      });
      assert.equal(errorCode(bad), 'BAD_USER_INPUT');
      const res = await gql(
        t.url,
        secretaryA,
        'mutation($id: ID!, $i: SubmitExperienceReportInput!) { submitExperienceReport(id: $id, input: $i) { status rating incidents { category minutesLost affectedCount } } }',
        { id: reportId, i: input },
      );
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.equal(res.data!.submitExperienceReport.status, 'SUBMITTED');
      assert.equal(res.data!.submitExperienceReport.incidents.length, 2);
      const support = t.realm.token(A, ['support']);
      assert.equal(
        errorCode(
          await gql(t.url, support, 'mutation($id: ID!, $i: SubmitExperienceReportInput!) { submitExperienceReport(id: $id, input: $i) { id } }', {
            id: reportId,
            i: input,
          }),
        ),
        'FORBIDDEN',
      );
      const fromB = await gql(t.url, t.realm.token(B, ['secretary']), 'query($id: ID!) { experienceReport(id: $id) { id } }', { id: reportId });
      assert.equal(fromB.data!.experienceReport, null);
      const remindAgain = await t.app.get(ExperienceRemindersProcessor).process({ name: REMIND_REPORT, data: { tenantId: tenantOf(A), reportId } } as Job);
      assert.deepEqual(remindAgain, { reminded: false, emailed: false });
    });

    it('keeps the comparison rollups current through a job queued after the change commits', async () => {
      const queue = t.app.get<Queue>(getQueueToken(COMPARISON_ROLLUPS_QUEUE), { strict: false });
      const jobs = (await queue.getJobs(['delayed', 'waiting'])).filter((j) => j.name === REFRESH_ROLLUP && j.data.tenantId === tenantOf(A));
      assert.ok(jobs.length >= 1, 'a rebuild of the quarter is queued');
      const processor = t.app.get(MeetingRollupsProcessor);
      for (const job of jobs) await processor.process(job);
      const [rollup] = await sql<{ meetings_held: number; reports: number; incidents: number; minutes_lost: number }>(
        t.ownerUrl,
        `select meetings_held, reports, incidents, minutes_lost from meeting_rollup r join meeting m on m.tenant_id = r.tenant_id and m.id = $2
          where r.tenant_id = $1 and r.quarter = meeting_quarter(m.starts_at) and r.body_kind = 'council'`,
        [tenantOf(A), meetingId],
      );
      const [held] = await sql<{ n: number }>(
        t.ownerUrl,
        `select count(*)::int as n from meeting x join body b on b.tenant_id = x.tenant_id and b.id = x.body_id, meeting m
          where x.tenant_id = $1 and m.tenant_id = $1 and m.id = $2 and b.kind = 'council' and x.status = 'ended' and meeting_quarter(x.starts_at) = meeting_quarter(m.starts_at)`,
        [tenantOf(A), meetingId],
      );
      assert.deepEqual(rollup, { meetings_held: held!.n, reports: 1, incidents: 2, minutes_lost: 16 });
    });

    it('shows the coordinator the report anonymised, small counts as "< 3"; withdrawing sharing removes it at once, in the API and for the database role', async () => {
      const query =
        '{ regionalExperienceReports(from: "2000-01-01", to: "2100-01-01") { id municipalityName bodyKind platformKey rating onSiteCount { value display } remoteCount { value suppressed display } incidents { category minutesLost affectedCount { value suppressed display } } } }';
      const res = await gql(t.url, coordinator, query);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const mine = res.data!.regionalExperienceReports.find((r: { id: string }) => r.id === reportId);
      assert.ok(mine);
      assert.equal(mine.municipalityName, 'Lysekil');
      assert.equal(mine.bodyKind, 'council');
      assert.deepEqual(mine.onSiteCount, { value: 30, display: '30' });
      assert.deepEqual(mine.remoteCount, { value: 5, suppressed: false, display: '5' });
      const audio = mine.incidents.find((i: { category: string }) => i.category === 'AUDIO');
      assert.deepEqual(audio.affectedCount, { value: null, suppressed: true, display: '< 3' });
      assert.ok(!JSON.stringify(res.data).includes(demoId(`${A}:meeting:kf-next`)), 'no meeting id');
      assert.equal(errorCode(await gql(t.url, secretaryA, query)), 'FORBIDDEN');

      const viaDb = () =>
        asAppRole(t.appDatabaseUrl, { regionId: FYRBODAL }, async (c) =>
          (await c.query('select report_id from regional_experience_reports($1, $2)', ['2000-01-01', '2100-01-01'])).rows.map((r) => r.report_id),
        );
      assert.ok((await viaDb()).includes(reportId));
      // A municipality's own session gets nothing from the regional function.
      const asTenant = await asAppRole(
        t.appDatabaseUrl,
        { tenantId: tenantOf(A), regionId: FYRBODAL },
        async (c) => (await c.query(`select count(*)::int as n from regional_experience_reports('2000-01-01', '2100-01-01')`)).rows[0].n,
      );
      assert.equal(asTenant, 0);

      const coordinatorCannot = await gql(t.url, coordinator, 'mutation { updateRegionSharing(input: { sharesReports: true }) { sharesReports } }');
      assert.equal(errorCode(coordinatorCannot), 'FORBIDDEN');
      const withdraw = await gql(
        t.url,
        adminA,
        'mutation { updateRegionSharing(input: { sharesReports: false }) { sharesReports sharesRules sharesAggregates } }',
      );
      assert.deepEqual(withdraw.data!.updateRegionSharing, { sharesReports: false, sharesRules: true, sharesAggregates: true });
      const after = await gql(t.url, coordinator, query);
      assert.ok(!after.data!.regionalExperienceReports.some((r: { municipalityName: string }) => r.municipalityName === 'Lysekil'));
      assert.ok(!(await viaDb()).includes(reportId), 'the database role with the region bound no longer sees it');
      const sharing = await gql(t.url, coordinator, '{ regionalSharing { municipalityName sharesReports } }');
      assert.equal(sharing.data!.regionalSharing.length, 14);
      assert.equal(sharing.data!.regionalSharing.find((s: { municipalityName: string }) => s.municipalityName === 'Lysekil').sharesReports, false);
      // A municipality cannot write another's sharing row, even directly.
      await assert.rejects(
        asAppRole(t.appDatabaseUrl, { tenantId: tenantOf(B), regionId: FYRBODAL }, (c) =>
          c.query(
            `insert into municipality_region_settings (tenant_id, shares_reports) values ($1, true) on conflict (tenant_id) do update set shares_reports = true`,
            [tenantOf(A)],
          ),
        ),
      );
      await gql(t.url, adminA, 'mutation { updateRegionSharing(input: { sharesReports: true }) { sharesReports } }');
      assert.ok((await viaDb()).includes(reportId), 'sharing again brings it back');
    });
  });

  describe('regions', () => {
    it('keeps each coordinator to their own region, in the API and in the database', async () => {
      const own = await gql(t.url, coordinator, '{ municipalities(perPage: 100) { total items { name code } } }');
      assert.equal(own.data!.municipalities.total, 14);
      const vn = await gql(t.url, coordinatorVN, '{ municipalities(perPage: 100) { total items { name code } } }');
      assert.deepEqual(
        vn.data!.municipalities.items.map((m: { name: string; code: string }) => `${m.name} ${m.code}`).sort(),
        VASTERNORRLAND_MUNICIPALITIES.map((m) => `${m.name} ${m.code}`).sort(),
      );
      assert.ok(vn.data!.municipalities.items.some((m: { name: string; code: string }) => m.name === 'Timrå' && m.code === '2262'));
      assert.ok(own.data!.municipalities.items.some((m: { name: string; code: string }) => m.name === 'Uddevalla' && m.code === '1485'));

      for (const [region, expected] of [
        [FYRBODAL, DEMO_MUNICIPALITIES.length],
        [VASTERNORRLAND, VASTERNORRLAND_MUNICIPALITIES.length],
      ] as const) {
        const n = await asAppRole(t.appDatabaseUrl, { regionId: region }, async (c) => ({
          municipalities: (await c.query('select count(*)::int as n from municipality')).rows[0].n,
          regions: (await c.query('select count(*)::int as n from region')).rows[0].n,
          rules: (await c.query('select count(*)::int as n from regional_rule_sets(current_date)')).rows[0].n,
          other: (
            await c.query(
              'select count(*)::int as n from regional_comparison($1, current_date, null, false) where municipality_id <> all(select id from municipality)',
              ['2000-01-01'],
            )
          ).rows[0].n,
        }));
        assert.deepEqual(n, { municipalities: expected, regions: 1, rules: expected, other: 0 });
      }
      // A municipality sees its own region's registry only.
      const timra = await asAppRole(
        t.appDatabaseUrl,
        { tenantId: tenantOf('timra'), regionId: VASTERNORRLAND },
        async (c) => (await c.query('select count(*)::int as n from municipality')).rows[0].n,
      );
      assert.equal(timra, 7);

      const rulesVN = await gql(
        t.url,
        coordinatorVN,
        '{ regionalComparison(from: "2020-01-01", to: "2030-01-01") { rows { municipalityName } rules { municipalityName } } }',
      );
      assert.equal(rulesVN.errors, undefined, JSON.stringify(rulesVN.errors));
      const names = new Set(
        [...rulesVN.data!.regionalComparison.rows, ...rulesVN.data!.regionalComparison.rules].map((r: { municipalityName: string }) => r.municipalityName),
      );
      assert.deepEqual([...names].sort(), VASTERNORRLAND_MUNICIPALITIES.map((m) => m.name).sort());
      // Örnsköldsvik's rules name Zoom (about 2,000 SEK per user and year) for council and board:
      // the estimate is the people on those bodies times the price.
      const licence = await gql(
        t.url,
        coordinatorVN,
        '{ regionalComparison(from: "2020-01-01", to: "2030-01-01") { rows { municipalityName licenceCostSekPerYear licencePlatforms } } }',
      );
      const ovik = licence.data!.regionalComparison.rows.find((r: { municipalityName: string }) => r.municipalityName === 'Örnsköldsvik');
      const people = await sql<{ n: number }>(
        t.ownerUrl,
        `select count(distinct bm.member_id)::int as n from body_membership bm join body b on b.tenant_id = bm.tenant_id and b.id = bm.body_id
          where bm.tenant_id = $1 and b.kind in ('council', 'executive_board') group by b.kind`,
        [tenantOf('ornskoldsvik')],
      );
      assert.deepEqual(ovik.licencePlatforms, ['zoom']);
      assert.equal(ovik.licenceCostSekPerYear, people.reduce((sum, p) => sum + p.n, 0) * 2000);
      assert.ok(
        licence.data!.regionalComparison.rows.filter((r: { licencePlatforms: string[] }) => r.licencePlatforms.length).length === 1,
        'only where rules name a priced platform',
      );
      const reportsVN = await gql(t.url, coordinatorVN, '{ regionalExperienceReports(from: "2000-01-01", to: "2100-01-01") { municipalityName } }');
      assert.ok(!reportsVN.data!.regionalExperienceReports.some((r: { municipalityName: string }) => r.municipalityName === 'Lysekil'));
    });
  });

  describe('surveys', () => {
    const eight = DEMO_MUNICIPALITIES.slice(0, 8);
    let surveyId: string;
    let q1: string;
    let q2: string;
    let q3: string;

    it('asks 8 municipalities; with 7 answers the status names exactly the missing one', async () => {
      const input = {
        title: 'Partigruppernas digitala möten',
        intro: 'Stöder ni partigruppernas digitala möten?',
        deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        recipientIds: eight.map((m) => tenantOf(m.slug)),
        questions: [
          { text: 'Stöder ni partigruppernas digitala möten?', kind: 'CHOICE' },
          { text: 'Hur många partigrupper?', kind: 'NUMBER' },
          { text: 'Kommentar', kind: 'TEXT' },
        ],
      };
      const outside = await gql(t.url, coordinator, 'mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }', {
        i: { ...input, recipientIds: [tenantOf('timra')] },
      });
      assert.equal(errorCode(outside), 'BAD_USER_INPUT', 'another region is not askable');
      const created = await gql(
        t.url,
        coordinator,
        'mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id askedBy recipientCount questions { id kind } } }',
        { i: input },
      );
      assert.equal(created.errors, undefined, JSON.stringify(created.errors));
      surveyId = created.data!.createSurvey.id;
      [q1, q2, q3] = created.data!.createSurvey.questions.map((q: { id: string }) => q.id);
      assert.equal(created.data!.createSurvey.askedBy, 'Fyrbodals kommunalförbund');

      for (const [i, m] of eight.slice(0, 7).entries()) {
        const token = t.realm.token(m.slug, ['secretary']);
        const res = await gql(
          t.url,
          token,
          'mutation($id: ID!, $i: AnswerSurveyInput!) { answerSurvey(id: $id, input: $i) { myRole answeredCount responses { municipalityName } } }',
          {
            id: surveyId,
            i: {
              answers: [
                { questionId: q1, choice: i === 0 ? 'YES' : i === 1 ? 'PARTLY' : 'NO' },
                { questionId: q2, number: i },
                { questionId: q3, text: i === 2 ? '=HYPERLINK("http://x")' : 'ok' },
              ],
            },
          },
        );
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
        assert.equal(res.data!.answerSurvey.myRole, 'RECIPIENT');
        assert.deepEqual(
          res.data!.answerSurvey.responses.map((r: { municipalityName: string }) => r.municipalityName),
          [m.name],
          'a recipient sees only itself',
        );
      }
      const status = await gql(t.url, coordinator, 'query($id: ID!) { survey(id: $id) { recipientCount answeredCount notAnswered } }', { id: surveyId });
      assert.deepEqual(status.data!.survey, { recipientCount: 8, answeredCount: 7, notAnswered: [eight[7]!.name] });

      // Answers are editable until the deadline.
      const first = t.realm.token(eight[0]!.slug, ['secretary']);
      const edit = await gql(t.url, first, 'mutation($id: ID!, $i: AnswerSurveyInput!) { answerSurvey(id: $id, input: $i) { answeredCount } }', {
        id: surveyId,
        i: { answers: [{ questionId: q1, choice: 'NO' }] },
      });
      assert.equal(edit.errors, undefined);
      const notAsked = await gql(t.url, t.realm.token(DEMO_MUNICIPALITIES[10]!.slug, ['secretary']), 'query($id: ID!) { survey(id: $id) { id } }', {
        id: surveyId,
      });
      assert.equal(notAsked.data!.survey, null);
    });

    it('reminds only the municipality that has not answered, once a day', async () => {
      const missing = eight[7]!;
      await sql(
        t.ownerUrl,
        `insert into municipality_region_settings (tenant_id, contact_email) values ($1, $2) on conflict (tenant_id) do update set contact_email = excluded.contact_email`,
        [tenantOf(eight[0]!.slug), 'answered@example.org'],
      );
      const res = await gql(t.url, coordinator, 'mutation($id: ID!) { remindSurvey(id: $id) }', { id: surveyId });
      assert.equal(res.data!.remindSurvey, 1);
      const queue = t.app.get<Queue>(getQueueToken(SURVEY_QUEUE), { strict: false });
      const job = await queue.getJob(`${REMIND_SURVEY}__${surveyId}__${today}`);
      assert.ok(job, 'queued under its deterministic id');
      const before = sink.received.length;
      const processor = t.app.get(SurveyRemindersProcessor);
      assert.deepEqual(await processor.process(job as Job<RemindSurveyData>), { reminded: [tenantOf(missing.slug)] });
      assert.deepEqual(await processor.process(job as Job<RemindSurveyData>), { reminded: [] }, 'the same day again sends nothing');
      // A retry after an attempt that stopped between writing the message and recording it: the
      // reminder is finished, but the message, already in the outbox under the same key, is not written twice.
      await sql(t.ownerUrl, `update survey_reminder set channel = 'listed', sent_at = null where survey_id = $1`, [surveyId]);
      assert.deepEqual(await processor.process(job as Job<RemindSurveyData>), { reminded: [] });
      await t.app.get(OutboxService).settle();
      assert.deepEqual(
        sink.received.slice(before).map((m) => m.to),
        [[`kansliet@${missing.slug}.example`]],
      );
      const rows = await sql(t.ownerUrl, 'select municipality_id, channel from survey_reminder where survey_id = $1', [surveyId]);
      assert.deepEqual(rows, [{ municipality_id: tenantOf(missing.slug), channel: 'email' }]);
      const byRecipient = await gql(t.url, t.realm.token(eight[0]!.slug, ['secretary']), 'mutation($id: ID!) { remindSurvey(id: $id) }', { id: surveyId });
      assert.equal(errorCode(byRecipient), 'NOT_FOUND');
    });

    it('gives the results as CSV with formula cells neutralised', async () => {
      const res = await fetch(`${t.url}/surveys/${surveyId}/results.csv`, { headers: { authorization: `Bearer ${coordinator}` } });
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.ok(text.includes(`"'=HYPERLINK(""http://x"")"`), text);
      assert.ok(text.includes('ej besvarad'));
      assert.equal(text.trim().split('\r\n').length, 9);
    });

    it('refuses answers after the deadline, in the API and in the database', async () => {
      await sql(t.ownerUrl, `update survey set deadline = now() - interval '1 minute' where id = $1`, [surveyId]);
      const late = await gql(
        t.url,
        t.realm.token(eight[7]!.slug, ['secretary']),
        'mutation($id: ID!, $i: AnswerSurveyInput!) { answerSurvey(id: $id, input: $i) { id } }',
        {
          id: surveyId,
          i: { answers: [{ questionId: q1, choice: 'YES' }] },
        },
      );
      assert.equal(errorCode(late), 'CONFLICT');
      await assert.rejects(
        asAppRole(t.appDatabaseUrl, { tenantId: tenantOf(eight[7]!.slug), regionId: FYRBODAL }, (c) =>
          c.query(`insert into survey_answer (region_id, survey_id, municipality_id, question_id, choice) values ($1, $2, $3, $4, 'yes')`, [
            FYRBODAL,
            surveyId,
            tenantOf(eight[7]!.slug),
            q1,
          ]),
        ),
        /row-level security/,
      );
    });

    it("keeps surveys inside their region: Timrå's question to its neighbours is Västernorrland's, not Fyrbodal's", async () => {
      const vn = await gql(
        t.url,
        coordinatorVN,
        '{ surveys { title askedBy recipientCount answeredCount notAnswered responses { municipalityName answers { choice } } } }',
      );
      assert.equal(vn.errors, undefined, JSON.stringify(vn.errors));
      const timra = vn.data!.surveys.find((s: { askedBy: string }) => s.askedBy === 'Timrå');
      assert.ok(timra);
      assert.deepEqual({ n: timra.recipientCount, answered: timra.answeredCount, missing: timra.notAnswered }, { n: 6, answered: 5, missing: ['Sollefteå'] });
      const choices = timra.responses.flatMap((r: { answers: { choice: string | null }[] }) => r.answers.map((a) => a.choice).filter(Boolean)).sort();
      assert.deepEqual(choices, ['NO', 'NO', 'NO', 'PARTLY', 'YES']);
      assert.ok(!vn.data!.surveys.some((s: { askedBy: string }) => s.askedBy === 'Fyrbodals kommunalförbund'));
      const fy = await gql(t.url, coordinator, '{ surveys { askedBy } }');
      assert.ok(!fy.data!.surveys.some((s: { askedBy: string }) => s.askedBy === 'Timrå'));
      const viaDb = await asAppRole(
        t.appDatabaseUrl,
        { regionId: FYRBODAL },
        async (c) => (await c.query('select count(*)::int as n from survey where region_id = $1', [VASTERNORRLAND])).rows[0].n,
      );
      assert.equal(viaDb, 0);
    });
  });
});
