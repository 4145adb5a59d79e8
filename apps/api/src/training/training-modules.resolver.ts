import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS, MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { IdArgs } from '../common/crud/id-args.js';
import { ListArgs, PageOf } from '../common/crud/list-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { TrainingModule } from './training-module.entity.js';
import { TrainingModulesService } from './training-modules.service.js';
import { CreateTrainingModuleInput, TrainingModuleFilter, UpdateTrainingModuleInput } from './training.inputs.js';

const TrainingModulePage = PageOf(TrainingModule);

/** Coordinators keep the regional library; municipal staff their own modules. */
@Resolver(() => TrainingModule)
export class TrainingModulesResolver {
  constructor(private readonly service: TrainingModulesService) {}

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Query(() => TrainingModulePage, {
    description: "The region's published modules and the municipality's own (coordinators: the regional library, drafts included)",
  })
  async trainingModules(@Args() args: ListArgs, @Args('filter', { type: () => TrainingModuleFilter, nullable: true }) filter?: TrainingModuleFilter) {
    return this.service.list(await parseInput(ListArgs, args), filter ? await parseInput(TrainingModuleFilter, filter) : undefined);
  }

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Query(() => TrainingModule, { nullable: true })
  async trainingModule(@Args() { id }: IdArgs) {
    await parseInput(IdArgs, { id });
    return this.service.get(id);
  }

  @Roles(...MUNICIPAL_WRITERS, 'coordinator')
  @Mutation(() => TrainingModule, { description: 'Coordinators add to the regional library (unpublished); municipal staff add their own module' })
  async createTrainingModule(@Args('input', { type: () => CreateTrainingModuleInput }) input: CreateTrainingModuleInput) {
    return this.service.create(await parseInput(CreateTrainingModuleInput, input));
  }

  @Roles(...MUNICIPAL_WRITERS, 'coordinator')
  @Mutation(() => TrainingModule)
  async updateTrainingModule(@Args() { id }: IdArgs, @Args('input', { type: () => UpdateTrainingModuleInput }) input: UpdateTrainingModuleInput) {
    await parseInput(IdArgs, { id });
    return this.service.update(id, await parseInput(UpdateTrainingModuleInput, input));
  }

  @Roles('coordinator')
  @Mutation(() => TrainingModule, { description: 'Publishes a regional module to every municipality of the region' })
  async publishTrainingModule(@Args() { id }: IdArgs) {
    await parseInput(IdArgs, { id });
    return this.service.publish(id);
  }

  @Roles(...MUNICIPAL_WRITERS, 'coordinator')
  @Mutation(() => ID)
  async deleteTrainingModule(@Args() { id }: IdArgs) {
    await parseInput(IdArgs, { id });
    return this.service.remove(id);
  }
}
