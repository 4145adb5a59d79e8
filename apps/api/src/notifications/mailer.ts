import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../common/clock.js';

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
  /** e.g. 'REQUEST' for an iCalendar invitation, so mail clients offer to accept it. */
  method?: string;
}

export interface OutgoingMail {
  /** A fixed Message-ID (e.g. from the outbox row), so a repeated attempt is the same message. */
  messageId?: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** An iCalendar body shown as an invitation (text/calendar alternative). */
  icalEvent?: { method: string; content: string; filename?: string };
  attachments?: MailAttachment[];
}

export const MAILER = Symbol('MAILER');

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** SMTP (nodemailer). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Pooled: the outbox sends invitations one after another, and a connection per mail is slow.
    this.transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 3 } as Parameters<typeof nodemailer.createTransport>[0]);
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({ from: this.from, ...mail });
    return { messageId: info.messageId };
  }

  /** Ends the pooled connections (shutdown). */
  close(): void {
    this.transport.close();
  }
}

/**
 * Without SMTP settings (development), mail goes to .eml files under the data directory —
 * never to the log, which must hold no personal data.
 */
export class OutboxMailer implements Mailer {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly dir: string,
    private readonly from: string,
    private readonly clock: Clock,
  ) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({ from: this.from, ...mail });
    mkdirSync(this.dir, { recursive: true });
    const name = `${this.clock.now().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^a-zA-Z0-9]/g, '')}.eml`;
    writeFileSync(join(this.dir, name), info.message as Buffer);
    return { messageId: info.messageId };
  }
}
