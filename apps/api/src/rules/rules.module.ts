import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ComplianceResolver } from './compliance.resolver.js';
import { ComplianceFacts } from './compliance-facts.js';
import { ComplianceService } from './compliance.service.js';
import { RegionalRulesResolver } from './regional-rules.resolver.js';
import { RegionalRulesService } from './regional-rules.service.js';
import { RuleSetsResolver } from './rule-sets.resolver.js';
import { RuleSetsService } from './rule-sets.service.js';
import { SubCommitteeDecisionsResolver } from './sub-committee-decisions.resolver.js';
import { SubCommitteeDecisionsService } from './sub-committee-decisions.service.js';
import { BodiesModule } from '../bodies/bodies.module.js';
import { MembersModule } from '../members/members.module.js';

/**
 * Rules for remote participation: the municipality's rule sets, the region's template and
 * platform catalog, and meeting compliance (which the meetings capability asks before
 * convening).
 */
@Module({
  imports: [BodiesModule, MembersModule, AuditModule],
  providers: [
    RegionalRulesService,
    RegionalRulesResolver,
    RuleSetsService,
    RuleSetsResolver,
    SubCommitteeDecisionsService,
    SubCommitteeDecisionsResolver,
    ComplianceService,
    ComplianceFacts,
    ComplianceResolver,
  ],
  exports: [ComplianceService, ComplianceFacts, RegionalRulesService, RuleSetsService],
})
export class RulesModule {}
