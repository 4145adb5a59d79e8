import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS, MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { BreakoutRoom } from '../breakout-rooms/breakout-room.entity.js';
import { loadRef } from '../common/by-id-loader.js';
import { IdArgs } from '../common/crud/id-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Member } from '../members/member.entity.js';
import { JoinLink } from './join-link.entity.js';
import { JoinLinksService } from './join-links.service.js';

@Resolver(() => JoinLink)
export class JoinLinksResolver {
  constructor(
    private readonly links: JoinLinksService,
    private readonly db: TenantDb,
  ) {}

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => JoinLink, { description: 'Stops a join link from working at once' })
  async revokeJoinLink(@Args() args: IdArgs) {
    const { id } = await parseInput(IdArgs, args);
    return this.links.revoke(id);
  }

  @ResolveField(() => Member)
  member(@Parent() link: JoinLink) {
    return loadRef(this.db, Member, link.memberId);
  }

  @ResolveField(() => BreakoutRoom, { nullable: true })
  room(@Parent() link: JoinLink) {
    return loadRef(this.db, BreakoutRoom, link.roomId);
  }
}

@Resolver(() => Meeting)
export class MeetingJoinLinksResolver {
  constructor(private readonly links: JoinLinksService) {}

  @Roles(...MUNICIPAL_READERS)
  @ResolveField(() => [JoinLink], { description: 'Personal join links: to the rooms, and to the meeting for remote members' })
  joinLinks(@Parent() meeting: Meeting) {
    return this.links.linksOf(meeting.id);
  }
}
