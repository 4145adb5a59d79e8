import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { BadRequestException, Body, Controller, Post } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { AuditService } from '@motesplats/api/audit/audit.service.js';
import { MUNICIPAL_WRITERS } from '@motesplats/api/auth/actor.js';
import { Roles } from '@motesplats/api/auth/roles.decorator.js';
import { DELIVERY_QUEUE, ROOMS_QUEUE } from '@motesplats/api/breakout-rooms/queues.js';
import { RoomScheduler } from '@motesplats/api/breakout-rooms/room-scheduler.service.js';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { OutboxService } from '@motesplats/api/outbox/outbox.service.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { fixClock } from '../support/fixed-clock.js';
import { startPrivateRedis } from '../support/private-redis.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { sql } from '../support/sql.js';
import { errorCode, gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

const A = 'stromstad';
const B = 'bengtsfors';
const id = (slug: string, key: string) => demoId(`${slug}:${key}`);

/**
 * A REST route of the test app only: writes an audit entry in the request's unit of work (and,
 * when asked, one in a named standalone transaction), then succeeds or fails as told.
 */
@Controller('test-only')
class WriteProbeController {
  constructor(
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  @Roles(...MUNICIPAL_WRITERS)
  @Post('notes')
  async write(@Body() body: { subjectId: string; fail?: boolean; standalone?: string }) {
    const work = await this.db.current();
    await this.audit.record({ action: 'test.note', subjectType: 'test', subjectId: body.subjectId, reason: 'request' });
    if (body.standalone) {
      await this.db.standalone('test: a record that outlives the request', () =>
        this.audit.record({ action: 'test.standalone', subjectType: 'test', subjectId: body.standalone!, reason: 'standalone' }),
      );
    }
    if (body.fail) throw new BadRequestException('refused after writing');
    return { actor: work.actor?.userId, tenant: work.tenantId };
  }
}

describe('one unit of work per request (REST and GraphQL), side effects through the outbox', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let secretary: string;
  const kf = id(A, 'meeting:kf-next');
  const owner = <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => sql<T>(t.ownerUrl, text, params);
  const settle = () => t.app.get(OutboxService).settle();
  const post = (body: unknown) =>
    fetch(`${t.url}/test-only/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secretary}` },
      body: JSON.stringify(body),
    });
  const notes = async (subjectId: string) => (await owner<{ n: number }>(`select count(*)::int as n from audit_log where subject_id = $1`, [subjectId]))[0]!.n;

  beforeAll(async () => {
    sink = await startSmtpSink();
    redis = await startPrivateRedis();
    t = await startTestApp({ smtpUrl: sink.url, redisUrl: redis.url, controllers: [WriteProbeController] });
    secretary = t.realm.token(A, ['secretary']);
    await gql(t.url, secretary, `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { id } }`, { m: kf });
    await settle();
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await t.close();
    await sink.close();
    await redis.stop();
  });

  it('commits a REST write that succeeds and rolls back one that fails; a named standalone transaction stands apart', async () => {
    const ok = crypto.randomUUID();
    const res = await post({ subjectId: ok });
    assert.equal(res.status, 201);
    assert.deepEqual(await res.json(), { actor: `user-${A}-secretary`, tenant: tenantOf(A) });
    assert.equal(await notes(ok), 1, 'the REST write is committed');

    const refused = crypto.randomUUID();
    const apart = crypto.randomUUID();
    const bad = await post({ subjectId: refused, fail: true, standalone: apart });
    assert.equal(bad.status, 400);
    assert.equal(await notes(refused), 0, 'a failed REST request leaves nothing');
    assert.equal(await notes(apart), 1, 'the standalone transaction committed on its own');
    const [entry] = await owner<{ actor_user_id: string; tenant_id: string }>(`select actor_user_id, tenant_id from audit_log where subject_id = $1`, [apart]);
    assert.deepEqual(entry, { actor_user_id: `user-${A}-secretary`, tenant_id: tenantOf(A) }, 'it carries the same actor and tenant');
  });

  it('sends nothing when a later part of a multi-mutation request fails: the outbox rows roll back with it', async () => {
    const res = await gql(
      t.url,
      secretary,
      `mutation($m: ID!, $x: ID!) { first: sendJoinLinks(meetingId: $m) { sent } second: sendJoinLinks(meetingId: $x) { sent } }`,
      { m: kf, x: crypto.randomUUID() },
    );
    assert.equal(errorCode(res), 'NOT_FOUND');
    await settle();
    assert.equal(sink.received.length, 0, 'no mail left');
    const [{ n }] = await owner<{ n: number }>(`select count(*)::int as n from outbox where kind = 'invitation-mail'`);
    assert.equal(n, 0, 'no outbox row survived');
    const [{ delivered }] = await owner<{ delivered: number }>(
      `select count(*)::int as delivered from join_link where meeting_id = $1 and delivered_at is not null`,
      [kf],
    );
    assert.equal(delivered, 0);
  });

  it("answers NOT_FOUND for another municipality's meeting and for one that does not exist", async () => {
    const theirs = await gql(t.url, t.realm.token(B, ['secretary']), `mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent } }`, { m: kf });
    assert.equal(errorCode(theirs), 'NOT_FOUND');
    const none = await gql(t.url, secretary, `mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent } }`, { m: crypto.randomUUID() });
    assert.equal(errorCode(none), 'NOT_FOUND');
  });

  it('records who sent, resent and revoked links in the audit log, and mails after commit', async () => {
    const res = await gql(t.url, secretary, `mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent forSecretary } }`, { m: kf });
    const { sent } = res.data!.sendJoinLinks;
    assert.ok(sent > 0);
    await settle();
    assert.equal(sink.received.length, sent);
    const [sentEntry] = await owner<{ actor_user_id: string; actor_name: string; details: { sent: number } }>(
      `select actor_user_id, actor_name, details from audit_log where action = 'join-links.sent' and subject_id = $1`,
      [kf],
    );
    assert.equal(sentEntry!.actor_user_id, `user-${A}-secretary`);
    assert.equal(sentEntry!.details.sent, sent);

    const [link] = await owner<{ id: string }>(
      `select l.id from join_link l join member m on m.tenant_id = l.tenant_id and m.id = l.member_id where l.meeting_id = $1 and m.email is not null and l.delivered_at is not null limit 1`,
      [kf],
    );
    await gql(t.url, secretary, `mutation($id: ID!) { resendJoinLink(id: $id) { url } }`, { id: link!.id });
    await gql(t.url, secretary, `mutation($id: ID!) { revokeJoinLink(id: $id) { id } }`, { id: link!.id });
    const actions = await owner<{ action: string; actor_user_id: string }>(
      `select action, actor_user_id from audit_log where subject_id = $1 order by occurred_at`,
      [link!.id],
    );
    assert.deepEqual(actions, [
      { action: 'join-link.resent', actor_user_id: `user-${A}-secretary` },
      { action: 'join-link.revoked', actor_user_id: `user-${A}-secretary` },
    ]);
  });

  it('convenes a meeting promptly with Redis down; the outbox schedules its jobs once Redis is back', async () => {
    const sn = id(A, 'meeting:sn-next');
    await redis.stop();
    const started = Date.now();
    const res = await gql(t.url, secretary, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: CONVENED) { status } }`, { m: sn });
    const took = Date.now() - started;
    assert.equal(res.data?.changeMeetingStatus.status, 'CONVENED', JSON.stringify(res.errors));
    assert.ok(took < 5_000, `the write answered after ${took} ms`);
    const [{ status }] = await owner<{ status: string }>(`select status from meeting where id = $1`, [sn]);
    assert.equal(status, 'convened', 'committed');
    let effect: { status: string; attempts: number; payload: { jobs: { id: string }[] } } | undefined;
    for (let i = 0; i < 100 && !effect?.attempts; i++) {
      [effect] = await owner(`select status, attempts, payload from outbox where kind = 'room-jobs' and subject_id = $1`, [sn]);
      if (!effect?.attempts) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(effect!.status, 'pending', 'the scheduling waits in the outbox');
    assert.ok(effect!.attempts >= 1, 'and has been tried');

    await redis.start();
    const clock = fixClock(t.app);
    try {
      // Time passes beyond the retry's backoff; the poller (here: settle) catches up.
      clock.set(new Date(Date.now() + 30 * 60_000));
      await settle();
    } finally {
      clock.reset();
    }
    const [done] = await owner<{ status: string }>(`select status from outbox where kind = 'room-jobs' and subject_id = $1`, [sn]);
    assert.equal(done!.status, 'done');
    const queued = await allJobIds();
    for (const job of effect!.payload.jobs) assert.ok(queued.includes(job.id), `${job.id} is queued`);
  });

  const allJobIds = async () => {
    const ids: string[] = [];
    for (const name of [ROOMS_QUEUE, DELIVERY_QUEUE]) {
      const queue = t.app.get<Queue>(getQueueToken(name));
      const jobs = await queue.getJobs(['delayed', 'waiting', 'active', 'prioritized', 'completed', 'failed']);
      ids.push(...jobs.map((j) => j.id!));
    }
    return ids.sort();
  };

  it('the reconciler rebuilds exactly the due jobs from the database after Redis lost them, and adds nothing twice', async () => {
    const clock = fixClock(t.app);
    clock.set(new Date());
    try {
      const scheduler = t.app.get(RoomScheduler);
      await scheduler.reconcile();
      const expected = await allJobIds();
      const [recorded] = await owner<{ scheduled_jobs: string[] }>(`select scheduled_jobs from video_meeting where meeting_id = $1`, [kf]);
      assert.ok(recorded!.scheduled_jobs.length > 0);
      for (const job of recorded!.scheduled_jobs) assert.ok(expected.includes(job), `the meeting's recorded plan (${job}) is among the jobs`);

      const client = new Redis(redis.url);
      const keys = await client.keys(`${t.config.queuePrefix}:*`);
      assert.ok(keys.length > 0);
      await client.del(...keys);
      assert.deepEqual(await allJobIds(), []);

      const first = await scheduler.reconcile();
      assert.deepEqual(await allJobIds(), expected, 'the same jobs, by the same ids');
      assert.equal(first.jobs, expected.length);
      const second = await scheduler.reconcile();
      assert.equal(second.jobs, 0, 'a second run adds nothing');
      assert.deepEqual(await allJobIds(), expected);
      client.disconnect();
    } finally {
      clock.reset();
    }
  });
});
