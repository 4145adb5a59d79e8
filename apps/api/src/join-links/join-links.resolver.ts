import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS, MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { BreakoutRoom } from '../breakout-rooms/breakout-rooms.public.js';
import { IdArgs } from '../common/crud/id-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { Meeting } from '../meetings/meetings.public.js';
import { Member } from '../members/members.public.js';
import { PracticeSession } from '../training/training.public.js';
import { PracticeSessionsService } from '../training/practice-sessions.service.js';
import { PracticeLinksService } from './practice-links.service.js';
import { JoinLink } from './join-link.entity.js';
import { JoinLinksService } from './join-links.service.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { LinkDeliveryService } from './link-delivery.service.js';
import { AuditService } from '../audit/audit.service.js';
import { MembersService } from '../members/members.service.js';
import { BreakoutRoomsService } from '../breakout-rooms/breakout-rooms.service.js';
import { LinkDeliveryReport, ResentJoinLink } from './join-links.model.js';

/** The invited members without e-mail, whom the secretary reaches another way (through the request's member loader). */
async function withoutEmail(members: MembersService, links: JoinLink[]): Promise<Member[]> {
  if (!links.length) return [];
  return (await members.loadByName(links.map((l) => l.memberId))).filter((m) => !m.email);
}

@Resolver(() => JoinLink)
export class JoinLinksResolver {
  constructor(
    private readonly links: JoinLinksService,
    private readonly delivery: LinkDeliveryService,
    private readonly feeds: CalendarFeedsService,
    private readonly audit: AuditService,
    private readonly members: MembersService,
    private readonly rooms: BreakoutRoomsService,
  ) {}

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => ResentJoinLink, { description: 'Sends a link again with a new token; the old token stops working' })
  async resendJoinLink(@Args() args: IdArgs) {
    const { id } = await parseInput(IdArgs, args);
    const resent = await this.delivery.resend(id);
    await this.audit.record({
      action: 'join-link.resent',
      subjectType: 'join_link',
      subjectId: id,
      reason: '',
      details: { channel: resent.link.deliveryChannel },
    });
    return resent;
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => LinkDeliveryReport, {
    description: 'Sends now every link of the meeting not yet delivered (otherwise sent automatically before the rooms open)',
  })
  async sendJoinLinks(@Args('meetingId', { type: () => ID }) meetingId: string) {
    await parseInput(IdArgs, { id: meetingId });
    // In the request's own unit of work: the invitations go out only if it commits, and the
    // audit log names who sent them.
    const { sent, forSecretary, blocked } = await this.delivery.sendMeeting(meetingId, true);
    await this.audit.record({ action: 'join-links.sent', subjectType: 'meeting', subjectId: meetingId, reason: '', details: { sent, forSecretary, blocked } });
    return { sent, forSecretary, blocked };
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => String, { description: 'A new personal calendar feed URL for a member (shown once; any earlier one stops working)' })
  async issueCalendarFeed(@Args('memberId', { type: () => ID }) memberId: string) {
    await parseInput(IdArgs, { id: memberId });
    return this.feeds.issue(memberId);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => JoinLink, { description: 'Stops a join link from working at once' })
  async revokeJoinLink(@Args() args: IdArgs) {
    const { id } = await parseInput(IdArgs, args);
    const revoked = await this.links.revoke(id);
    await this.audit.record({ action: 'join-link.revoked', subjectType: 'join_link', subjectId: id, reason: '' });
    return revoked;
  }

  @ResolveField(() => Member)
  member(@Parent() link: JoinLink) {
    return this.members.load(link.memberId);
  }

  @ResolveField(() => BreakoutRoom, { nullable: true })
  room(@Parent() link: JoinLink) {
    return this.rooms.load(link.roomId);
  }
}

@Resolver(() => Meeting)
export class MeetingJoinLinksResolver {
  constructor(
    private readonly links: JoinLinksService,
    private readonly members: MembersService,
  ) {}

  @Roles(...MUNICIPAL_READERS)
  @ResolveField(() => [Member], { description: 'Invited members without e-mail: the secretary reaches them another way' })
  async membersWithoutEmail(@Parent() meeting: Meeting) {
    return withoutEmail(this.members, await this.links.invitationsOf(meeting.id));
  }

  @Roles(...MUNICIPAL_READERS)
  @ResolveField(() => [JoinLink], { description: 'Personal join links: to the rooms, and to the meeting for remote members' })
  joinLinks(@Parent() meeting: Meeting) {
    return this.links.invitationsOf(meeting.id);
  }
}

@Resolver(() => PracticeSession)
export class PracticeSessionJoinLinksResolver {
  constructor(
    private readonly links: PracticeLinksService,
    private readonly sessions: PracticeSessionsService,
    private readonly delivery: LinkDeliveryService,
    private readonly members: MembersService,
  ) {}

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => LinkDeliveryReport, { description: "Sends every invitee's personal link to the practice session not yet delivered" })
  async sendPracticeSessionLinks(@Args('sessionId', { type: () => ID }) sessionId: string) {
    await parseInput(IdArgs, { id: sessionId });
    await this.sessions.getOrFail(sessionId);
    const { sent, forSecretary, blocked } = await this.delivery.sendPracticeSession(sessionId);
    return { sent, forSecretary, blocked };
  }

  @Roles(...MUNICIPAL_READERS)
  @ResolveField(() => [Member], { description: 'Invitees without e-mail: the secretary hands them their link another way' })
  async membersWithoutEmail(@Parent() session: PracticeSession) {
    return withoutEmail(this.members, await this.links.invitationsOf(session.id));
  }

  @Roles(...MUNICIPAL_READERS)
  @ResolveField(() => [JoinLink], { description: "Invitees' personal join links to the session's video room" })
  joinLinks(@Parent() session: PracticeSession) {
    return this.links.invitationsOf(session.id);
  }
}
