import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DELIVERY_QUEUE, type MeetingJobData } from '../breakout-rooms/queues.js';
import { LinkDeliveryService } from './link-delivery.service.js';

/** Sends a meeting's links the configured time before its rooms first open; a retry sends only what is still undelivered. */
@Processor(DELIVERY_QUEUE)
export class LinkDeliveryProcessor extends WorkerHost {
  constructor(private readonly delivery: LinkDeliveryService) {
    super();
  }

  async process(job: Job<MeetingJobData>) {
    return this.delivery.deliverMeeting(job.data.tenantId, job.data.meetingId);
  }
}
