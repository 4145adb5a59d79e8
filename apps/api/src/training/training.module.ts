import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module.js';
import { CompletionCsvService } from './completion-csv.service.js';
import { PracticeSessionInviteesResolver, PracticeSessionsResolver } from './practice-sessions.resolver.js';
import { PracticeSessionsService } from './practice-sessions.service.js';
import { TrainingCompletionsResolver } from './training-completions.resolver.js';
import { TrainingCompletionsService } from './training-completions.service.js';
import { BlockedMemberResolver, CoverageMemberResolver, CoverageRowResolver, TrainingCoverageResolver } from './training-coverage.resolver.js';
import { TrainingCoverageService } from './training-coverage.service.js';
import { TrainingExportController } from './training-export.controller.js';
import { TRAINING_FACTS } from './training-facts.js';
import { TrainingModulesResolver } from './training-modules.resolver.js';
import { TrainingModulesService } from './training-modules.service.js';
import { TRAINING_REMINDERS_QUEUE, TrainingRemindersProcessor } from './training-reminders.processor.js';
import { TrainingReminderList, TrainingRemindersResolver } from './training-reminders.resolver.js';
import { TrainingRemindersService } from './training-reminders.service.js';

/**
 * Training modules, completions, practice sessions, coverage and reminders. Global so that
 * the rules' evaluation finds TRAINING_FACTS without importing this module (which reads the
 * rules in turn, for the modules a meeting requires).
 */
@Global()
@Module({
  imports: [RulesModule, BullModule.registerQueue({ name: TRAINING_REMINDERS_QUEUE })],
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
    { provide: TRAINING_FACTS, useExisting: TrainingCompletionsService },
  ],
  exports: [TRAINING_FACTS, TrainingCompletionsService, PracticeSessionsService, TrainingModulesService],
})
export class TrainingTrackingModule {}
