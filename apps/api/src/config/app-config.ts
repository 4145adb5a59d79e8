import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config-error.js';
import { readZoomSettings, type ZoomSettings } from './zoom-settings.js';

export { ConfigError } from './config-error.js';
export type { ZoomSettings } from './zoom-settings.js';

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
  /**
   * Redis key prefix of the job queues and rate limits: separates deployments (and test runs)
   * sharing a Redis. It carries a hash tag ({...}) so that on a Redis Cluster all keys of a
   * queue land in one slot, as BullMQ's multi-key scripts need.
   */
  queuePrefix: string;
  /**
   * Whether this process runs the migrations before it serves (as the owner, DATABASE_URL).
   * false where a separate one-shot `node apps/api/dist/migrate.js` does (Kubernetes): then
   * the API holds only its own restricted connection.
   */
  migrateOnStart: boolean;
  /** Jitsi Meet, the default video platform. Without a secret (development) one is kept under dataDir. */
  jitsi: { domain: string; appId: string; audience: string; appSecret?: string };
  /** Join-link rate limits (Redis, so they hold across instances). */
  joinRateLimits: JoinRateLimits;
  /**
   * Reverse proxies (addresses or CIDRs) whose X-Forwarded-For is believed. Empty: the peer's own
   * address is the client's, whatever headers it sends — otherwise anyone could pick the
   * address a per-address limit counts against.
   */
  trustedProxies: string[];
  /**
   * Who may read the GraphQL schema (`__schema`, `__type`): everyone (`on`, outside production),
   * nobody (`off`, production's default) or signed-in staff (`staff`). Outside `on`, validation
   * messages carry no "Did you mean …" hints either.
   */
  graphqlIntrospection: 'on' | 'off' | 'staff';
  /**
   * Derives the tokens of e-mailed join links from what an outbox row stores (LINK_TOKEN_SECRET):
   * the row can be retried without a new token, and the database alone opens no link.
   * Without it (development) one is kept under dataDir; every API and worker process must share it.
   */
  linkTokenSecret?: string;
  /** Nest log level (LOG_LEVEL: fatal, error, warn, log, debug, verbose); this level and the more severe ones are written. */
  logLevel: LogLevel;
  /** Fastify's own request log level (HTTP_LOG_LEVEL). */
  httpLogLevel: string;
  /** Connections in the API's database pool (DB_POOL_SIZE). */
  dbPoolSize: number;
  /** Where a worker-only process (worker.ts) serves /health and /metrics (WORKER_PORT). */
  workerPort: number;
  /** Port of the embedded PostgreSQL used when DATABASE_URL is not set (EMBEDDED_PG_PORT). */
  embeddedPostgresPort: number;
  /** Zoom's Server-to-Server OAuth app (ZOOM_*); undefined when Zoom is not offered. */
  zoom?: ZoomSettings;
  /** OpenTelemetry trace export (OTEL_*); undefined when no collector is named. */
  tracing?: TracingSettings;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface TracingSettings {
  /** The collector's OTLP/HTTP traces endpoint. */
  url: string;
  serviceName: string;
}

/** Traces only when OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT names a collector; the standard OTEL_* names. */
export function readTracing(env: NodeJS.ProcessEnv): TracingSettings | undefined {
  const url =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
    (env.OTEL_EXPORTER_OTLP_ENDPOINT ? `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` : undefined);
  return url ? { url, serviceName: env.OTEL_SERVICE_NAME ?? 'motesplats' } : undefined;
}

/**
 * What the owner's one-shot commands (migrate.js, region:add) read: the owner connection, and
 * the login role to give the API's privileges. They never start the API, so they need none of
 * its other settings.
 */
export interface OwnerCommandConfig {
  production: boolean;
  databaseUrl?: string;
  appDbRole?: string;
}

export function loadOwnerCommandConfig(env: NodeJS.ProcessEnv = process.env): OwnerCommandConfig {
  return { production: env.NODE_ENV === 'production', databaseUrl: env.DATABASE_URL || undefined, appDbRole: env.APP_DB_ROLE || undefined };
}

