import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { Body, Controller, Post } from '@nestjs/common';
import pg from 'pg';
import { AuditService } from '@motesplats/api/audit/audit.service.js';
import { MUNICIPAL_WRITERS } from '@motesplats/api/auth/actor.js';
import { Roles } from '@motesplats/api/auth/roles.decorator.js';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { sql } from '../support/sql.js';
import { gql, startTestApp, type TestApp } from '../support/test-app.js';

const A = 'stromstad';

/** A REST route of the test app only: writes in the request's unit of work, then makes Postgres sleep. */
@Controller('test-only')
class SlowProbeController {
  constructor(
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  @Roles(...MUNICIPAL_WRITERS)
  @Post('slow')
  async slow(@Body() body: { subjectId: string }) {
    await this.audit.record({ action: 'test.slow', subjectType: 'test', subjectId: body.subjectId, reason: 'before sleeping' });
    await (await this.db.manager()).query(`select pg_sleep(60) /* abort-probe ${body.subjectId} */`);
    // Reached only if the sleep was not cancelled: a second write the abort must also prevent.
    await this.audit.record({ action: 'test.slow', subjectType: 'test', subjectId: body.subjectId, reason: 'after sleeping' });
    return { done: true };
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Post('note')
  async note(@Body() body: { subjectId: string }) {
    await this.audit.record({ action: 'test.note', subjectType: 'test', subjectId: body.subjectId, reason: 'quick' });
    return { done: true };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` yields a value (generous bound: this is about stopping at all, not speed). */
async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 15): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('a request whose client goes away stops its database work', () => {
  let t: TestApp;
  let secretary: string;
  const owner = <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => sql<T>(t.ownerUrl, text, params);
  const database = () => new URL(t.ownerUrl).pathname.slice(1);
  const backend = async (pid: number) =>
    (
      await owner<{ state: string; query: string; xact: boolean }>(`select state, query, xact_start is not null as xact from pg_stat_activity where pid = $1`, [
        pid,
      ])
    )[0];
  const notes = async (subjectId: string) => (await owner<{ n: number }>(`select count(*)::int as n from audit_log where subject_id = $1`, [subjectId]))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp({ controllers: [SlowProbeController] });
    secretary = t.realm.token(A, ['secretary']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('cancels the running statement of an aborted REST request and rolls back what it wrote', async () => {
    const subject = crypto.randomUUID();
    const client = new AbortController();
    const answer = fetch(`${t.url}/test-only/slow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secretary}` },
      body: JSON.stringify({ subjectId: subject }),
      signal: client.signal,
    }).catch((err: unknown) => err);

    // The request is inside its sleep, its earlier write made but uncommitted.
    const pid = await until(
      'the sleep to start',
      async () =>
        (
          await owner<{ pid: number }>(`select pid from pg_stat_activity where datname = $1 and state = 'active' and query like $2`, [
            database(),
            `%abort-probe ${subject}%`,
          ])
        )[0]?.pid,
    );
    assert.equal(await notes(subject), 0, 'nothing is committed while the request runs');

    client.abort();
    assert.equal(((await answer) as Error).name, 'AbortError');

    // Postgres stops: the statement is cancelled and the connection closed (its session gone),
    // or at least no longer running the sleep nor holding a transaction.
    await until('the backend to stop sleeping', async () => {
      const row = await backend(pid);
      return !row || (row.state !== 'active' && !row.xact) ? true : undefined;
    });
    assert.equal(await notes(subject), 0, 'the write made before the abort is rolled back');

    // The API goes on serving: the next request commits, and health answers.
    const next = crypto.randomUUID();
    const ok = await fetch(`${t.url}/test-only/note`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secretary}` },
      body: JSON.stringify({ subjectId: next }),
    });
    assert.equal(ok.status, 201);
    assert.equal(await notes(next), 1, 'a request that completes still commits');
    const health = await fetch(`${t.url}/health`);
    assert.equal(health.status, 200);
    const res = await gql(t.url, secretary, `{ meetings(perPage: 5) { total } }`);
    assert.equal(res.errors, undefined);
    assert.ok(res.data!.meetings.total > 0);
  });

  it('cancels a GraphQL list waiting in Postgres when its client aborts, and serves the next one', async () => {
    // A real list made slow in the database: the owner holds a lock the list's query waits on.
    const blocker = new pg.Client({ connectionString: t.ownerUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table meeting in access exclusive mode');
      const client = new AbortController();
      const answer = fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secretary}` },
        body: JSON.stringify({ query: `{ meetings(perPage: 100) { total items { id } } }` }),
        signal: client.signal,
      }).catch((err: unknown) => err);

      const pid = await until(
        'the list to wait on the lock',
        async () =>
          (
            await owner<{ pid: number }>(`select pid from pg_stat_activity where datname = $1 and pid <> $2 and wait_event_type = 'Lock'`, [
              database(),
              (blocker as unknown as { processID: number }).processID,
            ])
          )[0]?.pid,
      );
      client.abort();
      assert.equal(((await answer) as Error).name, 'AbortError');
      await until('the waiting query to stop', async () => {
        const row = await backend(pid);
        return !row || (row.state !== 'active' && !row.xact) ? true : undefined;
      });
      // Still holding the lock: the list gave up on its own, not because the wait ended.
      const waiting = await owner<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`, [
        database(),
      ]);
      assert.equal(waiting[0]!.n, 0);
    } finally {
      await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
    }
    const res = await gql(t.url, secretary, `{ meetings(perPage: 5) { total } }`);
    assert.equal(res.errors, undefined);
    assert.ok(res.data!.meetings.total > 0);
    assert.equal((await fetch(`${t.url}/health`)).status, 200);
  });
});
