import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { currentStore, requestContext, type RequestStore } from '../common/request-context.js';
import { forbidden } from '../common/app-error.js';
import { APP_DATA_SOURCE } from './database.tokens.js';

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
    store.tx ??= this.open(store.tenantId !== undefined ? store.tenantId : (store.actor?.tenantId ?? null), store.actor?.regionId ?? null);
    return (await store.tx).manager;
  }

  /** The municipality the current unit of work is bound to; refuses region-wide callers. */
  tenantId(): string {
    const store = currentStore();
    const tenantId = store.tenantId !== undefined ? store.tenantId : (store.actor?.tenantId ?? null);
    if (!tenantId) throw forbidden('Endast kommunens egna användare kan ändra kommunens uppgifter.');
    return tenantId;
  }

  /**
   * Runs `fn` once the current transaction has committed (never if it rolls back): a job
   * enqueued earlier could run before the rows it reads are visible.
   */
  afterCommit(fn: () => Promise<unknown>): void {
    const store = currentStore();
    (store.afterCommit ??= []).push(fn);
  }

  /** Ends the current request's transaction, if one was opened. */
  async finish(store: RequestStore, commit: boolean): Promise<void> {
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
    if (commit) for (const fn of followUps) await fn();
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

  private async open(tenantId: string | null, regionId: string | null): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    serialiseQueries(runner);
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

/**
 * A request's transaction is one connection, but DataLoaders and Promise.all issue queries on
 * it concurrently. pg queues them itself yet deprecates doing so (removed in pg 9), so they
 * are chained here: the same order and semantics, without relying on that queue.
 */
function serialiseQueries(runner: QueryRunner): void {
  const query = runner.query.bind(runner);
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = tail.then(() => query(...args));
    tail = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
}
