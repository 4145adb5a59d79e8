// `npm start` without a Redis: a private redis-server for development, as the API does for
// PostgreSQL. Node built-ins only (runs before dependencies may be installed).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { portOpen, ROOT, waitForPort } from './lib.mjs';

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * Returns the Redis URL to use: REDIS_URL (or redis://127.0.0.1:6379) when something answers
 * there; otherwise starts redis-server from PATH bound to 127.0.0.1 on a free port, with its
 * data under <DATA_DIR>/redis, and returns its URL and a stop() for shutdown.
 */
export async function ensureDevRedis(env = process.env, log = console.log) {
  const configured = new URL(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  if (await portOpen(Number(configured.port || 6379), configured.hostname)) return { url: configured.href, stop: async () => {} };
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`No Redis answers at ${configured.host} and redis-server is not on PATH: install it (apt-get install redis-server) or set REDIS_URL.`);
  }
  const port = await freePort();
  const dir = join(resolve(env.DATA_DIR ?? join(ROOT, '.data')), 'redis');
  mkdirSync(dir, { recursive: true });
  log(`No Redis at ${configured.host}: starting a private redis-server on 127.0.0.1:${port} (data in ${dir}).`);
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '60 1', '--appendonly', 'no', '--daemonize', 'no'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise((done) => child.once('exit', done));
  if (!(await waitForPort(port))) {
    child.kill('SIGKILL');
    throw new Error('The private redis-server did not start');
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    // SIGTERM makes redis-server save and exit; resolves once it has.
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
