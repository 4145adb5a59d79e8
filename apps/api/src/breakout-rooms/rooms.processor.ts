import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { TenantDb } from '../database/tenant-db.service.js';
import { ROOMS_QUEUE, type MeetingJobData } from './queues.js';
import { RoomProvisioner } from './room-provisioner.service.js';

/**
 * Window-edge jobs. Rooms open on time or not at all, so a worker that dies mid-job is noticed
 * within seconds (short lock, frequent stall checks) and another picks the job up.
 */
@Processor(ROOMS_QUEUE, { lockDuration: 10_000, stalledInterval: 5_000 })
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
