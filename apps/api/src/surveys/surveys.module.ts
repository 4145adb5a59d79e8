import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SurveyExportController } from './survey-export.controller.js';
import { SurveyRemindersProcessor } from './survey-reminders.processor.js';
import { SurveysResolver } from './surveys.resolver.js';
import { SURVEY_QUEUE, SurveysService } from './surveys.service.js';

/** Regional surveys: asked by the association or by a municipality of its neighbours. */
@Module({
  imports: [BullModule.registerQueue({ name: SURVEY_QUEUE })],
  controllers: [SurveyExportController],
  providers: [SurveysService, SurveysResolver, SurveyRemindersProcessor],
})
export class SurveysModule {}
