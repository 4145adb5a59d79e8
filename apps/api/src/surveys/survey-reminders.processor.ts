import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { REMIND_SURVEY, SURVEY_QUEUE, SurveysService, type RemindSurveyData } from './surveys.service.js';

/** Sends a survey's reminders to the recipients that have not answered. */
@Processor(SURVEY_QUEUE)
export class SurveyRemindersProcessor extends WorkerHost {
  constructor(private readonly surveys: SurveysService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === REMIND_SURVEY) return { reminded: await this.surveys.sendReminders(job.data as RemindSurveyData) };
    throw new Error(`Unknown job ${job.name}`);
  }
}
