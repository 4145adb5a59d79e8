import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { ComplianceFacts } from '../rules/compliance-facts.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { JoinRateLimiter } from '../join-links/join-rate-limiter.js';
import { TrainingTrackingModule } from '../training/training.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { StaffFeedController } from './staff-feed.controller.js';
import { StaffFeedService } from './staff-feed.service.js';
import { StaffResolver } from './staff.resolver.js';
import { StaffTrainingService } from './staff-training.service.js';
import { StaffService } from './staff.service.js';
import { SupportFactsService } from './support-facts.service.js';
import { SupportMeetingListener } from './support-meeting-listener.js';
import { SupportNeedsService } from './support-needs.service.js';
import { SUPPORT_REMINDERS_QUEUE, SupportNotifier } from './support-notifier.js';
import { SupportRemindersProcessor } from './support-reminders.processor.js';
import { SupportRemindersService } from './support-reminders.service.js';
import { SupportScheduleResolver } from './support-schedule.resolver.js';
import { SupportScheduleService } from './support-schedule.service.js';
import { SupportSettingsService } from './support-settings.service.js';

/**
 * Support scheduling: the staff register and the region's pool, availability, needs from the
 * rules, suggestions and assignments, gaps, forecast, feeds and reminders. It reads the rules and
 * hands their evaluation the assignments through the seam the rules own (ComplianceFacts).
 */
@Module({
  imports: [RulesModule, MeetingsModule, TrainingTrackingModule, BullModule.registerQueue({ name: SUPPORT_REMINDERS_QUEUE })],
  controllers: [StaffFeedController],
  providers: [
    SupportSettingsService,
    StaffService,
    StaffResolver,
    StaffFeedService,
    JoinRateLimiter,
    StaffTrainingService,
    SupportFactsService,
    SupportNeedsService,
    SupportNotifier,
    SupportMeetingListener,
    SupportScheduleService,
    SupportScheduleResolver,
    SupportRemindersService,
    SupportRemindersProcessor,
  ],
  exports: [StaffService],
})
export class SupportModule implements OnModuleInit {
  constructor(
    private readonly facts: ComplianceFacts,
    private readonly supportFacts: SupportFactsService,
  ) {}

  onModuleInit(): void {
    this.facts.provideSupport(this.supportFacts);
  }
}
