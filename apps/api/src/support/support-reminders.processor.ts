import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules';
import { queueForEachMunicipality } from '../jobs/daily-fan-out.js';
import type { TenantJobData } from '../jobs/job-id.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import { ASSIGNMENT_CHANGED, SUPPORT_REMINDERS_QUEUE, type AssignmentChangedData } from './support-notifier.js';
import { SupportRemindersService } from './support-reminders.service.js';
import { Clock } from '../common/clock.js';

export const SWEEP = 'sweep';
export const DAILY_SCHEDULER = 'support-reminders-daily';
export const REMIND_SHIFTS = 'remind-shifts';

export interface RemindShiftsData extends TenantJobData {
  today: string;
}

/**
 * Every afternoon in Stockholm, reminders for tomorrow's shifts, one job per municipality and
 * day (the job id names both, so a second sweep adds nothing); and a message per changed
 * assignment. The work is idempotent too (SupportRemindersService).
 */
@Processor(SUPPORT_REMINDERS_QUEUE)
export class SupportRemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly log = new Logger('SupportReminders');

  constructor(
    @InjectQueue(SUPPORT_REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly reminders: SupportRemindersService,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** Not awaited: the API must start (and report itself not ready) while Redis is away. */
  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler(DAILY_SCHEDULER, { pattern: '0 15 * * *', tz: MUNICIPAL_TIME_ZONE }, { name: SWEEP, data: {} })
      .catch((err: Error) => this.log.warn(`Could not schedule the daily shift reminders: ${err.message}`));
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === SWEEP) return this.sweep();
    if (job.name === REMIND_SHIFTS) {
      const { tenantId, today } = job.data as RemindShiftsData;
      return this.reminders.remindDayBefore(tenantId, today);
    }
    if (job.name === ASSIGNMENT_CHANGED) {
      const { tenantId, assignmentId, key } = job.data as AssignmentChangedData;
      return this.reminders.sendChanged(tenantId, assignmentId, key);
    }
    throw new Error(`Unknown job ${job.name}`);
  }

  async sweep(now = this.clock.now()): Promise<number> {
    return queueForEachMunicipality(
      this.queue,
      REMIND_SHIFTS,
      this.directory.allMunicipalities().map((m) => m.id),
      now,
    );
  }
}
