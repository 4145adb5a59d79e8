import { ConsoleLogger } from '@nestjs/common';
import { requestIds } from './request-id.js';

type JsonOptions = Parameters<ConsoleLogger['getJsonLogObject']>[1];

/**
 * Nest's console logger (JSON in production) with the current request's id on every line, so
 * one request's lines can be found together. What a line says is still up to its caller:
 * messages name ids and counts, never names, e-mail addresses or tokens.
 */
export class AppLogger extends ConsoleLogger {
  protected override getJsonLogObject(message: unknown, options: JsonOptions) {
    const entry = super.getJsonLogObject(message, options);
    const requestId = requestIds.getStore();
    return requestId ? { ...entry, requestId } : entry;
  }
}
