import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryRunner } from 'typeorm';
import type { Actor } from '../auth/actor.js';

/**
 * What one request (or one job) carries implicitly: who acts, and the tenant transaction
 * opened on first database use. Kept in AsyncLocalStorage so services need no context
 * parameters and a pooled connection is never shared between requests.
 */
export interface RequestStore {
  actor?: Actor;
  /** The tenant the transaction is bound to; defaults to the actor's municipality. */
  tenantId?: string | null;
  tx?: Promise<QueryRunner>;
  loaders?: Map<unknown, unknown>;
  /** Work that must see this transaction's writes, e.g. enqueuing a job that reads them. */
  afterCommit?: (() => Promise<unknown>)[];
  /** Set on a transaction that deliberately stands apart from its request (TenantDb.standalone). */
  standaloneReason?: string;
  /**
   * Aborted when the client goes away before its answer: the transaction is cancelled and
   * rolled back, and anything still to run for the request refuses to touch the database.
   */
  abort?: AbortController;
}

/** Thrown instead of a query once the request's client has gone away. */
export class RequestAbortedError extends Error {
  constructor() {
    super('The client closed the request');
    this.name = 'RequestAbortedError';
  }
}

/** Whether the current request's client has gone away (false outside a request). */
export function requestAborted(store: RequestStore | undefined = requestContext.getStore()): boolean {
  return store?.abort?.signal.aborted ?? false;
}

export const requestContext = new AsyncLocalStorage<RequestStore>();

export function currentStore(): RequestStore {
  const store = requestContext.getStore();
  if (!store) throw new Error('No request context: run this inside a request or TenantDb.run()');
  return store;
}

export function currentActor(): Actor | undefined {
  return requestContext.getStore()?.actor;
}

/** A per-request memo, e.g. DataLoaders, so that batching never crosses requests. */
export function perRequest<T>(key: unknown, make: () => T): T {
  const store = currentStore();
  store.loaders ??= new Map();
  if (!store.loaders.has(key)) store.loaders.set(key, make());
  return store.loaders.get(key) as T;
}
