import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { Meeting } from '../meetings/meetings.public.js';
import { JoinLinksService } from './join-links.service.js';
import { RemoteEligibilityService } from './remote-eligibility.service.js';
import { BlockedFromRemote } from './remote-eligibility.model.js';

@Resolver(() => Meeting)
export class MeetingRemoteEligibilityResolver {
  constructor(
    private readonly links: JoinLinksService,
    private readonly eligibility: RemoteEligibilityService,
  ) {}

  @Roles(...MUNICIPAL_READERS)
  @ResolveField(() => [BlockedFromRemote], {
    description: 'Members with a link to the meeting itself whom the rules keep from taking part remotely: the secretary reaches them',
  })
  async membersBlockedFromRemote(@Parent() meeting: Meeting): Promise<BlockedFromRemote[]> {
    const links = (await this.links.invitationsOf(meeting.id)).filter((l) => !l.roomId && !l.revokedAt);
    const blocked = await this.eligibility.blockedAmong(meeting.id, [...new Set(links.map((l) => l.memberId))]);
    return blocked.map(({ member, reasons }) => ({ member, codes: reasons.map((r) => r.code), reasons: reasons.map((r) => ({ sv: r.sv, en: r.en })) }));
  }
}
