import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { addDays, localDate, localTime } from '@motesplats/rules';
import { notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { figure } from '../common/figure.model.js';
import { currentActor } from '../common/request-context.js';
import { MeetingRollupsService } from '../comparison/meeting-rollups.service.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { jobId, type TenantJobData } from '../jobs/job-id.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import type { MeetingListener } from '../meetings/meeting-listener.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MailOutbox } from '../outbox/mail-outbox.service.js';
import { sendNotice } from '../notifications/notice.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import type { SubmitExperienceReportInput } from './experience.inputs.js';
import { type ExperienceReport, type RegionalExperienceReport, ReportStatus } from './experience.model.js';
import { SharingService } from './sharing.service.js';

export const EXPERIENCE_QUEUE = 'experience-reports';
export const REMIND_REPORT = 'remind-report';
export const REPORT_DUE_DAYS = 7;
/** The reminder goes out this many days before the report is due. */
export const REMIND_DAYS_BEFORE_DUE = 2;

export interface RemindReportData extends TenantJobData {
  reportId: string;
}

const REPORT_COLUMNS = `r.id, r.meeting_id as "meetingId", m.title as "meetingTitle", m.starts_at as "meetingStartsAt", r.status,
  r.due_on::text as "dueOn", r.requested_at as "requestedAt", r.reminded_at as "remindedAt", r.submitted_at as "submittedAt",
  r.platform_key as "platformKey", r.on_site_count as "onSiteCount", r.remote_count as "remoteCount",
  r.support_sufficient as "supportSufficient", r.what_worked as "whatWorked", r.lessons, r.rating`;

/**
 * Experience reports: when a meeting that had remote participants ends, its secretary is asked
 * for a report due in seven days (counts prefilled from the attendance record), and reminded
 * by a job if it has not come in. Reports carry no names; the region reads them anonymised
 * through regional_experience_reports(), which also applies the municipality's sharing.
 */
@Injectable()
export class ExperienceReportsService implements MeetingListener, OnModuleInit {
  private readonly log = new Logger('ExperienceReports');

  constructor(
    private readonly db: TenantDb,
    private readonly meetings: MeetingsService,
    private readonly rollups: MeetingRollupsService,
    private readonly sharing: SharingService,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
    @InjectQueue(EXPERIENCE_QUEUE) private readonly queue: Queue,
    private readonly mail: MailOutbox,
  ) {}

  onModuleInit(): void {
    this.meetings.listen(this);
  }

  async meetingChanged(before: Meeting, after: Meeting): Promise<void> {
    if (after.status === MeetingStatus.ENDED && before.status !== MeetingStatus.ENDED) await this.requestFor(after);
    if (after.status === MeetingStatus.ENDED || before.status === MeetingStatus.ENDED) {
      this.rollups.scheduleAfterCommit(after.tenantId, after.startsAt);
      if (before.startsAt.getTime() !== after.startsAt.getTime()) this.rollups.scheduleAfterCommit(after.tenantId, before.startsAt);
    }
  }

  /** Asks for a report on an ended meeting that had remote participants; once per meeting. */
  async requestFor(meeting: Meeting): Promise<string | null> {
    const em = await this.db.manager();
    const [counts] = (await em.query(
      `select count(*) filter (where mode = 'on_site')::int as on_site, count(*) filter (where mode = 'remote')::int as remote
         from attendance where meeting_id = $1`,
      [meeting.id],
    )) as { on_site: number; remote: number }[];
    if (!counts || counts.remote === 0) return null;
    const now = this.clock.now();
    const dueOn = addDays(localDate(now), REPORT_DUE_DAYS);
    const rows: { id: string }[] = await em.query(
      `insert into experience_report (tenant_id, id, meeting_id, due_on, platform_key, on_site_count, remote_count, requested_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (tenant_id, meeting_id) do nothing returning id`,
      [meeting.tenantId, randomUUID(), meeting.id, dueOn, meeting.platformKey, counts.on_site, counts.remote, now],
    );
    const id = rows[0]?.id;
    if (!id) return null;
    const [y, mo, d] = addDays(dueOn, -REMIND_DAYS_BEFORE_DUE).split('-').map(Number) as [number, number, number];
    const delay = Math.max(0, localTime(y, mo, d, 8).getTime() - now.getTime());
    this.db.afterCommit(() =>
      this.queue
        .add(REMIND_REPORT, { tenantId: meeting.tenantId, reportId: id } satisfies RemindReportData, {
          jobId: jobId(REMIND_REPORT, meeting.tenantId, id),
          delay,
        })
        .catch((err: Error) => this.log.warn(`Could not queue the report reminder: ${err.message}`)),
    );
    return id;
  }

  async list(status?: ReportStatus): Promise<ExperienceReport[]> {
    const em = await this.db.manager();
    const rows: ExperienceReport[] = await em.query(
      `select ${REPORT_COLUMNS} from experience_report r join meeting m on m.tenant_id = r.tenant_id and m.id = r.meeting_id
        ${status ? 'where r.status = $1' : ''} order by r.status, r.due_on, m.starts_at desc limit 500`,
      status ? [status] : [],
    );
    return this.withIncidents(rows);
  }

  async get(id: string): Promise<ExperienceReport | null> {
    const em = await this.db.manager();
    const rows: ExperienceReport[] = await em.query(
      `select ${REPORT_COLUMNS} from experience_report r join meeting m on m.tenant_id = r.tenant_id and m.id = r.meeting_id where r.id = $1`,
      [id],
    );
    return (await this.withIncidents(rows))[0] ?? null;
  }

  /** Submits (or corrects) a report; its incidents are replaced by the ones given. */
  async submit(id: string, input: SubmitExperienceReportInput): Promise<ExperienceReport> {
    const tenantId = this.db.tenantId();
    const report = await this.get(id);
    if (!report) throw notFound('Erfarenhetsrapporten', id);
    const em = await this.db.manager();
    const actor = currentActor();
    await em.query(
      `update experience_report set status = 'submitted', submitted_at = coalesce(submitted_at, now()), submitted_by = $2,
         platform_key = $3, on_site_count = $4, remote_count = $5, support_sufficient = $6, what_worked = $7, lessons = $8,
         rating = $9, updated_at = now()
       where id = $1`,
      [
        id,
        actor?.username ?? '',
        input.platformKey ?? null,
        input.onSiteCount,
        input.remoteCount,
        input.supportSufficient,
        input.whatWorked,
        input.lessons,
        input.rating,
      ],
    );
    await em.query('delete from experience_incident where report_id = $1', [id]);
    for (const i of input.incidents) {
      await em.query(
        `insert into experience_incident (tenant_id, id, report_id, category, minutes_lost, affected_count, resolution) values ($1, $2, $3, $4, $5, $6, $7)`,
        [tenantId, randomUUID(), id, i.category, i.minutesLost, i.affectedCount, i.resolution],
      );
    }
    this.rollups.scheduleAfterCommit(tenantId, report.meetingStartsAt);
    return (await this.get(id))!;
  }

  /**
   * The reminder job: once per report, only while it is still outstanding. Recorded in the same
   * transaction as the message goes to the outbox, so a retry finds it reminded and writes
   * nothing again, and a rollback leaves neither.
   */
  async remind(tenantId: string, reportId: string): Promise<{ reminded: boolean; emailed: boolean }> {
    const outcome = await this.db.run(tenantId, async (em) => {
      const rows: { title: string; due_on: string }[] = await em.query(
        // Through a CTE: an UPDATE … RETURNING comes back from TypeORM as [rows, count].
        `with reminded as (
           update experience_report r set reminded_at = now() from meeting m
            where r.id = $1 and r.status = 'requested' and r.reminded_at is null and m.tenant_id = r.tenant_id and m.id = r.meeting_id
            returning m.title, r.due_on::text)
         select * from reminded`,
        [reportId],
      );
      const row = rows[0];
      if (!row) return null;
      const to = await this.sharing.contactEmail();
      if (!to) return { emailed: false };
      await sendNotice(this.mail, `experience-report:${reportId}`, {
        to,
        subject: `Påminnelse: erfarenhetsrapport för ${row.title}`,
        text: `Erfarenhetsrapporten efter ${row.title} ska lämnas senast ${row.due_on}. Den fylls i under Erfarenheter i Mötesplats.`,
      });
      return { emailed: true };
    });
    if (!outcome) return { reminded: false, emailed: false };
    return { reminded: true, emailed: outcome.emailed };
  }

  /** The coordinator's view: what municipalities of the region share, anonymised and suppressed in the database. */
  async regional(from: string, to: string): Promise<RegionalExperienceReport[]> {
    const em = await this.db.manager();
    const threshold = await this.threshold();
    const rows: {
      report_id: string;
      municipality_id: string;
      body_kind: string;
      quarter_text: string;
      platform_key: string | null;
      on_site_count: string | null;
      remote_count: string | null;
      support_sufficient: boolean | null;
      what_worked: string;
      lessons: string;
      rating: number | null;
      incidents: { category: string; minutesLost: number; affectedCount: number | null; resolution: string }[];
    }[] = await em.query(
      'select r.*, r.quarter::text as quarter_text from regional_experience_reports($1::date, $2::date) r order by r.quarter desc, r.municipality_id',
      [from, to],
    );
    return rows.map((r) => ({
      id: r.report_id,
      municipalityId: r.municipality_id,
      municipalityName: this.directory.municipality(r.municipality_id)?.name ?? '',
      bodyKind: r.body_kind,
      quarter: r.quarter_text,
      platformKey: r.platform_key,
      onSiteCount: figure(r.on_site_count, threshold),
      remoteCount: figure(r.remote_count, threshold),
      supportSufficient: r.support_sufficient,
      whatWorked: r.what_worked,
      lessons: r.lessons,
      rating: r.rating,
      incidents: r.incidents.map((i) => ({
        category: i.category as never,
        minutesLost: i.minutesLost,
        resolution: i.resolution,
        affectedCount: figure(i.affectedCount, threshold),
      })),
    }));
  }

  private async threshold(): Promise<number> {
    const em = await this.db.manager();
    const rows: { t: number }[] = await em.query('select suppression_threshold as t from region where id = app_current_region()');
    return rows[0]?.t ?? 3;
  }

  private async withIncidents(rows: ExperienceReport[]): Promise<ExperienceReport[]> {
    if (!rows.length) return rows;
    const em = await this.db.manager();
    const incidents: (ExperienceReport['incidents'][number] & { reportId: string })[] = await em.query(
      `select id, report_id as "reportId", category, minutes_lost as "minutesLost", affected_count as "affectedCount", resolution
         from experience_incident where report_id = any($1::uuid[]) order by created_at, id`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({ ...r, incidents: incidents.filter((i) => i.reportId === r.id) }));
  }
}
