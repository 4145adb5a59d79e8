import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { Clock } from '../common/clock.js';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules';
import { TenantDb } from '../database/tenant-db.service.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import { MunicipalitySettingsService } from '../tenancy/municipality-settings.service.js';
import type { PlatformKey, ProvisionedVideoMeeting, VideoParticipant } from '../video-platforms/video-platform.js';
import { VideoMeeting } from './video-meeting.entity.js';
import { VideoPlatforms } from '../video-platforms/video-platforms.js';
import { BreakoutRoom, BreakoutRoomStatus } from './breakout-room.entity.js';
import { BreakoutRoomsService } from './breakout-rooms.service.js';
import { MeetingWindowsService } from './meeting-windows.service.js';
import { PROVISION_AHEAD_MINUTES } from './room-scheduler.service.js';
import { linkState } from './windows.js';
import { MembersService } from '../members/members.service.js';

/**
 * Brings a meeting's video meeting and party rooms to the state its windows ask for. Runs in
 * the meeting's tenant transaction; everything it does can be done again with the same result.
 */
@Injectable()
export class RoomProvisioner {
  constructor(
    private readonly db: TenantDb,
    private readonly windows: MeetingWindowsService,
    private readonly rooms: BreakoutRoomsService,
    private readonly platforms: VideoPlatforms,
    private readonly settings: MunicipalitySettingsService,
    private readonly clock: Clock,
    private readonly members: MembersService,
  ) {}

  /** The meeting as provisioned, from the stored ids only; null before provisioning. */
  async provisioned(meetingId: string): Promise<ProvisionedVideoMeeting | null> {
    const em = await this.db.manager();
    const record = await em.getRepository(VideoMeeting).findOne({ where: { meetingId } });
    if (!record?.externalId) return null;
    const rooms = await em.getRepository(BreakoutRoom).find({ where: { meetingId } });
    return {
      platform: record.platform,
      externalId: record.externalId,
      rooms: rooms.filter((r) => r.externalId).map((r) => ({ key: r.id, externalId: r.externalId! })),
    };
  }

  /**
   * Provisions the meeting and its rooms unless the stored ids say it is done. The meeting's
   * row is locked first, so concurrent callers (a job and a member's first join) wait for one
   * another; a worker killed mid-call leaves nothing stored, and the next attempt asks the
   * platform again under the same keys, which the adapter contract makes idempotent.
   */
  async ensureProvisioned(meetingId: string): Promise<ProvisionedVideoMeeting> {
    const em = await this.db.manager();
    const settings = await this.settings.current();
    const plan = (await this.windows.load(meetingId))!;
    const platform = this.platforms.choose(plan.meeting.platformKey, settings.videoPlatform);
    await em.query(`insert into video_meeting (meeting_id, platform) values ($1, $2) on conflict do nothing`, [meetingId, platform]);
    const [locked] = await em.query(`select platform from video_meeting where meeting_id = $1 for update`, [meetingId]);
    const rooms = await em.getRepository(BreakoutRoom).find({ where: { meetingId, status: Not(BreakoutRoomStatus.CANCELLED) }, order: { name: 'ASC' } });
    const stored = await this.provisioned(meetingId);
    if (stored && rooms.every((r) => r.externalId)) return stored;

    const adapter = this.platforms.get(locked.platform as PlatformKey);
    const result = await adapter.provision({
      key: meetingId,
      title: plan.meeting.title,
      startsAt: plan.meeting.startsAt,
      endsAt: plan.meeting.endsAt,
      timeZone: MUNICIPAL_TIME_ZONE,
      rooms: await Promise.all(rooms.map(async (r) => ({ key: r.id, name: r.name, invitees: await this.participants(await this.rooms.invitees(r)) }))),
    });
    await em.getRepository(VideoMeeting).update({ meetingId }, { externalId: result.externalId, provisionedAt: this.clock.now() });
    for (const r of result.rooms) await em.getRepository(BreakoutRoom).update({ id: r.key, meetingId }, { externalId: r.externalId });
    return result;
  }

  /** What a window-edge job does: provision ahead of the first window, open and close rooms, close at the end. */
  async sync(meetingId: string): Promise<void> {
    const plan = await this.windows.load(meetingId);
    if (!plan || plan.meeting.status === MeetingStatus.PLANNED) return;
    const em = await this.db.manager();
    const now = this.clock.now();
    if (plan.meeting.status === MeetingStatus.CANCELLED) return this.close(meetingId, BreakoutRoomStatus.CANCELLED);
    const all = [...plan.rooms, plan.remote];
    const firstOpen = Math.min(...all.map((w) => w.opensAt.getTime()));
    const lastClose = Math.max(...all.map((w) => w.closesAt.getTime()));
    if (now.getTime() >= lastClose && !plan.moreMayCome) return this.close(meetingId, BreakoutRoomStatus.CLOSED);
    if (now.getTime() < firstOpen - PROVISION_AHEAD_MINUTES * 60_000) return;
    await this.ensureProvisioned(meetingId);
    const state = linkState(plan.rooms, now, plan.moreMayCome).state;
    const repo = em.getRepository(BreakoutRoom);
    const live = { meetingId, status: In([BreakoutRoomStatus.SCHEDULED, BreakoutRoomStatus.OPEN, BreakoutRoomStatus.CLOSED]) };
    if (state === 'open') {
      await repo.update({ ...live, status: Not(BreakoutRoomStatus.OPEN) }, { status: BreakoutRoomStatus.OPEN, closedAt: null });
      await em.query(`update breakout_room set opened_at = $2 where meeting_id = $1 and opened_at is null`, [meetingId, now]);
    } else if (state !== 'not_yet_open') {
      await repo.update({ meetingId, status: BreakoutRoomStatus.OPEN }, { status: BreakoutRoomStatus.CLOSED, closedAt: now });
    }
  }

  private async close(meetingId: string, roomStatus: BreakoutRoomStatus): Promise<void> {
    const em = await this.db.manager();
    const now = this.clock.now();
    const record = await em.getRepository(VideoMeeting).findOne({ where: { meetingId } });
    const provisioned = await this.provisioned(meetingId);
    if (record && provisioned && !record.closedAt) {
      await this.platforms.get(record.platform).close(provisioned);
      await em.getRepository(VideoMeeting).update({ meetingId }, { closedAt: now });
    }
    await em
      .getRepository(BreakoutRoom)
      .update({ meetingId, status: In([BreakoutRoomStatus.SCHEDULED, BreakoutRoomStatus.OPEN]) }, { status: roomStatus, closedAt: now });
  }

  private async participants(memberIds: string[]): Promise<VideoParticipant[]> {
    if (!memberIds.length) return [];
    const members = await this.members.byIds(memberIds);
    return members.map((m) => ({ id: m.id, name: m.name, email: m.email }));
  }
}
