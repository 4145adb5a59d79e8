import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { ComplianceFacts } from '../rules/compliance-facts.js';
import { RulesModule } from '../rules/rules.module.js';
import { CompletionCsvService } from './completion-csv.service.js';
import { PracticeSessionInviteesResolver, PracticeSessionsResolver } from './practice-sessions.resolver.js';
import { PracticeSessionsService } from './practice-sessions.service.js';
import { TrainingCompletionsResolver } from './training-completions.resolver.js';
import { TrainingCompletionsService } from './training-completions.service.js';
import { BlockedMemberResolver, CoverageMemberResolver, CoverageRowResolver, TrainingCoverageResolver } from './training-coverage.resolver.js';
import { TrainingCoverageService } from './training-coverage.service.js';
import { TrainingExportController } from './training-export.controller.js';
import { TrainingModulesResolver } from './training-modules.resolver.js';
import { TrainingModulesService } from './training-modules.service.js';
import { TRAINING_REMINDERS_QUEUE, TrainingRemindersProcessor } from './training-reminders.processor.js';
import { TrainingReminderList } from './training-reminder-list.service.js';
import { TrainingRemindersResolver } from './training-reminders.resolver.js';
import { TrainingRemindersService } from './training-reminders.service.js';
import { MembersModule } from '../members/members.module.js';
import { BodiesModule } from '../bodies/bodies.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';

/**
 * Training modules, completions, practice sessions, coverage and reminders. It reads the rules
 * (for the modules a meeting requires) and hands the rules' evaluation its completions through
 * the seam the rules own (ComplianceFacts), so the rules never import training.
 */
@Module({
  imports: [MembersModule, BodiesModule, MeetingsModule, RulesModule, BullModule.registerQueue({ name: TRAINING_REMINDERS_QUEUE })],
  controllers: [TrainingExportController],
  providers: [
    TrainingModulesService,
    TrainingModulesResolver,
    TrainingCompletionsService,
    TrainingCompletionsResolver,
    CompletionCsvService,
    PracticeSessionsService,
    PracticeSessionsResolver,
    PracticeSessionInviteesResolver,
    TrainingCoverageService,
    TrainingCoverageResolver,
    CoverageRowResolver,
    CoverageMemberResolver,
    BlockedMemberResolver,
    TrainingReminderList,
    TrainingRemindersResolver,
    TrainingRemindersService,
    TrainingRemindersProcessor,
  ],
  exports: [TrainingCompletionsService, PracticeSessionsService, TrainingModulesService],
})
export class TrainingTrackingModule implements OnModuleInit {
  constructor(
    private readonly facts: ComplianceFacts,
    private readonly completions: TrainingCompletionsService,
  ) {}

  onModuleInit(): void {
    this.facts.provideTraining(this.completions);
  }
}
