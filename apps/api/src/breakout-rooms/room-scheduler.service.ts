import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from '../database/database.tokens.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { Clock } from '../common/clock.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { jobId } from '../jobs/job-id.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import { MunicipalitySettingsService } from '../tenancy/municipality-settings.service.js';
import { VideoMeeting } from './video-meeting.entity.js';
import { VideoPlatforms } from '../video-platforms/video-platforms.js';
import { MeetingWindowsService } from './meeting-windows.service.js';
import { DELIVERY_QUEUE, ROOMS_QUEUE, type MeetingJobData } from './queues.js';

const MINUTE = 60_000;
/** Rooms are provisioned a little before they first open, so the first member finds them ready. */
export const PROVISION_AHEAD_MINUTES = 5;

export interface PlannedJob {
  queue: typeof ROOMS_QUEUE | typeof DELIVERY_QUEUE;
  id: string;
  at: number;
}

/**
 * The jobs a meeting needs now: a room sync at every window edge and link delivery before the
 * first opening. Ids are deterministic (kind, tenant, meeting, instant), so scheduling the same
 * plan twice finds the same jobs; edges already past collapse into the latest one, which runs
 * at once — a new past edge (a recess just started) is a new id and so runs.
 */
export function planJobs(tenantId: string, meetingId: string, edges: number[], deliverAt: number | null, now: number): PlannedJob[] {
  const sorted = [...new Set(edges)].sort((a, b) => a - b);
  const past = sorted.filter((t) => t <= now);
  const due = [...(past.length ? [past[past.length - 1]!] : []), ...sorted.filter((t) => t > now)];
  const jobs: PlannedJob[] = due.map((at) => ({ queue: ROOMS_QUEUE, id: jobId('room-sync', tenantId, meetingId, at), at }));
  if (deliverAt !== null) jobs.push({ queue: DELIVERY_QUEUE, id: jobId('link-delivery', tenantId, meetingId, deliverAt), at: deliverAt });
  return jobs;
}

const log = new Logger('RoomScheduler');

/** The outbox effect that brings the queues in line with a meeting's recorded plan. */
export const ROOM_JOBS_EFFECT = 'room-jobs';
interface RoomJobsPayload {
  data: MeetingJobData;
  jobs: PlannedJob[];
  stale: string[];
}
/** A queue that does not answer (Redis down) fails the effect quickly; the outbox retries it. */
const QUEUE_TIMEOUT_MS = 1_500;
const LIVE = [MeetingStatus.CONVENED, MeetingStatus.IN_PROGRESS, MeetingStatus.RECESS];

