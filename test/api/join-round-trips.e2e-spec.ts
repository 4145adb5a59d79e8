import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { APP_DATA_SOURCE } from '@motesplats/api/database/database.tokens.js';
import { REDIS } from '@motesplats/api/common/redis.module.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';
import { JoinLookup } from '@motesplats/api/join-links/join-lookup.js';
import { hashToken } from '@motesplats/api/join-links/join-token.js';
import { sql } from '../support/sql.js';
import { fixClock } from '../support/fixed-clock.js';
import { issueToken } from '../support/join-links.js';

const A = 'munkedal';
const kf = demoId(`${A}:meeting:kf-next`);
const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);

/**
 * Round trips one member's status check costs (issue 12: a whole council opens its links in
 * the same minute, and every round trip is paid by every member). SQL statements are counted
 * where TypeORM logs them (the join route's one-message look-up logs itself there too), Redis
 * commands where ioredis sends them. Printed, so a change shows its effect, and bounded.
 */
describe('round trips of one join-link status check', () => {
  let t: TestApp;
  let clock: ReturnType<typeof fixClock>;
  let roomToken: string;
  let meetingToken: string;
  let counting = false;
  let statements: string[] = [];
  let commands: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    clock = fixClock(t.app);
    const res = await gql(t.url, t.realm.token(A, ['secretary']), `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { windows { opensAt } } }`, { m: kf });
    const opensAt = res.data!.setUpBreakoutRooms[0].windows[0].opensAt as string;
    ({ token: roomToken } = await issueToken(t, A, kf, (links) => links.find((l) => l.roomId)));
    ({ token: meetingToken } = await issueToken(t, A, kf, (links) => links.find((l) => !l.roomId)));
    now = plus(opensAt, 60).getTime();
    clock.set(new Date(now));
    const logger = t.app.get<DataSource>(APP_DATA_SOURCE).logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      if (counting) statements.push(query);
      return logQuery(query, parameters, runner);
    };
    const redis = t.app.get<Redis>(REDIS);
    const send = redis.sendCommand.bind(redis);
    redis.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
      if (counting) commands.push(command.name);
      return (send as (...args: unknown[]) => unknown)(command, ...rest);
    }) as Redis['sendCommand'];
  });
  afterAll(async () => {
    clock.reset();
    await t?.close();
  });

  let now = 0;
  async function measure(path: string, later = 0): Promise<{ code: number; statements: string[]; commands: string[] }> {
    // Once unmeasured: per-process caches (published rule sets, say) fill on first use.
    await (await fetch(t.url + path)).arrayBuffer();
    // `later` ms on: past what the limiter remembers of the address (250 ms), or still within it.
    now += later;
    clock.set(new Date(now));
    statements = [];
    commands = [];
    counting = true;
    const res = await fetch(t.url + path);
    await res.arrayBuffer();
    counting = false;
    return { code: res.status, statements, commands };
  }

  it('a party group room link: few SQL round trips and one Redis command', async () => {
    const got = await measure(`/join/${roomToken}/status`, 1000);
    console.log(`room link status: ${got.statements.length} SQL statements, ${got.commands.length} Redis commands\n  ${got.statements.join('\n  ')}`);
    assert.equal(got.code, 200);
    assert.deepEqual(got.commands, ['mget'], 'only the address budget is read; a working link spends nothing');
    assert.ok(got.statements.length <= 1, `${got.statements.length} statements`);
  });

  it('the same address again within 250 ms: no Redis command at all (the limiter remembers it is within budget)', async () => {
    const got = await measure(`/join/${roomToken}/status`, 100);
    assert.equal(got.code, 200);
    assert.deepEqual(got.commands, []);
    assert.ok(got.statements.length <= 1, `${got.statements.length} statements`);
  });

  it('a link to the meeting itself: the rules are still judged, in one transaction', async () => {
    const got = await measure(`/join/${meetingToken}/status`, 1000);
    console.log(`meeting link status: ${got.statements.length} SQL statements, ${got.commands.length} Redis commands\n  ${got.statements.join('\n  ')}`);
    assert.equal(got.code, 200);
    assert.deepEqual(got.commands, ['mget']);
    assert.ok(got.statements.length > 1);
  });

  it('an unknown token: the same single look-up, then one Redis round trip to count the failure', async () => {
    const unknown = roomToken.slice(0, 2) + (roomToken[2] === 'A' ? 'B' : 'A') + roomToken.slice(3);
    const got = await measure(`/join/${unknown}/status`);
    console.log(`unknown token status: ${got.statements.length} SQL statements, ${got.commands.length} Redis commands (${got.commands.join(', ')})`);
    assert.equal(got.code, 404);
    assert.ok(got.statements.length <= 1, `${got.statements.length} statements`);
  });

  it("the one-message look-up reads under the token's municipality only, and its connection forgets the municipality", async () => {
    const dataSource = t.app.get<DataSource>(APP_DATA_SOURCE);
    const rows = await new JoinLookup(dataSource).find(hashToken(roomToken));
    assert.equal(rows?.tenantId, tenantOf(A));
    const everyone = await sql<{ tenant_id: string }>(t.ownerUrl, 'select distinct tenant_id from rule_set_version');
    assert.ok(everyone.length > 1, 'other municipalities have rule sets too');
    assert.ok(rows!.ruleSets.length > 0);
    assert.deepEqual([...new Set(rows!.ruleSets.map((v) => v.tenantId))], [tenantOf(A)]);
    assert.equal(rows!.room?.meetingId, kf);
    assert.equal(rows!.meeting?.id, kf);
    assert.ok(rows!.meeting!.startsAt instanceof Date);
    // Every pooled connection, asked at once, is bound to no municipality.
    const pool = (dataSource.driver as unknown as { master: { query(text: string): Promise<{ rows: { t: string }[] }> } }).master;
    const bound = await Promise.all(Array.from({ length: 10 }, () => pool.query(`select coalesce(current_setting('app.tenant_id', true), '') as t`)));
    assert.deepEqual([...new Set(bound.map((r) => r.rows[0]!.t))], ['']);
  });
});
