import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS, MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { Body } from '../bodies/bodies.public.js';
import { IdArgs } from '../common/crud/id-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { RecordSubCommitteeRemoteDecisionInput } from './rules.inputs.js';
import { SubCommitteeDecisionsService } from './sub-committee-decisions.service.js';
import { SubCommitteeRemoteDecision } from './sub-committee-remote-decision.entity.js';

@Resolver(() => Body)
export class SubCommitteeDecisionsResolver {
  constructor(private readonly decisions: SubCommitteeDecisionsService) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [SubCommitteeRemoteDecision], {
    name: 'subCommitteeRemoteDecisions',
    description: "The parent committee's decisions on remote participation in this sub-committee, newest first",
  })
  async listDecisions(@Args('bodyId', { type: () => ID }) bodyId: string) {
    await parseInput(IdArgs, { id: bodyId });
    return this.decisions.list(bodyId);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => SubCommitteeRemoteDecision, { description: "Records the parent committee's decision; the one in force on a meeting's date applies" })
  async recordSubCommitteeRemoteDecision(@Args('input') input: RecordSubCommitteeRemoteDecisionInput) {
    return this.decisions.record(await parseInput(RecordSubCommitteeRemoteDecisionInput, input));
  }

  @ResolveField(() => [SubCommitteeRemoteDecision], {
    name: 'subCommitteeRemoteDecisions',
    description: "Sub-committees: the parent committee's decisions on remote participation, newest first",
  })
  decisionsOf(@Parent() body: Body) {
    return body.kind === 'sub_committee' ? this.decisions.listOfBody(body.id) : [];
  }
}
