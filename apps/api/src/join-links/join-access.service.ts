import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BreakoutRoom, BreakoutRoomStatus } from '../breakout-rooms/breakout-rooms.public.js';
import { MeetingWindowsService } from '../breakout-rooms/meeting-windows.service.js';
import { RoomProvisioner } from '../breakout-rooms/room-provisioner.service.js';
import { linkState, practiceLinkWindow, type LinkState, type TimeWindow } from '../breakout-rooms/windows.js';
import { Clock } from '../common/clock.js';
import { APP_DATA_SOURCE } from '../database/database.tokens.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Meeting } from '../meetings/meetings.public.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import { Member } from '../members/members.public.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import { isPlainOrigin, MunicipalitySettingsService } from '../tenancy/municipality-settings.service.js';
import type { JoinInfo } from '../video-platforms/video-platform.js';
import { VideoPlatforms } from '../video-platforms/video-platforms.js';
import { PracticeSessionsService } from '../training/practice-sessions.service.js';
import { PracticeLinksService } from './practice-links.service.js';
import { PracticeRoom } from './practice-room.js';
import { JoinLink } from './join-link.entity.js';
import { hashToken, looksLikeToken } from './join-token.js';
import { tokenOwner } from './token-owner.js';
import { RemoteEligibilityService, type BlockReason } from './remote-eligibility.service.js';

export interface JoinView {
  state: 'not_yet_open' | 'open' | 'closed';
  /** What the link opens: the meeting itself, a party group's room, or a practice session. */
  kind: 'meeting' | 'room' | 'practice';
  memberName: string;
  meetingTitle: string;
  /** The municipality holding the meeting, so the member knows whose link this is. */
  municipalityName: string;
  /** When the meeting (or practice session) itself starts. */
  startsAt: Date;
  /** The party group's room, or null for the meeting itself. */
  roomName: string | null;
  opensAt: Date | null;
  closesAt: Date | null;
  embedOrigins: string[];
  /** Only after entering, while open. */
  join: JoinInfo | null;
  /**
   * Set when the rules keep this member from taking part remotely right now (meeting links
   * only): why, and whom to contact. The link then opens nothing.
   */
  blocked: { reasons: BlockReason[]; contact: string | null } | null;
}

/** What one link opens, and how the member gets in while it is open. */
interface LinkTarget {
  kind: JoinView['kind'];
  title: string;
  startsAt: Date;
  roomName: string | null;
  state: LinkState;
  enter(member: Member, window: TimeWindow): Promise<JoinInfo>;
  /** Whether the rules keep the member out, judged now. */
  blocked(memberId: string): Promise<BlockReason[] | null>;
}

