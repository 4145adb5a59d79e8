import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { parseInput } from '../common/crud/parse-input.js';
import { RegionalRuleTemplate } from './regional-rule-template.entity.js';
import { RegionalRulesService } from './regional-rules.service.js';
import { PublishRegionalTemplateInput } from './rules.inputs.js';
import { VideoPlatform } from './video-platform.entity.js';

const REGION_READERS = [...MUNICIPAL_READERS, 'coordinator' as const];

@Resolver(() => RegionalRuleTemplate)
export class RegionalRulesResolver {
  constructor(private readonly regional: RegionalRulesService) {}

  @Roles(...REGION_READERS)
  @Query(() => RegionalRuleTemplate, { nullable: true, description: "The region's latest recommended rule set" })
  regionalTemplate() {
    return this.regional.latestTemplateRow();
  }

  @Roles(...REGION_READERS)
  @Query(() => [RegionalRuleTemplate], { description: 'Every published template version, newest first' })
  regionalTemplates() {
    return this.regional.templateHistory();
  }

  @Roles(...REGION_READERS)
  @Query(() => [VideoPlatform], { description: "The region's platform catalog" })
  platformCatalog() {
    return this.regional.catalogRows();
  }

  @Roles('coordinator')
  @Mutation(() => RegionalRuleTemplate, {
    description: 'Coordinators publish a new version of the regional template; it must not loosen what the law requires',
  })
  async publishRegionalTemplate(@Args('input') input: PublishRegionalTemplateInput) {
    const parsed = await parseInput(PublishRegionalTemplateInput, input);
    return this.regional.publishTemplate(parsed.name, input.content);
  }
}
