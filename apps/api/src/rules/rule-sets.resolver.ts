import { Args, GraphQLISODateTime, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_ADMINS, MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { IdArgs } from '../common/crud/id-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { StoredRuleSetVersion } from './rule-set-version.entity.js';
import { RuleSetsService } from './rule-sets.service.js';
import { CreateRuleSetDraftInput, PublishRuleSetInput, UpdateRuleSetDraftInput } from './rules.inputs.js';
import { Clock } from '../common/clock.js';
import { RuleDifference } from './rule-difference.model.js';

@Resolver(() => StoredRuleSetVersion)
export class RuleSetsResolver {
  constructor(
    private readonly ruleSets: RuleSetsService,
    private readonly clock: Clock,
  ) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [StoredRuleSetVersion], { description: "The municipality's rule-set versions, newest first (the history)" })
  ruleSetVersions() {
    return this.ruleSets.history();
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => StoredRuleSetVersion, { nullable: true })
  async ruleSetVersion(@Args() { id }: IdArgs) {
    await parseInput(IdArgs, { id });
    return this.ruleSets.get(id);
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => StoredRuleSetVersion, { nullable: true, description: 'The version in force at an instant (default now); null when only the law applies' })
  ruleSetInForce(@Args('at', { type: () => GraphQLISODateTime, nullable: true }) at?: Date) {
    return this.ruleSets.inForce(at ?? this.clock.now());
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [RuleDifference], { description: 'Field-by-field difference from the regional template; default: the version in force' })
  async ruleSetDiff(@Args('versionId', { type: () => ID, nullable: true }) versionId?: string) {
    if (versionId != null) await parseInput(IdArgs, { id: versionId });
    return this.ruleSets.diff(versionId);
  }

  @Roles(...MUNICIPAL_ADMINS)
  @Mutation(() => StoredRuleSetVersion, { description: 'A new draft, from the regional template or from the current version' })
  async createRuleSetDraft(@Args('input') input: CreateRuleSetDraftInput) {
    return this.ruleSets.createDraft(await parseInput(CreateRuleSetDraftInput, input));
  }

  @Roles(...MUNICIPAL_ADMINS)
  @Mutation(() => StoredRuleSetVersion, {
    description: 'Changes a draft; refused (BAD_USER_INPUT, extensions.violations) where it would loosen what the law requires',
  })
  async updateRuleSetDraft(@Args() { id }: IdArgs, @Args('input') input: UpdateRuleSetDraftInput) {
    await parseInput(IdArgs, { id });
    return this.ruleSets.updateDraft(id, await parseInput(UpdateRuleSetDraftInput, input));
  }

  @Roles(...MUNICIPAL_ADMINS)
  @Mutation(() => StoredRuleSetVersion, { description: 'Publishes a draft with its decision; from then on it is immutable' })
  async publishRuleSet(@Args() { id }: IdArgs, @Args('input') input: PublishRuleSetInput) {
    await parseInput(IdArgs, { id });
    return this.ruleSets.publish(id, await parseInput(PublishRuleSetInput, input));
  }

  @Roles(...MUNICIPAL_ADMINS)
  @Mutation(() => ID)
  async deleteRuleSetDraft(@Args() { id }: IdArgs) {
    await parseInput(IdArgs, { id });
    return this.ruleSets.deleteDraft(id);
  }
}
