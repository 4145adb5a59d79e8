import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { IdArgs } from '../common/crud/id-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { notFound } from '../common/app-error.js';
import { ComplianceFacts } from './compliance-facts.js';
import { Meeting } from '../meetings/meetings.public.js';
import { ComplianceService } from './compliance.service.js';
import { MeetingEvaluation } from './evaluation.model.js';

@Resolver(() => Meeting)
export class ComplianceResolver {
  constructor(
    private readonly evaluations: ComplianceService,
    private readonly facts: ComplianceFacts,
  ) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => MeetingEvaluation, {
    description: 'Judges a meeting by the rule version in force on its date: findings, who may take part remotely in what, quorum per item',
  })
  async evaluateMeeting(@Args('meetingId', { type: () => ID }) meetingId: string) {
    await parseInput(IdArgs, { id: meetingId });
    const meeting = await this.facts.meetings.load(meetingId);
    if (!meeting) throw notFound('Mötet', meetingId);
    return this.evaluations.evaluate(meeting);
  }

  @ResolveField(() => MeetingEvaluation, { description: 'The evaluation (evaluated for all meetings of a list at once)' })
  compliance(@Parent() meeting: Meeting) {
    return this.evaluations.evaluate(meeting);
  }
}
