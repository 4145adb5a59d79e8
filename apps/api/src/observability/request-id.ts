import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The id of the request being served, for log lines written anywhere below it. */
export const requestIds = new AsyncLocalStorage<string>();

const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Fastify's request id: the proxy's X-Request-ID when it looks like one (so a request can be
 * followed from the ingress into our logs), otherwise a fresh UUID. Anything else a client
 * sends there is ignored rather than copied into logs.
 */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
}
