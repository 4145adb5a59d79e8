import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules';
import { queueForEachMunicipality } from '../jobs/daily-fan-out.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import { COMPARISON_ROLLUPS_QUEUE, MeetingRollupsService, REFRESH_ROLLUP, ROLLUP_SWEEP, type RefreshRollupData } from './meeting-rollups.service.js';

const NIGHTLY = 'comparison-rollups-nightly';
const REFRESH_MUNICIPALITY = 'refresh-municipality';

/** Rebuilds rollups on change, and every municipality's quarters each night as a safety net. */
@Processor(COMPARISON_ROLLUPS_QUEUE)
export class MeetingRollupsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly log = new Logger('MeetingRollups');

  constructor(
    @InjectQueue(COMPARISON_ROLLUPS_QUEUE) private readonly queue: Queue,
    private readonly rollups: MeetingRollupsService,
    private readonly directory: DirectoryService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler(NIGHTLY, { pattern: '30 2 * * *', tz: MUNICIPAL_TIME_ZONE }, { name: ROLLUP_SWEEP, data: {} })
      .catch((err: Error) => this.log.warn(`Could not schedule the nightly rollups: ${err.message}`));
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === REFRESH_ROLLUP) {
      const { tenantId, quarter } = job.data as RefreshRollupData;
      await this.rollups.refresh(tenantId, quarter);
      return { quarter };
    }
    if (job.name === REFRESH_MUNICIPALITY) return this.rollups.refreshAll((job.data as { tenantId: string }).tenantId);
    if (job.name === ROLLUP_SWEEP) {
      return queueForEachMunicipality(
        this.queue,
        REFRESH_MUNICIPALITY,
        this.directory.allMunicipalities().map((m) => m.id),
      );
    }
    throw new Error(`Unknown job ${job.name}`);
  }
}
