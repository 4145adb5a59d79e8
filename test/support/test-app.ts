import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@motesplats/api/app.factory.js';
import { loadConfig, REPO_ROOT, type AppConfig } from '@motesplats/api/config/app-config.js';
import { prepareDatabase } from '@motesplats/api/database/bootstrap.js';
import { demoId, seedDemoRegion } from '@motesplats/api/seed/demo-seeder.js';
import { createTestDatabase } from './test-database.js';
import { TEST_KEYCLOAK, TestRealm } from './keycloak-tokens.js';

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  config: AppConfig;
  ownerUrl: string;
  appDatabaseUrl: string;
  realm: TestRealm;
  close: () => Promise<void>;
}

export const tenantOf = (slug: string) => demoId(`municipality:${slug}`);

/**
 * The whole API on a random port, against a fresh database on the machine's real Postgres
 * and the real Redis, seeded with the demo region, validating tokens as Keycloak issues them
 * (or with the dev sign-in when `devSignIn` is set).
 */
export async function startTestApp(
  options: { devSignIn?: boolean; redisUrl?: string; smtpUrl?: string; env?: Record<string, string>; controllers?: Type[] } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const scratch = mkdtempSync(join(tmpdir(), 'motesplats-test-'));
  const realm = new TestRealm();
  const config: AppConfig = {
    ...loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      REDIS_URL: options.redisUrl ?? process.env.REDIS_URL,
      LOG_LEVEL: process.env.LOG_LEVEL,
      HTTP_LOG_LEVEL: process.env.HTTP_LOG_LEVEL,
      DB_POOL_SIZE: process.env.DB_POOL_SIZE,
      ...options.env,
    }),
    databaseUrl: database.url,
    // One data dir for every test process, so all of them agree on the API role's password.
    dataDir: join(REPO_ROOT, '.data', 'test'),
    keycloak: options.devSignIn ? undefined : { ...TEST_KEYCLOAK, realmPublicKey: realm.publicKey },
    seedDemo: false,
    smtpUrl: options.smtpUrl,
    // Queues of their own: parallel test files never work each other's jobs.
    queuePrefix: `motesplats-test-${randomBytes(4).toString('hex')}`,
  };
  const db = await prepareDatabase(config, () => undefined);
  await seedDemoRegion(db.ownerUrl);
  const app = await createApp(config, db.appUrl, { controllers: options.controllers });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  config.publicUrl = url;
  return {
    app,
    url,
    config,
    ownerUrl: db.ownerUrl,
    appDatabaseUrl: db.appUrl,
    realm,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; fields?: Record<string, string> } }[];
}

/** POST /graphql as a client would. */
export async function gql<T = Record<string, any>>(
  base: string,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

/** The single error code of a failed response. */
export function errorCode(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
