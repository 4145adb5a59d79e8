import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { MAILER, type Mailer, type OutgoingMail } from '../notifications/mailer.js';
import { OutboxService } from './outbox.service.js';

/** The outbox effect for a plain message whose whole content is fixed when it is written. */
export const MAIL_EFFECT = 'mail';

export type PlainMail = Pick<OutgoingMail, 'to' | 'subject' | 'text'>;

/**
 * Reminders and notices leave the system here: written to the outbox in the caller's
 * transaction, mailed after it commits, retried with backoff. The caller names the occasion
 * (`key`, e.g. "support:day_before:<assignment>:<date>"), so the same message to the same
 * recipient for the same occasion is written once however often a job runs.
 */
@Injectable()
export class MailOutbox implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  onModuleInit(): void {
    this.outbox.register<PlainMail>(MAIL_EFFECT, {
      timeoutMs: 60_000,
      perform: async (row) => {
        // The row's id as Message-ID: a repeat after a lost "done" is recognisably the same message.
        await this.mailer.send({ messageId: `<${row.id}@motesplats>`, to: row.payload.to, subject: row.payload.subject, text: row.payload.text });
      },
    });
  }

  /** In the current unit of work; answers whether this occasion's message was new. */
  send(key: string, mail: PlainMail, subjectId?: string | null): Promise<boolean> {
    return this.outbox.add({
      key: `mail:${key}`,
      kind: MAIL_EFFECT,
      subjectId: subjectId ?? null,
      payload: { to: mail.to, subject: mail.subject, text: mail.text },
    });
  }
}
