import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { JoinRateLimiter } from '../join-links/join-rate-limiter.js';
import { RulesModule } from '../rules/rules.module.js';
import { StaffFeedController } from './staff-feed.controller.js';
import { StaffFeedService } from './staff-feed.service.js';
import { StaffResolver } from './staff.resolver.js';
import { StaffTrainingService } from './staff-training.service.js';
import { StaffService } from './staff.service.js';
import { SUPPORT_FACTS } from './support-facts.js';
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
 * rules, suggestions and assignments, gaps, forecast, feeds and reminders. Global so that the
 * rules' evaluation finds SUPPORT_FACTS without importing this module (which reads the rules).
 */
@Global()
@Module({
  imports: [RulesModule, MeetingsModule, BullModule.registerQueue({ name: SUPPORT_REMINDERS_QUEUE })],
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
    { provide: SUPPORT_FACTS, useExisting: SupportFactsService },
  ],
  exports: [SUPPORT_FACTS, StaffService],
})
export class SupportModule {}