/**
 * What a join token opens, for the member's page. Looking (`resolve`) changes nothing, so a
 * mail scanner's or link preview's GET cannot count as the member coming in; `enter` is the
 * explicit step that hands out the way in and records the use. Unknown, malformed, revoked and expired
 * tokens, and tokens of cancelled meetings or withdrawn practice invitations, all come back as
 * null — the caller answers them identically.
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
    private readonly practiceLinks: PracticeLinksService,
    private readonly practiceRoom: PracticeRoom,
    private readonly practiceSessions: PracticeSessionsService,
    private readonly clock: Clock,
    private readonly eligibility: RemoteEligibilityService,
    private readonly directory: DirectoryService,
  ) {}

  /** What the link opens now, without side effects. */
  resolve(token: string): Promise<JoinView | null> {
    return this.lookup(token, false);
  }

  /**
   * The member comes in: while open and not blocked, hands out the way in, counts the use,
   * and records attendance (remote attendance, or a practice session's completion).
   */
  enter(token: string): Promise<JoinView | null> {
    return this.lookup(token, true);
  }

  private async lookup(token: string, entering: boolean): Promise<JoinView | null> {
    if (!looksLikeToken(token)) return null;
    const hash = hashToken(token);
    const tenant = await tokenOwner(this.dataSource, hash);
    if (!tenant) return null;
    return this.db.run(tenant, async (em) => {
      // The link with its member, room and meeting in one statement: a whole council opens its
      // links in the same minute, and each round trip is paid by every member.
      // The one deliberate read across capabilities (apps/api/src/README.md, "Read models"): the
      // members' own services would make it four statements again.
      /* eslint-disable no-restricted-syntax */
      const found = (await em
        .createQueryBuilder(JoinLink, 'link')
        .leftJoinAndMapOne('link.member', Member, 'member', 'member.tenantId = link.tenantId and member.id = link.memberId')
        .leftJoinAndMapOne('link.room', BreakoutRoom, 'room', 'room.tenantId = link.tenantId and room.id = link.roomId')
        .leftJoinAndMapOne('link.meeting', Meeting, 'meeting', 'meeting.tenantId = link.tenantId and meeting.id = link.meetingId')
        .where('link.tokenHash = :hash', { hash })
        .getOne()) as (JoinLink & { member?: Member; room?: BreakoutRoom; meeting?: Meeting }) | null;
      /* eslint-enable no-restricted-syntax */
      if (!found || found.revokedAt || !found.member) return null;
      const { member, room = null, meeting = null, ...rest } = found;
      const link = Object.assign(new JoinLink(), rest);
      const now = this.clock.now();
      const target = link.practiceSessionId ? await this.practiceTarget(link, now) : await this.meetingTarget(link, now, room, meeting);
      if (!target || target.state.state === 'invalid') return null;
      const state = target.state;
      const settings = await this.settings.current();
      const view: JoinView = {
        state: state.state,
        kind: target.kind,
        memberName: member.name,
        meetingTitle: target.title,
        municipalityName: this.directory.municipality(tenant)?.name ?? '',
        startsAt: target.startsAt,
        roomName: target.roomName,
        opensAt: state.state === 'open' ? state.window.opensAt : state.opensAt,
        closesAt: state.state === 'open' ? state.window.closesAt : null,
        // Rows saved before origins were checked strictly never reach the CSP header.
        embedOrigins: settings.embedOrigins.filter(isPlainOrigin),
        join: null,
        blocked: null,
      };
      // Judged at the moment of use, not when the link was sent: rules, roles and training change.
      const reasons = await target.blocked(member.id);
      if (reasons) view.blocked = { reasons, contact: settings.memberContact ?? null };
      if (entering && state.state === 'open' && !view.blocked) {
        view.join = await target.enter(member, state.window);
        await em.query(
          `update join_link set use_count = use_count + 1, last_used_at = $2, first_used_at = coalesce(first_used_at, $2), updated_at = now() where id = $1`,
          [link.id, now],
        );
      }
      return view;
    });
  }

  private async meetingTarget(link: JoinLink, now: Date, room: BreakoutRoom | null, meeting: Meeting | null): Promise<LinkTarget | null> {
    const meetingId = link.meetingId!;
    const plan = await this.windows.load(meetingId, meeting);
    if (!plan || plan.meeting.status === MeetingStatus.CANCELLED || plan.meeting.status === MeetingStatus.PLANNED) return null;
    if (link.roomId && (!room || room.status === BreakoutRoomStatus.CANCELLED)) return null;
    return {
      kind: room ? 'room' : 'meeting',
      title: plan.meeting.title,
      startsAt: plan.meeting.startsAt,
      roomName: room?.name ?? null,
      state: room ? linkState(plan.rooms, now, plan.moreMayCome) : linkState([plan.remote], now),
      enter: (member, window) => this.enterMeeting(link, meetingId, room, member, window, now),
      // Party-group rooms are the group's own deliberation, outside the meeting: the rules for
      // remote participation in the meeting govern only the link to the meeting itself.
      blocked: async (memberId) => {
        if (room) return null;
        const verdict = (await this.eligibility.eligibilityForRemote(meetingId, [memberId])).get(memberId);
        return verdict?.blocked ? verdict.reasons : null;
      },
    };
  }

  private async practiceTarget(link: JoinLink, now: Date): Promise<LinkTarget | null> {
    const session = await this.practiceSessions.get(link.practiceSessionId!);
    if (!session || !(await this.practiceLinks.invited(link))) return null;
    return {
      kind: 'practice',
      title: session.title,
      startsAt: session.startsAt,
      roomName: null,
      state: linkState([practiceLinkWindow(session)], now),
      enter: async (member, window) => {
        const join = await this.practiceRoom.joinInfo(session, member, window);
        // Coming in is attending: the module is completed through the same idempotent record.
        await this.practiceSessions.attendByLink(session, member.id, now);
        return join;
      },
      blocked: async () => null,
    };
  }

  /** Hands out the way in, and for the meeting itself records remote attendance. */
  private async enterMeeting(link: JoinLink, meetingId: string, room: BreakoutRoom | null, member: Member, window: TimeWindow, now: Date): Promise<JoinInfo> {
    const em = await this.db.manager();
    const stored = await this.provisioner.provisioned(meetingId);
    const provisioned = stored && (!room || stored.rooms.some((r) => r.key === room.id)) ? stored : await this.provisioner.ensureProvisioned(meetingId);
    const join = await this.platforms
      .get(provisioned.platform)
      .joinInfo(provisioned, room?.id, { id: member.id, name: member.name, email: member.email }, { notBefore: window.opensAt, expiresAt: window.closesAt });
    if (!room) {
      // Idempotent: the first use sets joined_at; later uses leave it.
      await em.query(
        `insert into attendance (id, meeting_id, member_id, mode, joined_at) values ($1, $2, $3, 'remote', $4)
         on conflict (tenant_id, meeting_id, member_id)
         do update set mode = 'remote', joined_at = coalesce(attendance.joined_at, excluded.joined_at), updated_at = now()`,
        [randomUUID(), meetingId, link.memberId, now],
      );
    }
    return join;
  }
}
