import 'reflect-metadata';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { adminStaticOptions } from './admin-static.js';
import { AppModule, type AppExtras } from './app.module.js';
import { requestContext, type RequestStore } from './common/request-context.js';
import type { AppConfig } from './config/app-config.js';
import { TenantDb } from './database/tenant-db.service.js';
import { AppLogger } from './observability/app-logger.js';
import { installObservability, observeGraphQL } from './observability/observability.js';
import { requestIdOf } from './observability/request-id.js';

const abortLog = new Logger('Requests');
const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Builds the HTTP application: request context per request, GraphQL, health, dev sign-in and
 * the admin SPA. Shared by `main.ts` and the end-to-end tests so both run the same wiring.
 */
export async function createApp(config: AppConfig, appDatabaseUrl: string, extra: AppExtras = {}): Promise<NestFastifyApplication> {
  const level: LogLevel = config.logLevel;
  const adapter = new FastifyAdapter({
    // Only named proxies: X-Forwarded-For from anyone else is ignored (see AppConfig.trustedProxies).
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    genReqId: requestIdOf,
    requestIdHeader: false,
    logger: {
      level: config.httpLogLevel,
      // Logs name the route pattern, never the raw URL: paths and query strings can carry
      // join tokens and personal data.
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched', id: req.id }),
      },
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, appDatabaseUrl, extra), adapter, {
    logger: new AppLogger({ json: config.production, logLevels: LEVELS.slice(0, LEVELS.indexOf(level) + 1) }),
    bufferLogs: false,
    // Throw instead of exiting the process, so callers (main.ts, tests) decide what a failure means.
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const db = app.get(TenantDb);
  const metrics = installObservability(app, fastify);
  fastify.addHook('onRequest', (req, reply, done) => {
    const store: RequestStore = { abort: new AbortController() };
    // The response closes before it finished only when the client went away (a reset, a
    // closed tab, a fetch aborted): stop the request's database work instead of finishing it.
    reply.raw.once('close', () => {
      if (reply.raw.writableFinished || store.abort!.signal.aborted) return;
      store.abort!.abort();
      if (!store.tx) return;
      // Not an error of ours: noted without anything personal, the request id tells which.
      abortLog.log(`Client closed request ${req.id} before its answer; its transaction is cancelled and rolled back`);
      db.abandon(store).catch((err: unknown) => abortLog.warn(`Abandoning request ${req.id} failed: ${(err as Error).message}`));
    });
    requestContext.run(store, done);
  });
  // A REST route's unit of work ends before its answer leaves: committed on 2xx/3xx, rolled back
  // otherwise (GraphQL ends its own in Mercurius' onResolution, so nothing is open here then).
  // A failed commit throws, and Fastify answers 500 instead of the success it was about to send.
  fastify.addHook('onSend', async (_req, reply, payload) => {
    const store = requestContext.getStore();
    if (store?.tx) await db.finish(store, reply.statusCode < 400);
    return payload;
  });
  // Safety net: a request that ended without either (an abort) never leaves its transaction open.
  fastify.addHook('onResponse', async () => {
    const store = requestContext.getStore();
    if (store?.tx) await db.finish(store, false);
  });
  if (existsSync(config.adminDistDir)) {
    await fastify.register(fastifyStatic, adminStaticOptions(config.adminDistDir, config.production));
    fastify.get('/admin', (_req, reply) => reply.redirect('/admin/'));
  } else {
    fastify.get('/admin/*', (_req, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('Administrationen är inte byggd ännu: kör "npm run build".'),
    );
  }
  fastify.get('/', (_req, reply) => reply.redirect('/admin/'));
  await app.init();
  observeGraphQL(fastify, metrics);
  return app;
}
