import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { breakoutRoomInvitees, eligiblePartyGroups, type BreakoutRoomPolicy, type MemberRole } from '@motesplats/rules';
import { In, Not } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Meeting } from '../meetings/meetings.public.js';
import type { MeetingListener } from '../meetings/meeting-listener.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { PartyGroup } from '../party-groups/party-groups.public.js';
import { BreakoutRoom, BreakoutRoomStatus } from './breakout-room.entity.js';
import { MeetingWindowsService } from './meeting-windows.service.js';
import { refuseRoom } from './room-refusal.js';
import { RoomScheduler } from './room-scheduler.service.js';
import { PartyGroupsService } from '../party-groups/party-groups.service.js';
import { loadRef } from '../common/by-id-loader.js';
import { perRequest } from '../common/request-context.js';
import DataLoader from 'dataloader';
import { rowsByKey } from '../common/rows-by-key.js';

/** Statuses of a meeting the municipality has convened and not yet closed. */
export const CONVENED_STATUSES = [MeetingStatus.CONVENED, MeetingStatus.IN_PROGRESS, MeetingStatus.RECESS];

interface Seat {
  memberId: string;
  role: MemberRole;
  partyGroupId: string | null;
}

@Injectable()
export class BreakoutRoomsService implements OnModuleInit, MeetingListener {
  constructor(
    private readonly db: TenantDb,
    private readonly meetings: MeetingsService,
    private readonly windows: MeetingWindowsService,
    private readonly scheduler: RoomScheduler,
    private readonly clock: Clock,
    private readonly partyGroups: PartyGroupsService,
  ) {}

  onModuleInit(): void {
    this.meetings.listen(this);
  }

  async roomsOf(meetingId: string): Promise<BreakoutRoom[]> {
    const em = await this.db.manager();
    return em.getRepository(BreakoutRoom).find({ where: { meetingId }, order: { name: 'ASC' } });
  }

  /** A meeting's rooms for a list of meetings: one statement per request for all of them. */
  roomsOfMeeting(meetingId: string): Promise<BreakoutRoom[]> {
    return rowsByKey(this.db, 'breakoutRooms:byMeeting', BreakoutRoom, 'meetingId', { name: 'ASC', id: 'ASC' }).load(meetingId);
  }

  async get(id: string): Promise<BreakoutRoom | null> {
    const em = await this.db.manager();
    return em.getRepository(BreakoutRoom).findOne({ where: { id } });
  }

  /** One party group's room alongside one convened meeting — the only way a room comes to be. */
  async createRoom(meetingId: string, partyGroupId: string): Promise<BreakoutRoom> {
    const { meeting, policy } = await this.convened(meetingId);
    const group = await this.partyGroups.get(partyGroupId);
    // Absent (or another municipality's): not found, rather than judged ineligible by its seats.
    if (!group) throw notFound('Partigruppen', partyGroupId);
    const eligible = await this.eligibleGroups(meeting, policy);
    if (!eligible.some((g) => g.id === partyGroupId)) throw refuseRoom('PARTY_GROUP_NOT_ELIGIBLE');
    const em = await this.db.manager();
    if (await em.getRepository(BreakoutRoom).exists({ where: { meetingId, partyGroupId } })) throw refuseRoom('ROOM_EXISTS');
    const room = await this.insertRoom(meeting, group);
    await this.scheduler.reschedule(meeting.id);
    return room;
  }

  /** Rooms for every eligible party group that has none yet; the others are left as they are. */
  async setUpRooms(meetingId: string): Promise<BreakoutRoom[]> {
    const { meeting, policy } = await this.convened(meetingId);
    const em = await this.db.manager();
    const existing = new Set((await this.roomsOf(meetingId)).map((r) => r.partyGroupId));
    for (const group of await this.eligibleGroups(meeting, policy)) {
      if (!existing.has(group.id)) await this.insertRoom(meeting, group);
    }
    await this.scheduler.reschedule(meeting.id);
    return em.getRepository(BreakoutRoom).find({ where: { meetingId }, order: { name: 'ASC' } });
  }

  /** Whom a room invites: the party group's seats in the meeting's body, per the policy. */
  async invitees(room: BreakoutRoom): Promise<string[]> {
    const plan = await this.windows.load(room.meetingId);
    if (!plan) return [];
    const seats = await this.seats(plan.meeting.bodyId);
    return breakoutRoomInvitees(room.partyGroupId, seats, plan.policy);
  }

  /**
   * The same, for what a query shows: meetings, bodies and seats through the request's
   * loaders, so the rooms of a whole list of meetings cost a few statements in all.
   */
  async inviteesForRead(room: BreakoutRoom): Promise<string[]> {
    const plan = await this.windows.loadForRead(room.meetingId);
    if (!plan) return [];
    const seats = await perRequest(
      'breakoutRooms:seats',
      () => new DataLoader<string, Seat[]>(async (bodyIds) => this.seatsOfBodies(bodyIds).then((by) => bodyIds.map((id) => by.get(id) ?? []))),
    ).load(plan.meeting.bodyId);
    return breakoutRoomInvitees(room.partyGroupId, seats, plan.policy);
  }

