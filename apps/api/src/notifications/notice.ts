import type { Mailer } from './mailer.js';

/** A short plain-text message to a municipality's office (reminders for reports and surveys). */
export interface Notice {
  to: string;
  subject: string;
  text: string;
}

/**
 * The one place regional reminders leave the system. Today it hands the mail to the mailer
 * directly (callers run in a job, after the reminder is recorded); when the transactional
 * outbox lands, this becomes "write to the outbox" without its callers changing.
 */
export async function sendNotice(mailer: Mailer, notice: Notice): Promise<void> {
  await mailer.send({ to: notice.to, subject: notice.subject, text: notice.text });
}
