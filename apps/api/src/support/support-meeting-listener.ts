import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TenantDb } from '../database/tenant-db.service.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import type { MeetingListener } from '../meetings/meeting-listener.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { SupportNotifier } from './support-notifier.js';

/**
 * When a meeting moves or is cancelled, everyone assigned to it is told (through the outbox, in the same transaction). Shift
 * times are always derived from the meeting, so nothing is rewritten here; a move that makes
 * a shift collide shows up in the conflict list by itself.
 */
@Injectable()
export class SupportMeetingListener implements OnModuleInit, MeetingListener {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly db: TenantDb,
    private readonly notifier: SupportNotifier,
  ) {}

  onModuleInit(): void {
    this.meetings.listen(this);
  }

  async meetingChanged(before: Meeting, after: Meeting): Promise<void> {
    const moved = before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
    const cancelled = after.status === 'cancelled' && before.status !== 'cancelled';
    if (!moved && !cancelled) return;
    const em = await this.db.manager();
    const active: { id: string }[] = await em.query(`select id from support_assignment where meeting_id = $1 and status in ('assigned', 'accepted')`, [
      after.id,
    ]);
    for (const a of active) await this.notifier.assignmentChanged(a.id, cancelled ? 'cancelled' : 'moved');
  }
}