  /** A meeting's rooms that are not cancelled, through the request's loader (for queries). */
  async activeRoomsOfMeeting(meetingId: string): Promise<BreakoutRoom[]> {
    return (await this.roomsOfMeeting(meetingId)).filter((r) => r.status !== BreakoutRoomStatus.CANCELLED);
  }

  async meetingChanged(before: Meeting, after: Meeting): Promise<void> {
    if (after.status === MeetingStatus.CANCELLED) return this.cancelRooms(after);
    if (before.status === MeetingStatus.PLANNED && after.status === MeetingStatus.CONVENED) {
      const plan = await this.windows.load(after.id);
      if (plan?.policy.enabled) await this.setUpRooms(after.id);
      else await this.scheduler.reschedule(after.id);
      return;
    }
    const moved = before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
    if (moved || before.status !== after.status) await this.scheduler.reschedule(after.id);
  }

  private async cancelRooms(meeting: Meeting): Promise<void> {
    const em = await this.db.manager();
    await em.getRepository(BreakoutRoom).update(
      { meetingId: meeting.id, status: In([BreakoutRoomStatus.SCHEDULED, BreakoutRoomStatus.OPEN, BreakoutRoomStatus.CLOSED]) },
      {
        status: BreakoutRoomStatus.CANCELLED,
        closedAt: this.clock.now(),
      },
    );
    await this.scheduler.reschedule(meeting.id);
  }

  private async convened(meetingId: string) {
    const plan = await this.windows.load(meetingId);
    if (!plan) throw refuseRoom('NO_MEETING');
    if (!CONVENED_STATUSES.includes(plan.meeting.status)) throw refuseRoom('MEETING_NOT_CONVENED');
    if (!plan.policy.enabled) throw refuseRoom('ROOMS_DISABLED');
    return plan;
  }

  private async eligibleGroups(meeting: Meeting, policy: BreakoutRoomPolicy): Promise<PartyGroup[]> {
    const [groups, seats] = await Promise.all([this.partyGroups.all(), this.seats(meeting.bodyId)]);
    const inBody = (groupId: string) => seats.filter((s) => s.partyGroupId === groupId && s.role !== 'deputy').length;
    return eligiblePartyGroups(
      groups.map((g) => ({ ...g, seatsInBody: inBody(g.id) })),
      policy,
    );
  }

  /** The body's seats with each member's party group (through the member's party). */
  private async seats(bodyId: string): Promise<Seat[]> {
    return (await this.seatsOfBodies([bodyId])).get(bodyId) ?? [];
  }

  private async seatsOfBodies(bodyIds: readonly string[]): Promise<Map<string, Seat[]>> {
    const em = await this.db.manager();
    const rows: { body_id: string; member_id: string; role: MemberRole; party_group_id: string | null }[] = await em.query(
      `select bm.body_id, bm.member_id, bm.role, pg.id as party_group_id
         from body_membership bm
         join member m on m.tenant_id = bm.tenant_id and m.id = bm.member_id
         left join party_group pg on pg.tenant_id = m.tenant_id and pg.party_id = m.party_id
        where bm.body_id = any($1::uuid[])
        order by bm.role_rank, m.name`,
      [bodyIds],
    );
    const out = new Map<string, Seat[]>();
    for (const r of rows) out.set(r.body_id, [...(out.get(r.body_id) ?? []), { memberId: r.member_id, role: r.role, partyGroupId: r.party_group_id }]);
    return out;
  }

  private async insertRoom(meeting: Meeting, group: PartyGroup): Promise<BreakoutRoom> {
    const em = await this.db.manager();
    const room = em.getRepository(BreakoutRoom).create({
      id: randomUUID(),
      tenantId: meeting.tenantId,
      meetingId: meeting.id,
      partyGroupId: group.id,
      name: `Grupprum – ${group.name}`,
      status: BreakoutRoomStatus.SCHEDULED,
      externalId: null,
      openedAt: null,
      closedAt: null,
    });
    return em.getRepository(BreakoutRoom).save(room);
  }

  /** A meeting's rooms that are not cancelled, in no particular order. */
  async activeRoomsOf(meetingId: string): Promise<BreakoutRoom[]> {
    const em = await this.db.manager();
    return em.getRepository(BreakoutRoom).find({ where: { meetingId, status: Not(BreakoutRoomStatus.CANCELLED) } });
  }

  /** A meeting's rooms, in no particular order. */
  async allRoomsOf(meetingId: string): Promise<BreakoutRoom[]> {
    const em = await this.db.manager();
    return em.getRepository(BreakoutRoom).find({ where: { meetingId } });
  }

  /** The room a (nullable) reference points at, through the request's by-id loader. */
  load(id: string | null | undefined): Promise<BreakoutRoom | null> {
    return loadRef(this.db, BreakoutRoom, id);
  }
}
