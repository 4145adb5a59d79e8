import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { gql, startTestApp, type TestApp } from '../support/test-app.js';
import { fixClock } from '../support/fixed-clock.js';
import { enterLink, issueToken } from '../support/join-links.js';

const A = 'munkedal';
const kf = demoId(`${A}:meeting:kf-next`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A Redis of this test's own on a free loopback port, so stopping it disturbs nobody else. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => /Ready to accept connections/.test(d.toString()) && resolve());
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}

describe('Redis goes down while members are joining', () => {
  let t: TestApp;
  let redis: ChildProcess;
  let clock: ReturnType<typeof fixClock>;
  let token: string;
  const written: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ redisUrl: `redis://127.0.0.1:${port}` });
    clock = fixClock(t.app);
    const rooms = await gql(t.url, t.realm.token(A, ['secretary']), `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { windows { opensAt } } }`, {
      m: kf,
    });
    ({ token } = await issueToken(t, A, kf, (links) => links.find((l) => l.roomId)));
    clock.set(new Date(Date.parse(rooms.data!.setUpBreakoutRooms[0].windows[0].opensAt) + 60_000));
    assert.equal((await fetch(`${t.url}/join/${token}/status`)).status, 200, 'works while Redis is up');
    // Recorded and passed on: the test runner writes its own report through the same streams.
    process.stdout.write = ((chunk: unknown, ...rest: never[]) => (written.push(String(chunk)), out(chunk as string, ...rest))) as typeof process.stdout.write;
    process.stderr.write = ((chunk: unknown, ...rest: never[]) => (written.push(String(chunk)), err(chunk as string, ...rest))) as typeof process.stderr.write;
    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));
  });
  afterAll(async () => {
    process.stdout.write = out;
    process.stderr.write = err;
    clock.reset();
    if (redis.exitCode === null) redis.kill('SIGKILL');
    await t.close();
  });

  it('still lets a member in through a link inside its window, with the limits kept in the process', async () => {
    const page = await fetch(`${t.url}/join/${token}`);
    assert.equal(page.status, 200);
    await page.text();
    const entered = await enterLink(t.url, token);
    assert.equal(entered.code, 200, JSON.stringify(entered));
    assert.equal(entered.state, 'open');
    assert.ok(entered.embed?.jwt);
    // The in-process limiter still limits guessing.
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push((await fetch(`${t.url}/join/${'Q'.repeat(42)}${i % 10}/status`)).status);
    assert.deepEqual(codes.slice(0, 20), Array(20).fill(404));
    assert.ok(
      codes.slice(20).every((c) => c === 429),
      codes.join(','),
    );
  });

  it('says "degraded" on /health (HTTP 200: members and staff are still served), and liveness stays ok', async () => {
    const health = await fetch(`${t.url}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'degraded', checks: { postgres: 'ok', redis: 'down' } });
    const live = await fetch(`${t.url}/health/live`);
    assert.deepEqual([live.status, await live.json()], [200, { status: 'ok' }]);
  });

  it('does not repeat the same connection error in the log while Redis stays down', async () => {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const refused = written.filter((line) => /ECONNREFUSED|Connection is closed|connect E/.test(line));
    assert.ok(refused.length <= 3, `${refused.length} connection errors logged:\n${refused.slice(0, 5).join('')}`);
  });
});
