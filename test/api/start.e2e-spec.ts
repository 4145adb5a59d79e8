import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { gql } from '../support/test-app.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, seconds = 60, alive = () => true): Promise<T> {
  for (let i = 0; i < seconds * 4 && alive(); i++) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gave up waiting for ${what}`);
}

interface DevRedis {
  url: string;
  port?: number;
  dir?: string;
  stop: () => Promise<void>;
}

/**
 * What `npm start` runs, as on a machine with no database server and no Redis: the embedded
 * PostgreSQL, and the private redis-server scripts/start.mjs starts when REDIS_URL (here a
 * port nothing listens on, since CI has a Redis on 6379) does not answer.
 */
describe('npm start (embedded PostgreSQL, private Redis, dev sign-in, demo region)', () => {
  let child: ChildProcess;
  let base: string;
  let output = '';
  let redis: DevRedis;
  const dataDir = mkdtempSync(join(tmpdir(), 'motesplats-start-'));

  beforeAll(async () => {
    const [port, pgPort, deadRedisPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const { ensureDevRedis } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/dev-redis.mjs')).href)) as {
      ensureDevRedis: (env: NodeJS.ProcessEnv, log: (line: string) => void) => Promise<DevRedis>;
    };
    redis = await ensureDevRedis({ REDIS_URL: `redis://127.0.0.1:${deadRedisPort}`, DATA_DIR: dataDir }, (line) => (output += `${line}\n`));
    base = `http://127.0.0.1:${port}`;
    // What `npm start` prints is at level 'log'; `npm test` sets LOG_LEVEL=warn for everything else.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      QUEUE_PREFIX: `motesplats-start-${port}`,
      LOG_LEVEL: 'log',
      REDIS_URL: redis.url,
    };
    delete env.DATABASE_URL;
    delete env.APP_DATABASE_URL;
    child = spawn(process.execPath, [join(REPO_ROOT, 'apps/api/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await until(
      '/health',
      async () => ((await fetch(`${base}/health`)).ok ? true : undefined),
      60,
      () => child.exitCode === null,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; the API said:\n${output}`);
    });
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('started a private redis-server on 127.0.0.1 with its data under the data directory', async () => {
    assert.match(output, /No Redis at 127\.0\.0\.1:\d+: starting a private redis-server/);
    assert.ok(redis.port, 'a private Redis, not the configured one');
    assert.equal(redis.url, `redis://127.0.0.1:${redis.port}`);
    assert.equal(redis.dir, join(dataDir, 'redis'));
    assert.ok(existsSync(redis.dir!));
  });

  it('is ready, prints where things are, and answers for the demo meetings', async () => {
    assert.deepEqual(await (await fetch(`${base}/health`)).json(), { status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });
    assert.match(output, /Admin: +http:\/\/localhost:\d+\/admin\//);
    assert.match(output, /GraphQL: +http:\/\/localhost:\d+\/graphql/);
    const token = await fetch(`${base}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"admin.uddevalla"}',
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const res = await gql(base, access_token, '{ meetings(perPage: 100) { total items { title status body { kind } } } }');
    // The seven demo meetings, plus a year of ended meetings with experience reports that
    // npm start's demo adds so the coordinators' comparison has figures.
    const open = res.data!.meetings.items.filter((m: { status: string }) => m.status !== 'ENDED');
    assert.equal(open.length, 6);
    const ended = await gql(base, access_token, '{ meetings(filter: { status: ENDED }, perPage: 1) { total } }');
    assert.ok(ended.data!.meetings.total > 1, 'the last council meeting and the history');
    assert.equal(res.data!.meetings.total, 6 + ended.data!.meetings.total);
    const admin = await fetch(`${base}/admin/`);
    assert.equal(admin.status, 200);
  });

  it('shuts down cleanly on SIGTERM, stopping the embedded database', async () => {
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
    assert.match(output, /SIGTERM: shutting down/);
    // What start.mjs does once the API has exited: the private Redis stops too.
    await redis.stop();
    assert.equal(await portAnswers(redis.port!), false);
  });
});
