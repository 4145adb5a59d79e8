import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { gql, startTestApp, type TestApp } from '../support/test-app.js';
import { fixClock } from '../support/fixed-clock.js';
import { issueToken } from '../support/join-links.js';
import type { Redis } from 'ioredis';
import { REDIS } from '@motesplats/api/common/redis.module.js';
import type { Clock } from '@motesplats/api/common/clock.js';
import { JoinRateLimiter } from '@motesplats/api/join-links/join-rate-limiter.js';

const A = 'munkedal';
const kf = demoId(`${A}:meeting:kf-next`);
const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);
const unknownWith = (prefix: string) => prefix + randomBytes(32).toString('base64url').slice(prefix.length);

async function status(base: string, token: string, from?: string): Promise<number> {
  const res = await fetch(`${base}/join/${token}/status`, { headers: from ? { 'x-forwarded-for': from } : {} });
  await res.arrayBuffer();
  return res.status;
}

describe('join-link rate limits behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1)', () => {
  let t: TestApp;
  let clock: ReturnType<typeof fixClock>;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUSTED_PROXIES: '127.0.0.1' } });
    clock = fixClock(t.app);
    const res = await gql(t.url, t.realm.token(A, ['secretary']), `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { windows { opensAt } } }`, { m: kf });
    const opensAt = res.data!.setUpBreakoutRooms[0].windows[0].opensAt as string;
    ({ token } = await issueToken(t, A, kf, (links) => links.find((l) => l.roomId)));
    clock.set(plus(opensAt, 60));
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  it("never locks a working token out with someone else's failures: malformed tokens spend nothing, unknown ones only the guesser's budgets", async () => {
    const limits = t.config.joinRateLimits;
    assert.deepEqual([limits.failuresPerIpPerMinute, limits.perTokenPrefixPerMinute], [20, 60]);
    const attacker = '198.51.100.7';
    // 100 malformed tokens: refused as invalid, no budget spent (not even the sender's own).
    const junk = ['x', 'not-a-token', '%2e%2e', token.slice(0, 42), token + 'A', token.slice(0, 2) + '!'.repeat(41)];
    const malformed = await Promise.all(Array.from({ length: 100 }, (_, i) => status(t.url, encodeURIComponent(junk[i % junk.length]!), attacker)));
    assert.deepEqual([...new Set(malformed)], [404]);
    const own = [];
    for (let i = 0; i < 20; i++) own.push(await status(t.url, unknownWith(''), attacker));
    assert.deepEqual([...new Set(own)], [404], 'the malformed ones did not count against the address');
    assert.equal(await status(t.url, unknownWith(''), attacker), 429, 'the guessing address is limited now');

    // Well-formed unknown tokens around the valid token's prefix, spread over 80 addresses.
    const prefix = token.slice(0, 2);
    const spread = await Promise.all(Array.from({ length: 80 }, (_, i) => status(t.url, unknownWith(prefix), `203.0.113.${i + 1}`)));
    assert.equal(spread.filter((c) => c === 429).length, 80 - limits.perTokenPrefixPerMinute, 'the prefix budget holds for guesses');

    // The member, from their own address, still gets in — to the page, the status and the room.
    const member = '192.0.2.44';
    assert.equal(await status(t.url, token, member), 200);
    const page = await fetch(`${t.url}/join/${token}`, { headers: { 'x-forwarded-for': member } });
    assert.equal(page.status, 200);
    const entered = await fetch(`${t.url}/join/${token}/enter`, {
      method: 'POST',
      headers: { 'x-forwarded-for': member, origin: t.url, 'sec-fetch-site': 'same-origin' },
    });
    assert.equal(entered.status, 200);
    assert.equal(((await entered.json()) as { state: string }).state, 'open');
    // A blocked address spends nothing either: its further requests do not move the prefix budget.
    for (let i = 0; i < 30; i++) assert.equal(await status(t.url, unknownWith(prefix), attacker), 429);
    assert.equal(await status(t.url, token, '192.0.2.45'), 200);
  });
});

describe('join-link rate limits without a trusted proxy (the default)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('ignores X-Forwarded-For from an untrusted peer: rotating the header does not get a fresh per-address budget', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push(await status(t.url, unknownWith(''), `203.0.113.${i + 1}`));
    assert.deepEqual(codes.slice(0, 20), Array(20).fill(404));
    assert.deepEqual(codes.slice(20), Array(5).fill(429), codes.join(','));
  });
});

describe('join-link rate limits across API instances (two limiters, one Redis)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('refuses an address at once where it failed, and on another instance once that instance\'s memory of "within budget" lapses (250 ms)', async () => {
    const redis = t.app.get<Redis>(REDIS);
    let now = Date.parse('2030-01-01T10:00:10Z');
    const clock = { now: () => new Date(now) } as Clock;
    const here = new JoinRateLimiter(redis, t.config, clock);
    const there = new JoinRateLimiter(redis, t.config, clock);
    const address = `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    assert.equal(await there.blocked(address), false, 'within budget: remembered by the other instance');
    for (let i = 0; i < t.config.joinRateLimits.failuresPerIpPerMinute; i++) {
      assert.equal(await here.blocked(address), false, `failure ${i + 1} was still admitted`);
      await here.failed(address, unknownWith(''));
    }
    assert.equal(await here.blocked(address), true, 'blocked at once where the failures were counted');
    assert.equal(await there.blocked(address), false, 'the other instance still goes by what Redis told it a moment ago');
    now += 251;
    assert.equal(await there.blocked(address), true, 'and asks Redis again once that lapses');
    assert.equal(there.knownBlocked(address), true, 'then refuses it without asking, for the rest of the minute');
    now = Date.parse('2030-01-01T10:02:00Z');
    assert.equal(await there.blocked(address), false, 'two minutes on, the failures have aged out');
  });
});
