import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { requestIds } from './request-id.js';

type JsonOptions = Parameters<ConsoleLogger['getJsonLogObject']>[1];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Swedish personal identity numbers with their separator (YYMMDD-NNNN, YYYYMMDD-NNNN).
const PERSONNUMMER = /\b(?:19|20)?\d{6}[-+]\d{4}\b/g;

/**
 * A safety net under "messages name ids and counts, never people": e-mail addresses and
 * personal identity numbers that reach a log line anyway (an SMTP server's rejection quotes
 * the recipient, say) are masked.
 */
export function redactPersonalData(text: string): string {
  return text.replace(EMAIL, '<e-post>').replace(PERSONNUMMER, '<personnummer>');
}

/**
 * Nest's console logger (JSON in production) with the current request's id on every line, so
 * one request's lines can be found together, and personal data masked.
 */
export class AppLogger extends ConsoleLogger {
  protected override getJsonLogObject(message: unknown, options: JsonOptions) {
    const entry = super.getJsonLogObject(typeof message === 'string' ? redactPersonalData(message) : message, options);
    if (typeof entry.stack === 'string') entry.stack = redactPersonalData(entry.stack);
    const requestId = requestIds.getStore();
    return requestId ? { ...entry, requestId } : entry;
  }

  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    const text = super.stringifyMessage(message, logLevel);
    const requestId = requestIds.getStore();
    return redactPersonalData(requestId ? `${text} [request ${requestId}]` : text);
  }
}
