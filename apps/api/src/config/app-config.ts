import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place in apps/api/{src,dist}/config. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface KeycloakSettings {
  url: string;
  realm: string;
  clientId: string;
  /** Base64 DER (SPKI) realm public key; when absent the realm's JWKS is fetched. */
  realmPublicKey?: string;
}

export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  publicUrl: string;
  /** Owner connection: runs migrations. Undefined → embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  /** The API's own connection (a role that owns nothing and cannot bypass RLS). */
  appDatabaseUrl?: string;
  redisUrl: string;
  keycloak?: KeycloakSettings;
  dataDir: string;
  adminDistDir: string;
  seedDemo: boolean;
  /** smtp(s)://user:pass@host:port — without it, mail is written to <dataDir>/outbox. */
  smtpUrl?: string;
  mailFrom: string;
  /** Whether this process also works the job queues (worker.ts always does). */
  runWorkers: boolean;
  /** Redis key prefix of the job queues: separates deployments (and test runs) sharing a Redis. */
  queuePrefix: string;
  /** Jitsi Meet, the default video platform. Without a secret (development) one is kept under dataDir. */
  jitsi: { domain: string; appId: string; audience: string; appSecret?: string };
  /** Join-link rate limits (Redis, so they hold across instances). */
  joinRateLimits: JoinRateLimits;
  /**
   * Derives the tokens of e-mailed join links from what an outbox row stores (LINK_TOKEN_SECRET):
   * the row can be retried without a new token, and the database alone opens no link.
   * Without it (development) one is kept under dataDir; every API and worker process must share it.
   */
  linkTokenSecret?: string;
}

export interface JoinRateLimits {
  /** Unknown, revoked or expired tokens one IP address may try per minute before it gets 429. */
  failuresPerIpPerMinute: number;
  /** Requests per minute for tokens sharing a prefix, from anywhere: guessing around a known start. */
  perTokenPrefixPerMinute: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const host = env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  const keycloak = readKeycloak(env);
  if (production && !keycloak) {
    throw new ConfigError(
      'Refusing to start in production without Keycloak: set KEYCLOAK_URL, KEYCLOAK_REALM and KEYCLOAK_CLIENT_ID.',
    );
  }
  if (production && !env.JITSI_APP_SECRET) {
    throw new ConfigError('Refusing to start in production without JITSI_APP_SECRET (the Jitsi Meet token secret).');
  }
  if (production && !env.LINK_TOKEN_SECRET) {
    throw new ConfigError('Refusing to start in production without LINK_TOKEN_SECRET (derives e-mailed join-link tokens; shared by every process).');
  }
  if (production && (!env.DATABASE_URL || !env.APP_DATABASE_URL)) {
    throw new ConfigError('Refusing to start in production without DATABASE_URL (migrations) and APP_DATABASE_URL (the API role).');
  }
  return {
    production,
    port,
    host,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.APP_DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    keycloak,
    dataDir: resolve(env.DATA_DIR ?? join(REPO_ROOT, '.data')),
    adminDistDir: resolve(env.ADMIN_DIST_DIR ?? join(REPO_ROOT, 'apps/admin/dist')),
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === 'true' : !production,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Mötesplats <no-reply@motesplats.invalid>',
    runWorkers: env.RUN_WORKERS ? env.RUN_WORKERS === 'true' : true,
    queuePrefix: env.QUEUE_PREFIX ?? 'motesplats',
    jitsi: {
      domain: env.JITSI_DOMAIN ?? 'meet.jit.si',
      appId: env.JITSI_APP_ID ?? 'motesplats',
      audience: env.JITSI_AUDIENCE ?? 'jitsi',
      appSecret: env.JITSI_APP_SECRET || undefined,
    },
    linkTokenSecret: env.LINK_TOKEN_SECRET || undefined,
    joinRateLimits: {
      failuresPerIpPerMinute: positive(env.JOIN_FAILURES_PER_IP_PER_MINUTE, 20),
      perTokenPrefixPerMinute: positive(env.JOIN_PER_TOKEN_PREFIX_PER_MINUTE, 60),
    },
  };
}

function positive(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`Expected a positive whole number, got "${value}"`);
  return n;
}

function readKeycloak(env: NodeJS.ProcessEnv): KeycloakSettings | undefined {
  const { KEYCLOAK_URL: url, KEYCLOAK_REALM: realm, KEYCLOAK_CLIENT_ID: clientId } = env;
  if (!url && !realm && !clientId) return undefined;
  if (!url || !realm || !clientId) {
    throw new ConfigError('Keycloak needs all of KEYCLOAK_URL, KEYCLOAK_REALM and KEYCLOAK_CLIENT_ID.');
  }
  return { url: url.replace(/\/+$/, ''), realm, clientId, realmPublicKey: env.KEYCLOAK_REALM_PUBLIC_KEY || undefined };
}

/**
 * A local secret kept under the data directory (never in the repo): generated once so that
 * dev tokens and the embedded database survive restarts.
 */
export function localSecret(dataDir: string, name: string, make: () => string = () => randomBytes(24).toString('hex')): string {
  const file = join(dataDir, 'secrets', name);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': when two processes race to create it, one wins and both use the winner's value.
    writeFileSync(file, make(), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readFileSync(file, 'utf8');
}

export const APP_CONFIG = Symbol('APP_CONFIG');
