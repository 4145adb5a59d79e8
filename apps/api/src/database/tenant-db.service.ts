import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { currentStore, RequestAbortedError, requestAborted, requestContext, type RequestStore } from '../common/request-context.js';
import { forbidden } from '../common/app-error.js';
import { APP_DATA_SOURCE } from './database.tokens.js';

const log = new Logger('TenantDb');

/** What the current unit of work carries: its transaction, who acts, and for which municipality. */
export interface UnitOfWork {
  manager: EntityManager;
  /** Undefined for jobs and public routes: nobody signed in. */
  actor: Actor | undefined;
  /** The municipality the transaction is bound to (null: region-wide, sees no tenant rows). */
  tenantId: string | null;
}

/**
 * The only way the API reaches tenant data. Every unit of work is one transaction whose
 * first statement binds `app.tenant_id` transaction-locally, so row-level security in
 * Postgres decides what is visible — and a pooled connection forgets the tenant on COMMIT.
 */
@Injectable()
export class TenantDb {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The current request's transaction, opened on first use. */
  async manager(): Promise<EntityManager> {
    const store = currentStore();
    // Never a fresh transaction for a request whose client is gone (its first one was abandoned).
    if (requestAborted(store)) throw new RequestAbortedError();
    store.tx ??= this.open(boundTenant(store), store.actor?.regionId ?? null, store);
    return (await store.tx).manager;
  }

  /** The current unit of work: one per request (GraphQL or REST) or job, committed only on success. */
  async current(): Promise<UnitOfWork> {
    const store = currentStore();
    return { manager: await this.manager(), actor: store.actor, tenantId: boundTenant(store) };
  }

  /**
   * Runs `fn` in a transaction of its own, for the same municipality and actor, committed
   * whatever becomes of the request's: for what must outlive a rollback (a record of a failed
   * attempt, say). Named, so a reader of the code sees every place that steps outside the
   * request's unit of work, and why.
   */
  async standalone<T>(reason: string, fn: (work: UnitOfWork) => Promise<T>): Promise<T> {
    const outer = currentStore();
    const store: RequestStore = { tenantId: boundTenant(outer), actor: outer.actor, standaloneReason: reason };
    return requestContext.run(store, async () => {
      try {
        const result = await fn(await this.current());
        await this.finish(store, true);
        return result;
      } catch (err) {
        await this.finish(store, false);
        log.warn(`Standalone transaction "${reason}" rolled back: ${(err as Error).message}`);
        throw err;
      }
    });
  }

  /** The municipality the current unit of work is bound to; refuses region-wide callers. */
  tenantId(): string {
    const store = currentStore();
    const tenantId = boundTenant(store);
    if (!tenantId) throw forbidden('Endast kommunens egna användare kan ändra kommunens uppgifter.');
    return tenantId;
  }

  /**
   * Runs `fn` once the current transaction has committed (never if it rolls back): a job
   * enqueued earlier could run before the rows it reads are visible. Follow-ups must not wait
   * on anything outside the database without a bound (see OutboxService.kick): the request's
   * answer waits for them.
   */
  afterCommit(fn: () => Promise<unknown>): void {
    const store = currentStore();
    (store.afterCommit ??= []).push(fn);
  }

  /** Ends the current request's transaction, if one was opened. */
  async finish(store: RequestStore, commit: boolean): Promise<void> {
    if (requestAborted(store)) return this.abandon(store);
    const pending = store.tx;
    const followUps = store.afterCommit ?? [];
    store.afterCommit = undefined;
    if (!pending) return;
    store.tx = undefined;
    const runner = await pending;
    try {
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    if (commit) {
      for (const fn of followUps) {
        // Committed is committed: a follow-up that fails must not turn the answer into an error.
        await fn().catch((err: unknown) => log.error(`After-commit work failed: ${(err as Error).message}`));
      }
    }
  }

  /**
   * Gives up the transaction of a request whose client went away: its running statement is
   * cancelled, so Postgres stops working on it at once, and its connection is closed rather
   * than returned, so Postgres rolls the transaction back and a cancel that arrives late can
   * never land on another request's statement (the pool opens a fresh connection instead).
   * The cancel goes by backend pid from another pooled connection: the pid is still ours,
   * since the connection stays checked out until it is closed below.
   */
  async abandon(store: RequestStore): Promise<void> {
    const pending = store.tx;
    store.tx = undefined;
    store.afterCommit = undefined;
    if (!pending) return;
    const runner = await pending.catch(() => undefined);
    if (!runner || runner.isReleased) return;
    const pid = (runner as unknown as { databaseConnection?: { processID?: number } }).databaseConnection?.processID;
    try {
      if (pid) await this.dataSource.query('select pg_cancel_backend($1)', [pid]);
    } catch (err) {
      log.warn(`Could not cancel an abandoned statement: ${(err as Error).message}`);
    } finally {
      // An error passed to pg-pool's release destroys the connection instead of reusing it.
      (runner as unknown as { releasePostgresConnection(err: Error): Promise<void> }).releasePostgresConnection(new RequestAbortedError());
    }
  }

  /**
   * Runs `fn` in its own tenant transaction — for jobs, seeding and tests. Commits when `fn`
   * resolves, rolls back when it throws.
   */
  async run<T>(tenantId: string | null, fn: (manager: EntityManager) => Promise<T>, actor?: RequestStore['actor']): Promise<T> {
    const store: RequestStore = { tenantId, actor };
    return requestContext.run(store, async () => {
      try {
        const result = await fn(await this.manager());
        await this.finish(store, true);
        return result;
      } catch (err) {
        await this.finish(store, false);
        throw err;
      }
    });
  }

  private async open(tenantId: string | null, regionId: string | null, store: RequestStore): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    serialiseQueries(runner, store);
    try {
      await runner.startTransaction();
      // set_config(..., true) is transaction-local; '' means "no tenant" and matches no rows.
      // app.region_id serves region-wide staff only: with a tenant bound, the database takes
      // the region from the municipality (app_current_region()), never from the caller.
      await runner.query(`select set_config('app.tenant_id', $1, true), set_config('app.region_id', $2, true)`, [tenantId ?? '', regionId ?? '']);
      return runner;
    } catch (err) {
      await runner.release();
      throw err;
    }
  }
}

function boundTenant(store: RequestStore): string | null {
  return store.tenantId !== undefined ? store.tenantId : (store.actor?.tenantId ?? null);
}

/**
 * A request's transaction is one connection, but DataLoaders and Promise.all issue queries on
 * it concurrently. pg queues them itself yet deprecates doing so (removed in pg 9), so they
 * are chained here: the same order and semantics, without relying on that queue.
 */
function serialiseQueries(runner: QueryRunner, store: RequestStore): void {
  const query = runner.query.bind(runner);
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    // Queued work of a request whose client is gone fails fast instead of reaching Postgres.
    const next = tail.then(() => {
      if (requestAborted(store)) throw new RequestAbortedError();
      return query(...args);
    });
    tail = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
}
