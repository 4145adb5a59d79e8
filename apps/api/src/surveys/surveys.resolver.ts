import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS, MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { IdArgs } from '../common/crud/id-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { AnswerSurveyInput, CreateSurveyInput, Survey } from './survey.model.js';
import { SurveysService } from './surveys.service.js';

@Resolver(() => Survey)
export class SurveysResolver {
  constructor(private readonly service: SurveysService) {}

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Query(() => [Survey], { description: 'Surveys the caller asked, was asked, or (coordinators) all of the region' })
  surveys() {
    return this.service.list();
  }

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Query(() => Survey, { nullable: true })
  async survey(@Args('id', { type: () => ID }) id: string) {
    // Checked before it reaches a uuid column: a malformed id is the caller's mistake, not a server error.
    await parseInput(IdArgs, { id });
    return this.service.get(id);
  }

  @Roles(...MUNICIPAL_WRITERS, 'coordinator')
  @Mutation(() => Survey, { description: 'Ask selected municipalities of the region a question set' })
  async createSurvey(@Args('input') input: CreateSurveyInput) {
    return this.service.create(await parseInput(CreateSurveyInput, input));
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => Survey, { description: "The municipality's answers; can be changed until the deadline" })
  async answerSurvey(@Args('id', { type: () => ID }) id: string, @Args('input') input: AnswerSurveyInput) {
    await parseInput(IdArgs, { id });
    return this.service.answer(id, await parseInput(AnswerSurveyInput, input));
  }

  @Roles(...MUNICIPAL_WRITERS, 'coordinator')
  @Mutation(() => Int, { description: 'Remind those who have not answered (once a day); returns how many they are' })
  async remindSurvey(@Args('id', { type: () => ID }) id: string) {
    await parseInput(IdArgs, { id });
    return this.service.remind(id);
  }
}
