import type { MailOutbox } from '../outbox/mail-outbox.service.js';

/** A short plain-text message to a municipality's office (reminders for reports and surveys). */
export interface Notice {
  to: string;
  subject: string;
  text: string;
}

/**
 * The one place regional reminders leave the system: written to the transactional outbox in
 * the current unit of work (the one that records the reminder), mailed after it commits. The
 * key names the occasion, so a retried job writes the same message only once.
 */
export async function sendNotice(mail: MailOutbox, key: string, notice: Notice): Promise<boolean> {
  return mail.send(`notice:${key}`, notice);
}
