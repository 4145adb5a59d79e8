import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { loadOwnerCommandConfig } from './config/app-config.js';
import { migrate } from './database/bootstrap.js';
import { AppLogger } from './observability/app-logger.js';

/**
 * The one-shot migration command (`node apps/api/dist/migrate.js`): runs pending migrations
 * as the owner (DATABASE_URL) and exits. Deployments run it before the new API and workers
 * start (Kubernetes: a Job; compose: a service the API waits for) and run those with
 * MIGRATE_ON_START=false, so the serving processes never hold the owner's credentials.
 * APP_DB_ROLE, when set, names an existing login role that gets the API's privileges.
 */
// JSON lines in production, like the API's.
const config = loadOwnerCommandConfig();
Logger.overrideLogger(new AppLogger({ json: config.production }));
const log = new Logger('Mötesplats migrate');

async function main(): Promise<void> {
  const ownerUrl = config.databaseUrl;
  if (!ownerUrl) throw new Error('DATABASE_URL (the owner connection) is required to run migrations.');
  const ran = await migrate(ownerUrl);
  log.log(ran.length ? `Ran ${ran.length} migration(s): ${ran.join(', ')}` : 'The schema is up to date.');
  const appRole = config.appDbRole;
  if (appRole) await grantApiRole(ownerUrl, appRole);
}

async function grantApiRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>('select rolsuper, rolbypassrls from pg_roles where rolname = $1', [role]);
    if (!rows[0]) throw new Error(`APP_DB_ROLE "${role}" does not exist: create it (LOGIN, no BYPASSRLS) first.`);
    if (rows[0].rolsuper || rows[0].rolbypassrls) throw new Error(`APP_DB_ROLE "${role}" must be neither superuser nor BYPASSRLS.`);
    await client.query(`grant motesplats_api to ${pg.escapeIdentifier(role)}`);
    log.log(`Role ${role} has the API's privileges.`);
  } finally {
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
