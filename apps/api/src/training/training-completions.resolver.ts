import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS, MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { IdArgs } from '../common/crud/id-args.js';
import { ListArgs, PageOf } from '../common/crud/list-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { Member } from '../members/members.public.js';
import { CompletionCsvService } from './completion-csv.service.js';
import { CompletionImportReport } from './completion-import.model.js';
import { TrainingCompletionRecord } from './training-completion.entity.js';
import { TrainingCompletionsService } from './training-completions.service.js';
import { TrainingModule } from './training-module.entity.js';
import { TrainingModulesService } from './training-modules.service.js';
import { ImportCompletionsArgs, RecordTrainingCompletionInput, TrainingCompletionFilter } from './training.inputs.js';
import { MembersService } from '../members/members.service.js';

const CompletionPage = PageOf(TrainingCompletionRecord);

/** Completions are added, never edited or removed: the list is the member's training record. */
@Resolver(() => TrainingCompletionRecord)
export class TrainingCompletionsResolver {
  constructor(
    private readonly service: TrainingCompletionsService,
    private readonly csv: CompletionCsvService,
    private readonly modules: TrainingModulesService,
    private readonly members: MembersService,
  ) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => CompletionPage)
  async trainingCompletions(
    @Args() args: ListArgs,
    @Args('filter', { type: () => TrainingCompletionFilter, nullable: true }) filter?: TrainingCompletionFilter,
  ) {
    return this.service.list(await parseInput(ListArgs, args), filter ? await parseInput(TrainingCompletionFilter, filter) : undefined);
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => TrainingCompletionRecord, { nullable: true })
  async trainingCompletion(@Args() { id }: IdArgs) {
    await parseInput(IdArgs, { id });
    return this.service.get(id);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => TrainingCompletionRecord, { description: 'Records that a member completed a module; a later completion supersedes earlier ones' })
  async recordTrainingCompletion(@Args('input', { type: () => RecordTrainingCompletionInput }) input: RecordTrainingCompletionInput) {
    const { memberId, moduleKey, completedOn } = await parseInput(RecordTrainingCompletionInput, input);
    return this.service.record(memberId, moduleKey, completedOn);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => CompletionImportReport, {
    description:
      'Imports completions from CSV (header: member_id;member_name;member_email;module_key;completed_on). Nothing is imported while any row is bad; already recorded rows are skipped.',
  })
  async importTrainingCompletions(@Args() args: ImportCompletionsArgs) {
    const { csv, dryRun } = await parseInput(ImportCompletionsArgs, args);
    return this.csv.import(csv, dryRun);
  }

  @ResolveField(() => Member, { nullable: true })
  member(@Parent() c: TrainingCompletionRecord) {
    return this.members.load(c.memberId);
  }

  @ResolveField(() => TrainingModule, { nullable: true })
  module(@Parent() c: TrainingCompletionRecord) {
    return this.modules.byKey(c.moduleKey);
  }
}
