import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { currentStore, type RequestStore } from '../common/request-context.js';
import { APP_DATA_SOURCE } from '../database/database.tokens.js';
import { TenantDb } from '../database/tenant-db.service.js';

const log = new Logger('Outbox');

export interface OutboxRow<P = unknown> {
  id: string;
  tenantId: string;
  key: string;
  kind: string;
  subjectId: string | null;
  payload: P;
  attempts: number;
}

export interface NewEffect<P> {
  /** Names the effect: a second row with the same key is the same effect and is not written. */
  key: string;
  kind: string;
  /** The meeting or practice session it concerns, so a cancellation can withdraw what is still pending. */
  subjectId?: string | null;
  payload: P;
}

/**
 * Carries out one kind of effect. `prepare` runs first in the effect's transaction and may take
 * locks the effect depends on (a meeting row before the outbox row, always in that order, as
 * cancellation does) and answer 'drop' when the effect no longer applies. `perform` must be
 * bounded in time (`timeoutMs`): the row stays locked while it runs.
 */
export interface EffectHandler<P = unknown> {
  timeoutMs: number;
  prepare?(row: OutboxRow<P>, em: EntityManager): Promise<'go' | 'drop'>;
  perform(row: OutboxRow<P>, em: EntityManager): Promise<void>;
  /** Told, in the transaction that records the failed attempt, why it failed (for staff to see). */
  failed?(row: OutboxRow<P>, message: string, em: EntityManager): Promise<void>;
}

/** After this many failures an effect is given up (status failed) and stays visible for staff. */
export const MAX_ATTEMPTS = 10;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 10 * 60_000;
/** How long a request's answer waits for its own effects before leaving them to the background. */
const KICK_BUDGET_MS = 2_500;

export const backoffMs = (attempts: number) => Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);

interface RawRow {
  id: string;
  tenant_id: string;
  key: string;
  kind: string;
  subject_id: string | null;
  payload: unknown;
  attempts: number;
}

const toRow = (r: RawRow): OutboxRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  key: r.key,
  kind: r.kind,
  subjectId: r.subject_id,
  payload: r.payload,
  attempts: r.attempts,
});

/**
 * The transactional outbox. `add` writes an effect in the current unit of work; once that
 * commits, the effects are carried out here (a rolled-back request leaves no row, so sends
 * nothing), each in its own tenant transaction that marks the row done, retried with backoff
 * when it fails. A write never waits on Redis or SMTP longer than a short, bounded kick.
 */
@Injectable()
export class OutboxService implements OnModuleDestroy {
  private readonly handlers = new Map<string, EffectHandler<never>>();
  private readonly kicked = new WeakSet<RequestStore>();
  private readonly running = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: TenantDb,
    private readonly clock: Clock,
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  register<P>(kind: string, handler: EffectHandler<P>): void {
    this.handlers.set(kind, handler as EffectHandler<never>);
  }

  /** Writes the effect in the current transaction; answers whether it was new. */
  async add<P>(effect: NewEffect<P>): Promise<boolean> {
    const { manager, tenantId } = await this.db.current();
    const inserted: { id: string }[] = await manager.query(
      `insert into outbox (id, key, kind, subject_id, payload, next_attempt_at) values ($1, $2, $3, $4, $5, $6)
       on conflict (tenant_id, key) do nothing returning id`,
      [randomUUID(), effect.key, effect.kind, effect.subjectId ?? null, JSON.stringify(effect.payload), this.clock.now()],
    );
    const store = currentStore();
    if (tenantId && !this.kicked.has(store)) {
      this.kicked.add(store);
      this.db.afterCommit(() => this.kick(tenantId));
    }
    return inserted.length > 0;
  }

  /** Withdraws effects not yet carried out (in the current transaction); answers how many. */
  async cancelPending(subjectId: string, kinds: string[], filter?: (payload: unknown) => boolean): Promise<OutboxRow[]> {
    const em = await this.db.manager();
    // Rows a dispatcher holds right now are left to it: it re-checks the subject under lock.
    const rows: RawRow[] = await em.query(
      `select id, tenant_id, key, kind, subject_id, payload, attempts from outbox
        where subject_id = $1 and kind = any($2) and status = 'pending' for update skip locked`,
      [subjectId, kinds],
    );
    const chosen = rows.map(toRow).filter((r) => !filter || filter(r.payload));
    if (chosen.length) await em.query(`update outbox set status = 'cancelled', done_at = $2 where id = any($1)`, [chosen.map((r) => r.id), this.clock.now()]);
    return chosen;
  }

  /** Effects of a subject in the current transaction, newest first (for rewriting or follow-ups). */
  async effectsOf<P>(subjectId: string, kinds: string[], statuses: string[]): Promise<(OutboxRow<P> & { status: string })[]> {
    const em = await this.db.manager();
    const rows: (RawRow & { status: string })[] = await em.query(
      `select id, tenant_id, key, kind, subject_id, payload, attempts, status from outbox
        where subject_id = $1 and kind = any($2) and status = any($3) order by created_at desc, id`,
      [subjectId, kinds, statuses],
    );
    return rows.map((r) => ({ ...(toRow(r) as OutboxRow<P>), status: r.status }));
  }

