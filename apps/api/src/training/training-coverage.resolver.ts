import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { Body } from '../bodies/bodies.public.js';
import { parseInput } from '../common/crud/parse-input.js';
import { Member } from '../members/members.public.js';
import { BlockedMember, CoverageMember, CoverageRow, CoverageStatus, MeetingTrainingGaps, RegionalCoverageRow } from './training-coverage.model.js';
import { TrainingCoverageService } from './training-coverage.service.js';
import { BlockedMembersArgs, CoverageFilter } from './training.inputs.js';
import { BodiesService } from '../bodies/bodies.service.js';
import { MembersService } from '../members/members.service.js';

@Resolver()
export class TrainingCoverageResolver {
  constructor(private readonly coverage: TrainingCoverageService) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [CoverageRow], { description: 'Per body, seat role and module: trained, expiring within 30 days, expired, missing' })
  async trainingCoverage(@Args('filter', { type: () => CoverageFilter, nullable: true }) filter?: CoverageFilter) {
    return this.coverage.coverage(filter ? await parseInput(CoverageFilter, filter) : {});
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [CoverageMember], { description: 'The members behind the coverage figures (at most 2000 rows)' })
  async trainingCoverageMembers(
    @Args('filter', { type: () => CoverageFilter, nullable: true }) filter?: CoverageFilter,
    @Args('status', { type: () => CoverageStatus, nullable: true }) status?: CoverageStatus,
  ) {
    return this.coverage.members(filter ? await parseInput(CoverageFilter, filter) : {}, status ?? undefined);
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [MeetingTrainingGaps], { description: 'For each upcoming meeting, who would be blocked from taking part remotely for want of training' })
  async meetingTrainingGaps(@Args() args: BlockedMembersArgs) {
    const { requiredModuleKeys, withinDays } = await parseInput(BlockedMembersArgs, args);
    return this.coverage.blockedInUpcomingMeetings(requiredModuleKeys ?? undefined, withinDays);
  }

  @Roles('coordinator')
  @Query(() => [RegionalCoverageRow], { description: 'Regional coordinators: counts per municipality, regional module and seat role; no names' })
  async regionalTrainingCoverage(@Args('onDate', { nullable: true, type: () => String }) onDate?: string) {
    const { onDate: date } = await parseInput(CoverageFilter, { onDate: onDate ?? undefined });
    return this.coverage.regional(date);
  }
}

@Resolver(() => CoverageRow)
export class CoverageRowResolver {
  constructor(private readonly bodies: BodiesService) {}

  @ResolveField(() => Body, { nullable: true })
  body(@Parent() row: CoverageRow) {
    return this.bodies.load(row.bodyId);
  }
}

@Resolver(() => CoverageMember)
export class CoverageMemberResolver {
  constructor(
    private readonly members: MembersService,
    private readonly bodies: BodiesService,
  ) {}

  @ResolveField(() => Member, { nullable: true })
  member(@Parent() row: CoverageMember) {
    return this.members.load(row.memberId);
  }

  @ResolveField(() => Body, { nullable: true })
  body(@Parent() row: CoverageMember) {
    return this.bodies.load(row.bodyId);
  }
}

@Resolver(() => BlockedMember)
export class BlockedMemberResolver {
  constructor(private readonly members: MembersService) {}

  @ResolveField(() => Member, { nullable: true })
  member(@Parent() row: BlockedMember) {
    return this.members.load(row.memberId);
  }
}
