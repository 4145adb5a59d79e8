import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { jobId } from '../jobs/job-id.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import { MunicipalitySettingsService } from '../tenancy/municipality-settings.service.js';
import { VideoMeeting } from '../video-platforms/video-meeting.entity.js';
import { VideoPlatforms } from '../video-platforms/video-platforms.js';
import { MeetingWindowsService } from './meeting-windows.service.js';
import { DELIVERY_QUEUE, ROOMS_QUEUE, type MeetingJobData } from './queues.js';

const log = new Logger('RoomScheduler');
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

/** Keeps a meeting's window-edge jobs in step with its times, recesses and status. */
@Injectable()
export class RoomScheduler {
  constructor(
    private readonly db: TenantDb,
    private readonly windows: MeetingWindowsService,
    private readonly settings: MunicipalitySettingsService,
    private readonly clock: Clock,
    private readonly platforms: VideoPlatforms,
    @InjectQueue(ROOMS_QUEUE) private readonly rooms: Queue<MeetingJobData>,
    @InjectQueue(DELIVERY_QUEUE) private readonly delivery: Queue<MeetingJobData>,
  ) {}

  /** Records the plan in this transaction; the queues change once it has committed. */
  async reschedule(meetingId: string): Promise<void> {
    const plan = await this.windows.load(meetingId);
    if (!plan) return;
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
    const em = await this.db.manager();
    const repo = em.getRepository(VideoMeeting);
    const record =
      (await repo.findOne({ where: { meetingId } })) ??
      repo.create({ tenantId: meeting.tenantId, meetingId, platform: this.platforms.choose(meeting.platformKey, settings.videoPlatform), externalId: null, provisionedAt: null, closedAt: null, scheduledJobs: [] });
    const keep = new Set(jobs.map((j) => j.id));
    const stale = record.scheduledJobs.filter((id) => !keep.has(id));
    record.scheduledJobs = jobs.map((j) => j.id);
    await repo.save(record);
    const data: MeetingJobData = { tenantId: meeting.tenantId, meetingId };
    this.db.afterCommit(() => this.apply(jobs, stale, data));
  }

  private async apply(jobs: PlannedJob[], stale: string[], data: MeetingJobData): Promise<void> {
    try {
      for (const id of stale) {
        const queue = id.startsWith('link-delivery') ? this.delivery : this.rooms;
        const job = await queue.getJob(id);
        // A job already running finishes and reads the meeting as it now is; only waiting ones go.
        if (job && ['delayed', 'waiting', 'prioritized'].includes(await job.getState())) await job.remove().catch(() => undefined);
      }
      const now = this.clock.now().getTime();
      for (const job of jobs) {
        const queue = job.queue === DELIVERY_QUEUE ? this.delivery : this.rooms;
        await queue.add(job.queue === DELIVERY_QUEUE ? 'deliver' : 'sync', data, { jobId: job.id, delay: Math.max(0, job.at - now) });
      }
    } catch (err) {
      // The meeting is saved; the next change or the status page's own check catches up.
      log.error(`Could not schedule room jobs: ${(err as Error).message}`);
    }
  }
}
