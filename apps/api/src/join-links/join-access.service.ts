import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BreakoutRoom, BreakoutRoomStatus } from '../breakout-rooms/breakout-room.entity.js';
import { MeetingWindowsService } from '../breakout-rooms/meeting-windows.service.js';
import { RoomProvisioner } from '../breakout-rooms/room-provisioner.service.js';
import { linkState, type TimeWindow } from '../breakout-rooms/windows.js';
import { Clock } from '../common/clock.js';
import { APP_DATA_SOURCE } from '../database/database.tokens.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import { Member } from '../members/member.entity.js';
import { MunicipalitySettingsService } from '../tenancy/municipality-settings.service.js';
import type { JoinInfo } from '../video-platforms/video-platform.js';
import { VideoPlatforms } from '../video-platforms/video-platforms.js';
import { JoinLink } from './join-link.entity.js';
import { hashToken, looksLikeToken } from './join-token.js';
import { tokenOwner } from './token-owner.js';

export interface JoinView {
  state: 'not_yet_open' | 'open' | 'closed';
  memberName: string;
  meetingTitle: string;
  /** The party group's room, or null for the meeting itself. */
  roomName: string | null;
  opensAt: Date | null;
  closesAt: Date | null;
  embedOrigins: string[];
  /** Only while open. */
  join: JoinInfo | null;
}

/**
 * What a join token opens, for the member's page. Unknown, malformed, revoked and expired
 * tokens, and tokens of cancelled meetings, all come back as null — the caller answers them
 * identically.
 */
@Injectable()
export class JoinAccessService {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly windows: MeetingWindowsService,
    private readonly provisioner: RoomProvisioner,
    private readonly platforms: VideoPlatforms,
    private readonly settings: MunicipalitySettingsService,
    private readonly clock: Clock,
  ) {}

  async resolve(token: string): Promise<JoinView | null> {
    if (!looksLikeToken(token)) return null;
    const hash = hashToken(token);
    const tenant = await tokenOwner(this.dataSource, hash);
    if (!tenant) return null;
    return this.db.run(tenant, async (em) => {
      const link = await em.getRepository(JoinLink).findOne({ where: { tokenHash: hash } });
      if (!link || link.revokedAt) return null;
      const plan = await this.windows.load(link.meetingId);
      if (!plan || plan.meeting.status === MeetingStatus.CANCELLED || plan.meeting.status === MeetingStatus.PLANNED) return null;
      const room = link.roomId ? await em.getRepository(BreakoutRoom).findOne({ where: { id: link.roomId } }) : null;
      if (link.roomId && (!room || room.status === BreakoutRoomStatus.CANCELLED)) return null;
      const now = this.clock.now();
      const state = room ? linkState(plan.rooms, now, plan.moreMayCome) : linkState([plan.remote], now);
      if (state.state === 'invalid') return null;
      const member = await em.getRepository(Member).findOneOrFail({ where: { id: link.memberId } });
      const view: JoinView = {
        state: state.state,
        memberName: member.name,
        meetingTitle: plan.meeting.title,
        roomName: room?.name ?? null,
        opensAt: state.state === 'open' ? state.window.opensAt : state.opensAt,
        closesAt: state.state === 'open' ? state.window.closesAt : null,
        embedOrigins: (await this.settings.current()).embedOrigins,
        join: null,
      };
      if (state.state === 'open') view.join = await this.enter(link, room, member, state.window);
      return view;
    });
  }

  /** Hands out the way in, counts the use, and for the meeting itself records remote attendance. */
  private async enter(link: JoinLink, room: BreakoutRoom | null, member: Member, window: TimeWindow): Promise<JoinInfo> {
    const em = await this.db.manager();
    const stored = await this.provisioner.provisioned(link.meetingId);
    const provisioned = stored && (!room || stored.rooms.some((r) => r.key === room.id)) ? stored : await this.provisioner.ensureProvisioned(link.meetingId);
    const join = await this.platforms
      .get(provisioned.platform)
      .joinInfo(provisioned, room?.id, { id: member.id, name: member.name, email: member.email }, { notBefore: window.opensAt, expiresAt: window.closesAt });
    const now = this.clock.now();
    await em.query(
      `update join_link set use_count = use_count + 1, last_used_at = $2, first_used_at = coalesce(first_used_at, $2), updated_at = now() where id = $1`,
      [link.id, now],
    );
    if (!room) {
      // Idempotent: the first use sets joined_at; later uses leave it.
      await em.query(
        `insert into attendance (id, meeting_id, member_id, mode, joined_at) values ($1, $2, $3, 'remote', $4)
         on conflict (tenant_id, meeting_id, member_id)
         do update set mode = 'remote', joined_at = coalesce(attendance.joined_at, excluded.joined_at), updated_at = now()`,
        [randomUUID(), link.meetingId, link.memberId, now],
      );
    }
    return join;
  }
}
