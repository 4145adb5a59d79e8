import { Injectable, type OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { IsNull } from 'typeorm';
import { BreakoutRoomsService } from '../breakout-rooms/breakout-rooms.service.js';
import { notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { TenantDb } from '../database/tenant-db.service.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import type { MeetingListener } from '../meetings/meeting-listener.js';
import { isClosed, MeetingStatus } from '../meetings/meeting-status.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { JoinLink } from './join-link.entity.js';
import { hashToken, newToken } from './join-token.js';
import { AttendancesService } from '../meetings/attendances.service.js';
import { AttendanceMode } from '../meetings/meetings.public.js';
import { invitationId, unwritten } from './invitation-id.js';
import { PracticeLinksService } from './practice-links.service.js';
import { rowsByKey } from '../common/rows-by-key.js';

/** The invitations of a meeting and the tokens behind them. */
@Injectable()
export class JoinLinksService implements OnModuleInit, MeetingListener {
  constructor(
    private readonly db: TenantDb,
    private readonly meetings: MeetingsService,
    private readonly rooms: BreakoutRoomsService,
    private readonly clock: Clock,
    private readonly attendances: AttendancesService,
    private readonly practice: PracticeLinksService,
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
   * The link a mutation acts on (resend, revoke). One that was listed but has no row yet (see
   * invitationsOf) gets its row now, under the id it was listed with; the search for it runs
   * through the same invitations a query lists (of meetings not over, and of practice
   * sessions), only when no row has that id.
   */
  async written(id: string): Promise<JoinLink> {
    const em = await this.db.manager();
    if (await em.getRepository(JoinLink).exists({ where: { id } })) return this.get(id);
    const meetingIds = await this.meetings.activeIds();
    const pending = (await Promise.all(meetingIds.map((m) => this.invitationsOf(m)))).flat().find((l) => l.id === id);
    if (pending) await this.insert([{ meetingId: pending.meetingId!, roomId: pending.roomId, memberId: pending.memberId }]);
    else await this.practice.writePending(id);
    return this.get(id);
  }

  /**
   * A meeting's invitations as a query shows them, writing nothing: the rows written so far and,
   * for every member invited now (a room's seats, a remote attendance) without one, the
   * invitation its row will be, under the id that row will have (invitationId). Rows are
   * written when links are sent (syncInvitations) or a listed one is resent or revoked
   * (written); a read must never write, and writing on every path that changes who is invited
   * (rooms, seats, party groups, attendance) would spread this capability's rows over four
   * others. Batched with every other meeting the request reads.
   */
  async invitationsOf(meetingId: string): Promise<JoinLink[]> {
    const [stored, expected] = await Promise.all([this.stored().load(meetingId), this.expected(meetingId, true)]);
    // A cancelled or ended meeting sends nothing more: only the links written (and sent) so far.
    const meeting = await this.meetings.load(meetingId);
    if (!meeting || isClosed(meeting.status)) return stored;
    const has = new Set(stored.map((l) => `${l.roomId ?? ''}:${l.memberId}`));
    const pending = expected.filter((e) => !has.has(`${e.roomId ?? ''}:${e.memberId}`));
    if (!pending.length) return stored;
    const now = this.clock.now();
    const listed = pending.map((e) => unwritten(this.db.tenantId(), { meetingId, roomId: e.roomId, memberId: e.memberId }, now));
    // As stored rows come: by room (the meeting itself last), oldest first; unwritten ones are newest.
    const room = (l: JoinLink) => l.roomId ?? '\uffff';
    return [...stored, ...listed].sort((a, b) => (room(a) < room(b) ? -1 : room(a) > room(b) ? 1 : 0));
  }

  /** The rows of many meetings, one statement per request. */
  private stored(): DataLoader<string, JoinLink[]> {
    return rowsByKey(this.db, 'joinLinks:byMeeting', JoinLink, 'meetingId', { roomId: 'ASC', createdAt: 'ASC' });
  }

  /**
   * Writes a row for every invited member who has none (delivery, a mutation, calls it): the
   * party's seats for each room, and every member planned to take part remotely for the meeting
   * itself. Tokens come later, when sent.
   */
  async syncInvitations(meetingId: string): Promise<JoinLink[]> {
    const expected = await this.expected(meetingId, false);
    await this.insert(expected.map((e) => ({ meetingId, roomId: e.roomId, memberId: e.memberId })));
    return this.linksOf(meetingId);
  }

  /**
   * Who is invited: each active room's invitees and the remote attendees. `forRead`: through
   * the request's loaders (a query); otherwise read afresh, as a writer must.
   */
  private async expected(meetingId: string, forRead: boolean): Promise<{ roomId: string | null; memberId: string }[]> {
    const [rooms, remote] = await Promise.all([
      forRead ? this.rooms.activeRoomsOfMeeting(meetingId) : this.rooms.activeRoomsOf(meetingId),
      forRead
        ? this.meetings.attendancesOfMeeting(meetingId).then((all) => all.filter((a) => a.mode === AttendanceMode.REMOTE))
        : this.attendances.remote(meetingId),
    ]);
    const seats = await Promise.all(
      rooms.map(async (room) =>
        (await (forRead ? this.rooms.inviteesForRead(room) : this.rooms.invitees(room))).map((memberId) => ({ roomId: room.id, memberId })),
      ),
    );
    return [...seats.flat(), ...remote.map((a) => ({ roomId: null, memberId: a.memberId }))];
  }

  /** Rows for these invitations of meetings, under their invitation ids; one already written stays as it is. */
  private async insert(invitations: { meetingId: string; roomId: string | null; memberId: string }[]): Promise<void> {
    if (!invitations.length) return;
    const em = await this.db.manager();
    await em.query(
      `insert into join_link (id, meeting_id, room_id, member_id)
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])
       on conflict do nothing`,
      [
        invitations.map((i) => invitationId(i.meetingId, i.roomId, i.memberId)),
        invitations.map((i) => i.meetingId),
        invitations.map((i) => i.roomId),
        invitations.map((i) => i.memberId),
      ],
    );
    // What this request lists from now on includes them.
    this.stored().clearAll();
  }

  /** A new token for the link; whatever token it had stops working. Returns the token, once. */
  async issue(link: JoinLink): Promise<string> {
    const token = newToken();
    const em = await this.db.manager();
    await em.getRepository(JoinLink).update({ id: link.id }, { tokenHash: hashToken(token), issuedAt: this.clock.now(), revokedAt: null });
    return token;
  }

  async revoke(id: string): Promise<JoinLink> {
    const link = await this.written(id);
    const em = await this.db.manager();
    if (!link.revokedAt) await em.getRepository(JoinLink).update({ id }, { revokedAt: this.clock.now() });
    return this.get(id);
  }
}
