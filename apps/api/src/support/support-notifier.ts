import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { jobId } from '../jobs/job-id.js';
import { TenantDb } from '../database/tenant-db.service.js';

export const SUPPORT_REMINDERS_QUEUE = 'support-reminders';
export const ASSIGNMENT_CHANGED = 'assignment-changed';

export interface AssignmentChangedData {
  tenantId: string;
  assignmentId: string;
  /** Identifies this change: a retried job sends nothing twice. */
  key: string;
}

/**
 * The one place the support capability hands work to the outside world. It runs only after the
 * request's transaction commits (nothing is sent for rolled-back data) and never fails the
 * request when Redis is away. When the transactional outbox lands, only this class changes.
 */
@Injectable()
export class SupportNotifier {
  private readonly log = new Logger('SupportNotifier');

  constructor(
    private readonly db: TenantDb,
    @InjectQueue(SUPPORT_REMINDERS_QUEUE) private readonly queue: Queue,
  ) {}

  assignmentChanged(tenantId: string, assignmentId: string, status: string): void {
    const key = `${status}-${Date.now()}`;
    const data: AssignmentChangedData = { tenantId, assignmentId, key };
    this.db.afterCommit(() =>
      this.queue
        .add(ASSIGNMENT_CHANGED, data, { jobId: jobId(ASSIGNMENT_CHANGED, assignmentId, key) })
        .catch((err: Error) => this.log.warn(`Could not queue the message about a changed shift: ${err.message}`)),
    );
  }
}
