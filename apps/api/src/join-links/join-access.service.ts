import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BreakoutRoom, BreakoutRoomStatus } from '../breakout-rooms/breakout-rooms.public.js';
import { MeetingWindowsService, windowsOf } from '../breakout-rooms/meeting-windows.service.js';
import { policyOf } from '../breakout-rooms/breakout-policy.js';
import { publishedInForce } from '../rules/rule-sets.service.js';
import { RoomProvisioner } from '../breakout-rooms/room-provisioner.service.js';
import { linkState, practiceLinkWindow, type LinkState, type TimeWindow } from '../breakout-rooms/windows.js';
import { Clock } from '../common/clock.js';
import { APP_DATA_SOURCE } from '../database/database.tokens.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Meeting } from '../meetings/meetings.public.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import type { Member } from '../members/members.public.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import { isPlainOrigin, settingsOrDefaults } from '../tenancy/municipality-settings.service.js';
import type { MunicipalitySettings } from '../tenancy/municipality-settings.entity.js';
import type { JoinInfo } from '../video-platforms/video-platform.js';
import { VideoPlatforms } from '../video-platforms/video-platforms.js';
import { PracticeSessionsService } from '../training/practice-sessions.service.js';
import { PracticeLinksService } from './practice-links.service.js';
import { PracticeRoom } from './practice-room.js';
import { JoinLink } from './join-link.entity.js';
import { hashToken, looksLikeToken } from './join-token.js';
import { JoinLookup, type JoinRows } from './join-lookup.js';
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
    @Inject(APP_DATA_SOURCE) dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly windows: MeetingWindowsService,
    private readonly provisioner: RoomProvisioner,
    private readonly platforms: VideoPlatforms,
    private readonly practiceLinks: PracticeLinksService,
    private readonly practiceRoom: PracticeRoom,
    private readonly practiceSessions: PracticeSessionsService,
    private readonly clock: Clock,
    private readonly eligibility: RemoteEligibilityService,
    private readonly directory: DirectoryService,
  ) {
    this.rows = new JoinLookup(dataSource);
  }

  private readonly rows: JoinLookup;

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
    const rows = await this.rows.find(hashToken(token));
    const member = rows?.member;
    if (!rows || rows.link.revokedAt || !member) return null;
    const now = this.clock.now();
    // A party group's room asks nothing of the rules but its windows: looking at its link is
    // answered from the one look-up, with no transaction at all.
    if (!entering && rows.room && !rows.link.practiceSessionId) {
      const view = this.roomView(rows, now);
      if (view !== undefined) return view;
    }
    return this.db.run(rows.tenantId, async (em) => {
      const { link, room, meeting } = rows;
      const target = link.practiceSessionId ? await this.practiceTarget(link, now) : await this.meetingTarget(link, now, room, meeting, rows);
      if (!target || target.state.state === 'invalid') return null;
      const state = target.state;
      const settings = settingsOrDefaults(rows.tenantId, rows.settings);
      const view = this.view(rows, target, state, settings);
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

  /**
   * A room link's view from the look-up's rows alone, or undefined when they do not suffice (a
   * published rule-set version this process has not read yet): then the caller goes the long
   * way, which reads and keeps it. Published versions never change, so nothing here is stale.
   */
  private roomView(rows: JoinRows, now: Date): JoinView | null | undefined {
    const { room, meeting, body } = rows;
    if (!room || !meeting || !body) return undefined;
    if (meeting.status === MeetingStatus.CANCELLED || meeting.status === MeetingStatus.PLANNED || room.status === BreakoutRoomStatus.CANCELLED) return null;
    const version = publishedInForce(rows.ruleSets, meeting.startsAt);
    if (version === undefined) return undefined;
    const plan = windowsOf(meeting, body, rows.recesses, policyOf(body, version));
    const state = linkState(plan.rooms, now, plan.moreMayCome);
    if (state.state === 'invalid') return null;
    return this.view(
      rows,
      { kind: 'room', title: meeting.title, startsAt: meeting.startsAt, roomName: room.name },
      state,
      settingsOrDefaults(rows.tenantId, rows.settings),
    );
  }

  private view(
    rows: JoinRows,
    target: Pick<LinkTarget, 'kind' | 'title' | 'startsAt' | 'roomName'>,
    state: Exclude<LinkState, { state: 'invalid' }>,
    settings: Pick<MunicipalitySettings, 'embedOrigins'>,
  ): JoinView {
    return {
      state: state.state,
      kind: target.kind,
      memberName: rows.member?.name ?? '',
      meetingTitle: target.title,
      municipalityName: this.directory.municipality(rows.tenantId)?.name ?? '',
      startsAt: target.startsAt,
      roomName: target.roomName,
      opensAt: state.state === 'open' ? state.window.opensAt : state.opensAt,
      closesAt: state.state === 'open' ? state.window.closesAt : null,
      // Rows saved before origins were checked strictly never reach the CSP header.
      embedOrigins: settings.embedOrigins.filter(isPlainOrigin),
      join: null,
      blocked: null,
    };
  }

  private async meetingTarget(link: JoinLink, now: Date, room: BreakoutRoom | null, meeting: Meeting | null, rows: JoinRows): Promise<LinkTarget | null> {
    const meetingId = link.meetingId!;
    const plan = await this.windows.load(meetingId, meeting, rows.body ? { body: rows.body, recesses: rows.recesses } : undefined);
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
