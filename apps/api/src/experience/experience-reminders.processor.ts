import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { EXPERIENCE_QUEUE, ExperienceReportsService, REMIND_REPORT, type RemindReportData } from './experience-reports.service.js';

/** Reminds the secretary of an outstanding report (the job is queued when the report is requested). */
@Processor(EXPERIENCE_QUEUE)
export class ExperienceRemindersProcessor extends WorkerHost {
  constructor(private readonly reports: ExperienceReportsService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === REMIND_REPORT) {
      const { tenantId, reportId } = job.data as RemindReportData;
      return this.reports.remind(tenantId, reportId);
    }
    throw new Error(`Unknown job ${job.name}`);
  }
}