/** Keeps a meeting's window-edge jobs in step with its times, recesses and status. */
@Injectable()
export class RoomScheduler implements OnModuleInit, OnModuleDestroy {
  private reconciling: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: TenantDb,
    private readonly windows: MeetingWindowsService,
    private readonly settings: MunicipalitySettingsService,
    private readonly clock: Clock,
    private readonly platforms: VideoPlatforms,
    private readonly outbox: OutboxService,
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @InjectQueue(ROOMS_QUEUE) private readonly rooms: Queue<MeetingJobData>,
    @InjectQueue(DELIVERY_QUEUE) private readonly delivery: Queue<MeetingJobData>,
  ) {}

  onModuleInit(): void {
    this.outbox.register<RoomJobsPayload>(ROOM_JOBS_EFFECT, {
      timeoutMs: QUEUE_TIMEOUT_MS * 4,
      perform: async (row) => {
        await this.apply(row.payload.jobs, row.payload.stale, row.payload.data);
      },
    });
  }

  /** Reconciles now and then every `intervalMs` (worker processes). */
  startReconciling(intervalMs: number): void {
    const run = () =>
      this.reconcile().then(
        (r) => r.jobs && log.log(`Restored ${r.jobs} missing job(s) for ${r.meetings} meeting(s)`),
        (err: unknown) => log.warn(`Reconciling failed: ${(err as Error).message}`),
      );
    void run();
    this.reconciling ??= setInterval(() => void run(), intervalMs);
  }

  onModuleDestroy(): void {
    clearInterval(this.reconciling);
  }

  /** The jobs the meeting needs now, from the database alone. */
  private async plan(meetingId: string): Promise<{ jobs: PlannedJob[]; tenantId: string; meeting: Meeting } | null> {
    const plan = await this.windows.load(meetingId);
    if (!plan) return null;
    const { meeting } = plan;
    const now = this.clock.now().getTime();
    const settings = await this.settings.current();
    let jobs: PlannedJob[] = [];
    if (meeting.status === MeetingStatus.CANCELLED) {
      jobs = [{ queue: ROOMS_QUEUE, id: jobId('room-sync', meeting.tenantId, meeting.id, 'cancelled'), at: now }];
    } else if (meeting.status !== MeetingStatus.PLANNED) {
      const windows = [...plan.rooms, plan.remote];
      const firstOpen = Math.min(...windows.map((w) => w.opensAt.getTime()));
      const edges = [firstOpen - PROVISION_AHEAD_MINUTES * MINUTE, ...windows.flatMap((w) => [w.opensAt.getTime(), w.closesAt.getTime()])];
      const deliverAt = meeting.status === MeetingStatus.ENDED ? null : firstOpen - settings.linkDeliveryLeadMinutes * MINUTE;
      jobs = planJobs(meeting.tenantId, meeting.id, edges, deliverAt, now);
    }
    return { jobs, tenantId: meeting.tenantId, meeting };
  }

  /**
   * Records the plan in this transaction, and the change to the queues as an outbox effect:
   * it happens after commit, and a Redis that is down delays it without holding up the write.
   */
  async reschedule(meetingId: string): Promise<void> {
    const planned = await this.plan(meetingId);
    if (!planned) return;
    const { jobs, tenantId, meeting } = planned;
    const settings = await this.settings.current();
    const em = await this.db.manager();
    const repo = em.getRepository(VideoMeeting);
    const record =
      (await repo.findOne({ where: { meetingId } })) ??
      repo.create({
        tenantId,
        meetingId,
        platform: this.platforms.choose(meeting.platformKey, settings.videoPlatform),
        externalId: null,
        provisionedAt: null,
        closedAt: null,
        scheduledJobs: [],
      });
    const keep = new Set(jobs.map((j) => j.id));
    // An earlier plan not yet applied is replaced by this one; what it would have removed still goes.
    const superseded = (await this.outbox.cancelPending(meetingId, [ROOM_JOBS_EFFECT])) as { payload: RoomJobsPayload }[];
    const stale = [...new Set([...record.scheduledJobs, ...superseded.flatMap((r) => [...r.payload.stale, ...r.payload.jobs.map((j) => j.id)])])].filter(
      (id) => !keep.has(id),
    );
    record.scheduledJobs = jobs.map((j) => j.id);
    await repo.save(record);
    const payload: RoomJobsPayload = { data: { tenantId, meetingId }, jobs, stale };
    await this.outbox.add({ key: `room-jobs:${meetingId}:${randomUUID()}`, kind: ROOM_JOBS_EFFECT, subjectId: meetingId, payload });
  }

  /**
   * Derives from the database the jobs every convened meeting needs and adds those missing,
   * with the same deterministic ids (an existing job is left as it is). For worker start and a
   * periodic sweep: a Redis that lost its data, or an effect given up, heals here.
   */
  async reconcile(): Promise<{ meetings: number; jobs: number }> {
    const tenants: { id: string }[] = await this.dataSource.query(`select id from municipality order by id`);
    let meetings = 0;
    let added = 0;
    for (const { id: tenantId } of tenants) {
      const plans = await this.db.run(tenantId, async (em) => {
        const rows: { id: string }[] = await em.query(`select id from meeting where status = any($1) order by starts_at, id`, [LIVE]);
        const out: PlannedJob[][] = [];
        for (const r of rows) out.push((await this.plan(r.id))?.jobs ?? []);
        return rows.map((r, i) => ({ meetingId: r.id, jobs: out[i]! }));
      });
      for (const p of plans) {
        meetings++;
        added += await this.apply(p.jobs, [], { tenantId, meetingId: p.meetingId });
      }
    }
    return { meetings, jobs: added };
  }

  private async apply(jobs: PlannedJob[], stale: string[], data: MeetingJobData): Promise<number> {
    for (const id of stale) {
      const queue = id.startsWith('link-delivery') ? this.delivery : this.rooms;
      const job = await bounded(queue.getJob(id));
      // A job already running finishes and reads the meeting as it now is; only waiting ones go.
      if (job && ['delayed', 'waiting', 'prioritized'].includes(await bounded(job.getState()))) await bounded(job.remove()).catch(() => undefined);
    }
    const now = this.clock.now().getTime();
    let added = 0;
    for (const job of jobs) {
      const queue = job.queue === DELIVERY_QUEUE ? this.delivery : this.rooms;
      if (await bounded(queue.getJob(job.id))) continue;
      await bounded(queue.add(job.queue === DELIVERY_QUEUE ? 'deliver' : 'sync', data, { jobId: job.id, delay: Math.max(0, job.at - now) }));
      added++;
    }
    return added;
  }
}

function bounded<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Redis did not answer within ${QUEUE_TIMEOUT_MS} ms`)), QUEUE_TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer));
}