export interface JoinRateLimits {
  /** Unknown, revoked or expired tokens one IP address may try per minute before it gets 429. */
  failuresPerIpPerMinute: number;
  /** Requests per minute for tokens sharing a prefix, from anywhere: guessing around a known start. */
  perTokenPrefixPerMinute: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const host = env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  const keycloak = readKeycloak(env);
  if (production && !keycloak) {
    throw new ConfigError('Refusing to start in production without Keycloak: set KEYCLOAK_URL, KEYCLOAK_REALM and KEYCLOAK_CLIENT_ID.');
  }
  if (production && !env.JITSI_APP_SECRET) {
    throw new ConfigError('Refusing to start in production without JITSI_APP_SECRET (the Jitsi Meet token secret).');
  }
  if (production && !env.LINK_TOKEN_SECRET) {
    throw new ConfigError('Refusing to start in production without LINK_TOKEN_SECRET (derives e-mailed join-link tokens; shared by every process).');
  }
  const migrateOnStart = env.MIGRATE_ON_START ? env.MIGRATE_ON_START !== 'false' : true;
  if (production && !env.APP_DATABASE_URL) {
    throw new ConfigError('Refusing to start in production without APP_DATABASE_URL (the API role).');
  }
  if (production && migrateOnStart && !env.DATABASE_URL) {
    throw new ConfigError('Refusing to start in production without DATABASE_URL (migrations), unless MIGRATE_ON_START=false.');
  }
  if (!migrateOnStart && !env.APP_DATABASE_URL) {
    throw new ConfigError('MIGRATE_ON_START=false needs APP_DATABASE_URL: without migrations this process cannot set up its own role.');
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
    queuePrefix: hashTagged(env.QUEUE_PREFIX || DEFAULT_QUEUE_PREFIX),
    migrateOnStart,
    jitsi: {
      domain: env.JITSI_DOMAIN ?? 'meet.jit.si',
      appId: env.JITSI_APP_ID ?? 'motesplats',
      audience: env.JITSI_AUDIENCE ?? 'jitsi',
      appSecret: env.JITSI_APP_SECRET || undefined,
    },
    trustedProxies: readProxies(env.TRUSTED_PROXIES),
    graphqlIntrospection: readIntrospection(env.GRAPHQL_INTROSPECTION, production),
    linkTokenSecret: env.LINK_TOKEN_SECRET || undefined,
    joinRateLimits: {
      failuresPerIpPerMinute: positive(env.JOIN_FAILURES_PER_IP_PER_MINUTE, 20),
      perTokenPrefixPerMinute: positive(env.JOIN_PER_TOKEN_PREFIX_PER_MINUTE, 60),
    },
    logLevel: readLogLevel(env.LOG_LEVEL),
    httpLogLevel: env.HTTP_LOG_LEVEL ?? 'warn',
    dbPoolSize: positive(env.DB_POOL_SIZE, 20),
    workerPort: Number(env.WORKER_PORT ?? 3100),
    embeddedPostgresPort: Number(env.EMBEDDED_PG_PORT ?? 54329),
    zoom: readZoomSettings(env),
    tracing: readTracing(env),
  };
}

export const DEFAULT_QUEUE_PREFIX = '{motesplats}';

/** A prefix without a Redis Cluster hash tag gets one around all of it ("a" → "{a}"). */
export function hashTagged(prefix: string): string {
  return /\{[^{}]+\}/.test(prefix) ? prefix : `{${prefix}}`;
}

function readLogLevel(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'log';
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
}

function readIntrospection(value: string | undefined, production: boolean): AppConfig['graphqlIntrospection'] {
  if (value === undefined || value === '') return production ? 'off' : 'on';
  if (value === 'on' || value === 'off' || value === 'staff') return value;
  throw new ConfigError(`GRAPHQL_INTROSPECTION must be on, off or staff, got "${value}"`);
}

function readProxies(value: string | undefined): string[] {
  const list = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of list) {
    const [address, bits, ...rest] = entry.split('/');
    const v4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(address!) && address!.split('.').every((o) => Number(o) <= 255);
    const v6 = !v4 && /^[0-9a-f:.]+$/i.test(address!) && address!.includes(':');
    const maxBits = v4 ? 32 : 128;
    if (rest.length || (!v4 && !v6) || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits))) {
      throw new ConfigError(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 127.0.0.1)`);
    }
  }
  return list;
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
