import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module.js';
import { ComparisonExportController } from './comparison-export.controller.js';
import { ComparisonExportService } from './comparison-export.service.js';
import { ComparisonResolver } from './comparison.resolver.js';
import { ComparisonService } from './comparison.service.js';
import { MeetingRollupsProcessor } from './meeting-rollups.processor.js';
import { COMPARISON_ROLLUPS_QUEUE, MeetingRollupsService } from './meeting-rollups.service.js';

/** The coordinators' side-by-side comparison, its exports, and the rollups that keep it fast. */
@Module({
  imports: [RulesModule, BullModule.registerQueue({ name: COMPARISON_ROLLUPS_QUEUE })],
  controllers: [ComparisonExportController],
  providers: [ComparisonService, ComparisonResolver, ComparisonExportService, MeetingRollupsService, MeetingRollupsProcessor],
  exports: [MeetingRollupsService, ComparisonService],
})
export class ComparisonModule {}
