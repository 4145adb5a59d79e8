import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules';
import { queueForEachMunicipality } from '../jobs/daily-fan-out.js';
import type { TenantJobData } from '../jobs/job-id.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import { TrainingRemindersService } from './training-reminders.service.js';
import { Clock } from '../common/clock.js';

export const TRAINING_REMINDERS_QUEUE = 'training-reminders';

/** Job names: the daily sweep fans out to one job per municipality and day. */
export const SWEEP = 'sweep';
export const DAILY_SCHEDULER = 'training-reminders-daily';
export const REMIND_MUNICIPALITY = 'remind-municipality';

export interface RemindMunicipalityData extends TenantJobData {
  /** The Stockholm date the reminders are for (YYYY-MM-DD). */
  today: string;
}

/**
 * Every morning in Stockholm, each municipality's reminders. The per-municipality job id
 * names the day, so a second sweep the same day adds no job; the work itself is idempotent
 * too (see TrainingRemindersService), so a retried job sends nothing twice.
 */
@Processor(TRAINING_REMINDERS_QUEUE)
export class TrainingRemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly log = new Logger('TrainingReminders');

  constructor(
    @InjectQueue(TRAINING_REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly reminders: TrainingRemindersService,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** Not awaited: the API must start (and report itself not ready) while Redis is away. */
  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler(DAILY_SCHEDULER, { pattern: '0 7 * * *', tz: MUNICIPAL_TIME_ZONE }, { name: SWEEP, data: {} })
      .catch((err: Error) => this.log.warn(`Could not schedule the daily training reminders: ${err.message}`));
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === SWEEP) return this.sweep();
    if (job.name === REMIND_MUNICIPALITY) {
      const { tenantId, today } = job.data as RemindMunicipalityData;
      const result = await this.reminders.remindMunicipality(tenantId, today);
      this.log.log(`Training reminders for ${tenantId} on ${today}: ${result.emailed} e-mailed, ${result.listed} listed`);
      return result;
    }
    throw new Error(`Unknown job ${job.name}`);
  }

  /** Queues today's job for every municipality. */
  async sweep(now = this.clock.now()): Promise<number> {
    return queueForEachMunicipality(
      this.queue,
      REMIND_MUNICIPALITY,
      this.directory.allMunicipalities().map((m) => m.id),
      now,
    );
  }
}
