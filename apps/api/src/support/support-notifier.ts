import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SupportRemindersService } from './support-reminders.service.js';

export const SUPPORT_REMINDERS_QUEUE = 'support-reminders';
/** Jobs of this name may still wait in Redis from before messages went through the outbox. */
export const ASSIGNMENT_CHANGED = 'assignment-changed';

export interface AssignmentChangedData {
  tenantId: string;
  assignmentId: string;
  /** Identifies this change: a retried job sends nothing twice. */
  key: string;
}

/**
 * The one place the support capability hands a change to the outside world: the message is
 * written to the transactional outbox in the transaction that makes the change, so it goes out
 * only if that commits, is retried when mail is down, and never fails the request on SMTP.
 */
@Injectable()
export class SupportNotifier {
  constructor(private readonly reminders: SupportRemindersService) {}

  /** In the current unit of work. The key names this change (status plus a fresh id): each change is its own occasion. */
  async assignmentChanged(assignmentId: string, status: string): Promise<void> {
    await this.reminders.changed(assignmentId, `${status}-${randomUUID()}`);
  }
}