  /**
   * Carries out what is due in one municipality, waiting at most a short budget: the rest goes
   * on in the background (and the poller picks up whatever fails).
   */
  async kick(tenantId: string, budgetMs = KICK_BUDGET_MS): Promise<void> {
    const drain = this.track(this.dispatch(tenantId));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([drain, new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)))]);
    clearTimeout(timer);
  }

  /** Carries out every due effect of one municipality; answers how many were done. */
  async dispatch(tenantId: string): Promise<number> {
    let done = 0;
    const tried = new Set<string>();
    for (;;) {
      if (this.stopped) return done;
      const due: { id: string }[] = await this.db.run(tenantId, (em) =>
        em.query(`select id from outbox where status = 'pending' and next_attempt_at <= $1 order by created_at, id limit 50`, [this.clock.now()]),
      );
      const fresh = due.filter((r) => !tried.has(r.id));
      if (!fresh.length) return done;
      for (const { id } of fresh) {
        tried.add(id);
        if (await this.carryOut(tenantId, id)) done++;
      }
    }
  }

  /** Every municipality's due effects: the poller, and tests that wait for catch-up. */
  async dispatchAll(): Promise<number> {
    const tenants: { id: string }[] = await this.dataSource.query(`select id from municipality order by id`);
    let done = 0;
    for (const { id } of tenants) done += await this.dispatch(id);
    return done;
  }

  /** Waits until nothing is running and nothing is due: for shutdown drills and tests. */
  async settle(): Promise<void> {
    for (;;) {
      await Promise.allSettled([...this.running]);
      const done = await this.track(this.dispatchAll());
      if (!done && !this.running.size) return;
    }
  }

  /** Polls every `intervalMs` (workers): retries after backoff, and effects whose kick was lost. */
  startPolling(intervalMs = 5_000): void {
    if (this.timer) return;
    const tick = () => {
      if (this.stopped) return;
      void this.track(this.dispatchAll())
        .catch((err: unknown) => log.warn(`Outbox poll failed: ${(err as Error).message}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.running]);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    const tracked = p.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    tracked.catch(() => undefined);
    return tracked;
  }

  /** One effect in its own transaction; answers whether it was carried out now. */
  private async carryOut(tenantId: string, id: string): Promise<boolean> {
    let kind = '?';
    try {
      return await this.db.run(tenantId, async (em) => {
        const [peek]: RawRow[] = await em.query(
          `select id, tenant_id, key, kind, subject_id, payload, attempts from outbox where id = $1 and status = 'pending'`,
          [id],
        );
        if (!peek) return false;
        kind = peek.kind;
        const handler = this.handlers.get(peek.kind) as EffectHandler<unknown> | undefined;
        if (!handler) throw new Error(`No handler for outbox effect "${peek.kind}"`);
        const verdict = handler.prepare ? await handler.prepare(toRow(peek), em) : 'go';
        const [locked]: RawRow[] = await em.query(
          `select id, tenant_id, key, kind, subject_id, payload, attempts from outbox where id = $1 and status = 'pending' for update skip locked`,
          [id],
        );
        if (!locked) return false;
        if (verdict === 'drop') {
          await em.query(`update outbox set status = 'cancelled', done_at = $2 where id = $1`, [id, this.clock.now()]);
          return false;
        }
        await withTimeout(handler.perform(toRow(locked), em), handler.timeoutMs, kind);
        await em.query(`update outbox set status = 'done', done_at = $2, attempts = attempts + 1, last_error = null where id = $1`, [id, this.clock.now()]);
        return true;
      });
    } catch (err) {
      const message = (err as Error).message.slice(0, 300);
      log.warn(`Outbox effect ${kind} failed: ${message}`);
      await this.db
        .run(tenantId, async (em) => {
          const [row]: RawRow[] = await em.query(
            `with failed as (
               update outbox set attempts = attempts + 1, last_error = $2,
                      status = case when attempts + 1 >= $3 then 'failed' else status end,
                      next_attempt_at = $4::timestamptz + make_interval(secs => least($5::float8 * power(2, attempts), $6::float8) / 1000)
                where id = $1 and status = 'pending'
                returning id, tenant_id, key, kind, subject_id, payload, attempts)
             select * from failed`,
            [id, message, MAX_ATTEMPTS, this.clock.now(), BACKOFF_BASE_MS, BACKOFF_MAX_MS],
          );
          const handler = row && (this.handlers.get(row.kind) as EffectHandler<unknown> | undefined);
          if (handler?.failed) await handler.failed(toRow(row), message, em);
        })
        .catch((e: unknown) => log.error(`Could not record an outbox failure: ${(e as Error).message}`));
      return false;
    }
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
