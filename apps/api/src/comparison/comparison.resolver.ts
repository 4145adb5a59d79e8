import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator.js';
import { parseInput } from '../common/crud/parse-input.js';
import { Comparison, ComparisonArgs } from './comparison.model.js';
import { ComparisonService } from './comparison.service.js';

@Resolver(() => Comparison)
export class ComparisonResolver {
  constructor(private readonly comparison: ComparisonService) {}

  @Roles('coordinator')
  @Query(() => Comparison, { description: "Coordinators: the region's municipalities side by side for a period and body type" })
  async regionalComparison(@Args() args: ComparisonArgs) {
    const { from, to, bodyKind } = await parseInput(ComparisonArgs, args);
    return this.comparison.compare(from, to, bodyKind ?? null);
  }
}
