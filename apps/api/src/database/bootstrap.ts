import pg from 'pg';
import { DataSource } from 'typeorm';
import { localSecret, type AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { MIGRATIONS } from './migrations/index.js';

export interface PreparedDatabase {
  ownerUrl: string;
  appUrl: string;
  stop: () => Promise<void>;
}

const APP_LOGIN_ROLE = 'motesplats_app';

/**
 * Gets a database ready for the API: the server (embedded when no DATABASE_URL), the
 * database itself, the schema (migrations, as the owner) and the API's login role, which
 * owns nothing and cannot bypass row-level security.
 */
export async function prepareDatabase(config: AppConfig, log: (msg: string) => void): Promise<PreparedDatabase> {
  if (!config.migrateOnStart) {
    // The schema is the migration job's business; this process holds only the API role.
    const appUrl = config.appDatabaseUrl!;
    await assertRestrictedRole(appUrl);
    return { ownerUrl: config.databaseUrl ?? '', appUrl, stop: async () => undefined };
  }
  let ownerUrl = config.databaseUrl;
  let stop = async () => undefined;
  if (!ownerUrl) {
    const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, log);
    ownerUrl = embedded.url;
    stop = async () => void (await embedded.stop());
  }
  await ensureDatabase(ownerUrl);
  await migrate(ownerUrl);
  const appUrl = config.appDatabaseUrl ?? (await ensureAppRole(ownerUrl, config.dataDir));
  await assertRestrictedRole(appUrl);
  return { ownerUrl, appUrl, stop };
}

/** Any fixed number: the session-level advisory lock that serialises migration runs. */
const MIGRATION_LOCK = 7_306_519_244;

/**
 * Runs pending migrations. Idempotent, and safe when several processes start at once (API
 * replicas migrating on start, or a migration job next to them): they queue on an advisory
 * lock, and whoever comes second finds nothing left to do.
 */
export async function migrate(ownerUrl: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: ownerUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const owner = new DataSource({ type: 'postgres', url: ownerUrl, migrations: MIGRATIONS, migrationsTransactionMode: 'each', logging: false });
    await owner.initialize();
    try {
      return (await owner.runMigrations()).map((m) => m.name);
    } finally {
      await owner.destroy();
    }
  } finally {
    await lock.end();
  }
}

export async function ensureDatabase(ownerUrl: string): Promise<void> {
  const target = new URL(ownerUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(ownerUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function ensureAppRole(ownerUrl: string, dataDir: string): Promise<string> {
  const password = localSecret(dataDir, 'app-db-password');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [APP_LOGIN_ROLE]);
    const verb = rowCount ? 'alter' : 'create';
    // DDL takes no bind parameters; the password is a local random hex string, quoted as a literal.
    await client.query(`${verb} role ${APP_LOGIN_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole password ${pg.escapeLiteral(password)}`);
    await client.query(`grant motesplats_api to ${APP_LOGIN_ROLE}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_LOGIN_ROLE;
  url.password = password;
  return url.toString();
}

/** Row-level security is only as good as the role it binds: refuse a role that escapes it. */
export async function assertRestrictedRole(appUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'select rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    if (rows[0]?.rolsuper || rows[0]?.rolbypassrls) {
      throw new Error('The API database role must be neither superuser nor BYPASSRLS (see APP_DATABASE_URL).');
    }
  } finally {
    await client.end();
  }
}
