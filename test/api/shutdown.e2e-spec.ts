import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { gql } from '../support/test-app.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, seconds = 60, alive = () => true): Promise<T> {
  for (let i = 0; i < seconds * 4 && alive(); i++) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** The process `npm start` runs, with its embedded PostgreSQL: a crash of the database, then SIGTERM under load. */
describe('the API with its embedded PostgreSQL: crash and shutdown', () => {
  let child: ChildProcess;
  let base: string;
  let output = '';
  let token: string;
  let demoMeetings: number;
  const dataDir = mkdtempSync(join(tmpdir(), 'motesplats-shutdown-'));

  beforeAll(async () => {
    const [port, pgPort] = await Promise.all([freePort(), freePort()]);
    base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      QUEUE_PREFIX: `motesplats-shutdown-${port}`,
      LOG_LEVEL: 'log',
    };
    delete env.DATABASE_URL;
    delete env.APP_DATABASE_URL;
    child = spawn(process.execPath, [join(REPO_ROOT, 'apps/api/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await until(
      '/health',
      async () => ((await fetch(`${base}/health`)).ok ? true : undefined),
      90,
      () => child.exitCode === null,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; the API said:\n${output}`);
    });
    const res = await fetch(`${base}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"admin.uddevalla"}',
    });
    token = ((await res.json()) as { access_token: string }).access_token;
    // The demo's meetings (upcoming ones and a year of ended ones): what every answer must hold.
    demoMeetings = (await gql(base, token, '{ meetings(perPage: 1) { total } }')).data!.meetings.total as number;
    assert.ok(demoMeetings > 7 && demoMeetings <= 100, `demo meetings: ${demoMeetings}`);
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts the embedded PostgreSQL when it is killed, and answers again', async () => {
    const pid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    assert.ok(pid > 0);
    process.kill(pid, 'SIGKILL');
    await until(
      'the restart',
      async () => (/Embedded PostgreSQL restarted/.test(output) ? true : undefined),
      60,
      () => child.exitCode === null,
    );
    const meetings = await until(
      'a query after the restart',
      async () => {
        const res = await gql(base, token, '{ meetings(perPage: 10) { total } }');
        return res.data?.meetings.total as number | undefined;
      },
      30,
    );
    assert.equal(meetings, demoMeetings);
    assert.equal(child.exitCode, null, 'the API kept running');
  });

  it('finishes the requests it is running when SIGTERM arrives, refuses new ones, then stops the database and exits 0', async () => {
    const query = '{ meetings(perPage: 100) { items { title compliance { compliant findings { code } } agendaItems { title } attendances { mode } } } }';
    const running = Array.from({ length: 12 }, () =>
      gql(base, token, query).catch((err: Error) => ({ status: 0, data: null, errors: [{ message: err.message }] })),
    );
    await new Promise((r) => setTimeout(r, 150));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const signalled = Date.now();
    // What the API says from here on: the first test's database kill may have cut off a job's
    // query (the room scheduler reconciles at start), which is that test's business.
    const logged = output.length;
    child.kill('SIGTERM');
    const answers = await Promise.all(running);
    // Each request either ran to its end, or — not yet received when the signal came — was
    // refused (503, or its connection closed before a response): a client may send it again.
    // None is cut off half-way: the log below has no failed query.
    for (const a of answers) {
      if (a.status === 503 || a.status === 0) continue;
      assert.equal(a.status, 200, `${JSON.stringify(a.errors)}\n${output.slice(-3000)}`);
      assert.equal(a.errors, undefined, `${JSON.stringify(a.errors)}\n${output.slice(-3000)}`);
      assert.equal(a.data!.meetings.items.length, demoMeetings);
    }
    assert.ok(
      answers.some((a) => a.status === 200),
      `requests in flight finished: ${answers.map((a) => a.status).join(',')}`,
    );
    assert.equal(await exited, 0, output.slice(-2000));
    assert.ok(Date.now() - signalled < 30_000, `exits promptly: ${Date.now() - signalled} ms\n${output.slice(-2500)}`);
    assert.match(output, /No longer taking requests; the running ones have finished/);
    assert.doesNotMatch(output.slice(logged), /terminating connection|QueryRunnerAlreadyReleased|ERROR/);
    await assert.rejects(fetch(`${base}/health`), 'no longer listening');
  });
});
