import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { localDate } from '@motesplats/rules';
import { TenantDb } from '../database/tenant-db.service.js';
import { jobId, type TenantJobData } from '../jobs/job-id.js';
import { Clock } from '../common/clock.js';

export const COMPARISON_ROLLUPS_QUEUE = 'comparison-rollups';
export const REFRESH_ROLLUP = 'refresh-rollup';
export const ROLLUP_SWEEP = 'rollup-sweep';

export interface RefreshRollupData extends TenantJobData {
  /** First day of the quarter (YYYY-MM-DD). */
  quarter: string;
}

/** First day of the Stockholm quarter a moment falls in. */
export function quarterOf(at: Date): string {
  const [y, m] = localDate(at).split('-').map(Number) as [number, number];
  return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * Keeps the comparison's quarterly rollups current: a change to a meeting or a report queues
 * a rebuild of its municipality's quarter, after the change has committed. The job id names
 * the municipality, the quarter and a ten-second window, so a burst of changes costs one
 * rebuild while a later change still gets its own.
 */
@Injectable()
export class MeetingRollupsService {
  private readonly log = new Logger('MeetingRollups');

  constructor(
    private readonly db: TenantDb,
    @InjectQueue(COMPARISON_ROLLUPS_QUEUE) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  /** Inside a request or job: rebuild after commit. Redis being away never fails the write. */
  scheduleAfterCommit(tenantId: string, startsAt: Date): void {
    const quarter = quarterOf(startsAt);
    const window = Math.floor(this.clock.now().getTime() / 10_000);
    this.db.afterCommit(() =>
      this.queue
        .add(REFRESH_ROLLUP, { tenantId, quarter } satisfies RefreshRollupData, { jobId: jobId(REFRESH_ROLLUP, tenantId, quarter, window), delay: 2_000 })
        .catch((err: Error) => this.log.warn(`Could not queue a rollup rebuild: ${err.message}`)),
    );
  }

  /** Rebuilds one municipality's quarter in its own tenant transaction. */
  refresh(tenantId: string, quarter: string): Promise<void> {
    return this.db.run(tenantId, async (em) => {
      await em.query('select refresh_meeting_rollup($1::uuid, $2::date)', [tenantId, quarter]);
    });
  }

  /** Every quarter the municipality has ended meetings in (the nightly safety net, and seeding). */
  refreshAll(tenantId: string): Promise<number> {
    return this.db.run(tenantId, async (em) => {
      const quarters: { q: string }[] = await em.query(
        `select distinct meeting_quarter(starts_at)::text as q from meeting where status = 'ended'
         union select quarter::text from meeting_rollup`,
      );
      for (const { q } of quarters) await em.query('select refresh_meeting_rollup($1::uuid, $2::date)', [tenantId, q]);
      return quarters.length;
    });
  }
}
