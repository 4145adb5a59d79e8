import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { TenantDb } from '../database/tenant-db.service.js';
import { ROOMS_QUEUE, type MeetingJobData } from './queues.js';
import { RoomProvisioner } from './room-provisioner.service.js';

/**
 * Window-edge jobs. Rooms open on time or not at all, so a worker that dies mid-job is noticed
 * within seconds (short lock, frequent stall checks) and another picks the job up. Window
 * edges bunch up (every council starts at the same hour), and each job mostly waits on
 * Postgres, so one worker works several at once: one at a time fell 18 s behind with 10,000
 * jobs due in a minute (bench/room-jobs.bench.ts). Jobs on the same meeting serialise on its
 * video_meeting row; the pool (DB_POOL_SIZE, 20) leaves room for requests.
 */
@Processor(ROOMS_QUEUE, { lockDuration: 10_000, stalledInterval: 5_000, concurrency: 8 })
export class RoomsProcessor extends WorkerHost {
  constructor(
    private readonly db: TenantDb,
    private readonly provisioner: RoomProvisioner,
  ) {
    super();
  }

  async process(job: Job<MeetingJobData>): Promise<void> {
    await this.db.run(job.data.tenantId, () => this.provisioner.sync(job.data.meetingId));
  }
}
