import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ComparisonModule } from '../comparison/comparison.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ExperienceRemindersProcessor } from './experience-reminders.processor.js';
import { EXPERIENCE_QUEUE, ExperienceReportsService } from './experience-reports.service.js';
import { ExperienceReportsResolver, SharingResolver } from './experience-reports.resolver.js';
import { SharingService } from './sharing.service.js';

/** Experience reports after meetings, and what each municipality shares with its region. */
@Module({
  imports: [MeetingsModule, ComparisonModule, BullModule.registerQueue({ name: EXPERIENCE_QUEUE })],
  providers: [ExperienceReportsService, ExperienceReportsResolver, ExperienceRemindersProcessor, SharingService, SharingResolver],
  exports: [SharingService],
})
export class ExperienceModule {}
