import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { BreakoutRoomsService } from '../breakout-rooms/breakout-rooms.service.js';
import { notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { TenantDb } from '../database/tenant-db.service.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import type { MeetingListener } from '../meetings/meeting-listener.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { JoinLink } from './join-link.entity.js';
import { hashToken, newToken } from './join-token.js';
import { AttendancesService } from '../meetings/attendances.service.js';

/** The invitations of a meeting and the tokens behind them. */
@Injectable()
export class JoinLinksService implements OnModuleInit, MeetingListener {
  constructor(
    private readonly db: TenantDb,
    private readonly meetings: MeetingsService,
    private readonly rooms: BreakoutRoomsService,
    private readonly clock: Clock,
    private readonly attendances: AttendancesService,
  ) {}

  onModuleInit(): void {
    this.meetings.listen(this);
  }

  /** Cancelling a meeting revokes every link to it and its rooms. */
  async meetingChanged(_before: Meeting, after: Meeting): Promise<void> {
    if (after.status !== MeetingStatus.CANCELLED) return;
    const em = await this.db.manager();
    await em.getRepository(JoinLink).update({ meetingId: after.id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async linksOf(meetingId: string): Promise<JoinLink[]> {
    const em = await this.db.manager();
    return em.getRepository(JoinLink).find({ where: { meetingId }, order: { roomId: 'ASC', createdAt: 'ASC' } });
  }

  async get(id: string): Promise<JoinLink> {
    const em = await this.db.manager();
    const link = await em.getRepository(JoinLink).findOne({ where: { id } });
    if (!link) throw notFound('Länken', id);
    return link;
  }

  /**
   * Makes sure every invited member has a link row: the party's seats for each room, and every
   * member planned to take part remotely for the meeting itself. Tokens come later, when sent.
   */
  async syncInvitations(meetingId: string): Promise<JoinLink[]> {
    const em = await this.db.manager();
    const rooms = await this.rooms.activeRoomsOf(meetingId);
    for (const room of rooms) {
      for (const memberId of await this.rooms.invitees(room)) {
        await em.query(
          `insert into join_link (id, meeting_id, room_id, member_id) values ($1, $2, $3, $4)
           on conflict (tenant_id, room_id, member_id) where room_id is not null do nothing`,
          [randomUUID(), meetingId, room.id, memberId],
        );
      }
    }
    const remote = await this.attendances.remote(meetingId);
    for (const a of remote) {
      await em.query(
        `insert into join_link (id, meeting_id, room_id, member_id) values ($1, $2, null, $3)
         on conflict (tenant_id, meeting_id, member_id) where room_id is null do nothing`,
        [randomUUID(), meetingId, a.memberId],
      );
    }
    return this.linksOf(meetingId);
  }

  /** A new token for the link; whatever token it had stops working. Returns the token, once. */
  async issue(link: JoinLink): Promise<string> {
    const token = newToken();
    const em = await this.db.manager();
    await em.getRepository(JoinLink).update({ id: link.id }, { tokenHash: hashToken(token), issuedAt: this.clock.now(), revokedAt: null });
    return token;
  }

  async revoke(id: string): Promise<JoinLink> {
    const link = await this.get(id);
    const em = await this.db.manager();
    if (!link.revokedAt) await em.getRepository(JoinLink).update({ id }, { revokedAt: this.clock.now() });
    return this.get(id);
  }
}
