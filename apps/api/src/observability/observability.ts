import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WorkerHost } from '@nestjs/bullmq';
import { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { Job, Queue } from 'bullmq';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from '../database/database.tokens.js';
import { AppMetrics, joinOutcome, type PoolCounts, type QueueCounts } from './metrics.js';
import { requestIds } from './request-id.js';

interface InFlight {
  started: bigint;
  span: Span;
  operation?: { name: string; type: string };
  graphqlErrors?: boolean;
}

const inFlight = new WeakMap<FastifyRequest, InFlight>();
const metricsByApp = new WeakMap<object, AppMetrics>();
const tracer = () => trace.getTracer('motesplats');

/**
 * Hooks the metrics, request ids and spans into the HTTP server and serves GET /metrics.
 * Call before `app.init()`: Fastify takes hooks only until it is ready. /metrics answers
 * without sign-in; deployments keep it off the public ingress (infra/terraform).
 */
export function installObservability(app: NestFastifyApplication, fastify: FastifyInstance): AppMetrics {
  const metrics = new AppMetrics({ queueCounts: () => queueCounts(app), pool: () => poolCounts(app) });
  metricsByApp.set(app, metrics);

  fastify.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer().startSpan(
      `${req.method} ${req.routeOptions?.url ?? 'unmatched'}`,
      { attributes: { 'http.request.method': req.method, 'http.route': req.routeOptions?.url ?? 'unmatched' } },
      parent,
    );
    inFlight.set(req, { started: process.hrtime.bigint(), span });
    context.with(trace.setSpan(parent, span), () => requestIds.run(req.id, done));
  });

  fastify.addHook('onResponse', (req, reply, done) => {
    const flight = inFlight.get(req);
    if (!flight) return done();
    const seconds = Number(process.hrtime.bigint() - flight.started) / 1e9;
    const route = req.routeOptions?.url ?? 'unmatched';
    if (route !== '/metrics') {
      metrics.httpDuration.observe({ method: req.method, route, status_code: String(reply.statusCode) }, seconds);
    }
    if (flight.operation) {
      const outcome = flight.graphqlErrors || reply.statusCode >= 400 ? 'error' : 'ok';
      metrics.graphqlDuration.observe({ operation: flight.operation.name, type: flight.operation.type, outcome }, seconds);
      flight.span.updateName(`graphql ${flight.operation.type} ${flight.operation.name}`);
      flight.span.setAttribute('graphql.operation.name', flight.operation.name);
      flight.span.setAttribute('graphql.operation.type', flight.operation.type);
    }
    if (route === '/join/:token') metrics.joinOutcomes.inc({ outcome: joinOutcome(reply.statusCode) });
    flight.span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500 || flight.graphqlErrors) flight.span.setStatus({ code: SpanStatusCode.ERROR });
    flight.span.end();
    done();
  });

  fastify.get('/metrics', async (_req, reply) => {
    reply.header('cache-control', 'no-store').type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  return metrics;
}

/** After `app.init()`: GraphQL operation names and outcomes, from Mercurius' own hooks. */
export function observeGraphQL(fastify: FastifyInstance, metrics: AppMetrics): void {
  const requestOf = (ctx: unknown) => (ctx as { reply?: { request?: FastifyRequest } }).reply?.request;
  const app = fastify as FastifyInstance & { graphql?: { addHook: (name: string, fn: (...args: any[]) => unknown) => void } };
  if (!app.graphql) return;
  app.graphql.addHook('preExecution', async (_schema: unknown, document: DocumentNode, ctx: unknown) => {
    const req = requestOf(ctx);
    const flight = req && inFlight.get(req);
    if (!flight) return;
    const body = req.body as { operationName?: string } | undefined;
    const op = pickOperation(document, body?.operationName);
    flight.operation = { name: metrics.operationLabel(op?.name?.value), type: op?.operation ?? 'unknown' };
  });
  app.graphql.addHook('onResolution', async (execution: { errors?: unknown[] }, ctx: unknown) => {
    const req = requestOf(ctx);
    const flight = req && inFlight.get(req);
    if (flight && execution.errors?.length) flight.graphqlErrors = true;
  });
}

/** Job lateness and results, for every worker this process started (after startWorkers). */
export function observeWorkers(app: NestFastifyApplication): void {
  const metrics = metricsByApp.get(app);
  if (!metrics) return;
  for (const host of providersOf(app, (p): p is WorkerHost => p instanceof WorkerHost)) {
    let worker;
    try {
      worker = host.worker;
    } catch {
      continue; // not started in this process
    }
    const queue = worker.name;
    worker.on('active', (job: Job) => {
      // First attempts only: a retry's wait is its backoff, not lateness.
      if (job.attemptsMade > 0) return;
      const due = job.timestamp + (job.delay ?? 0);
      metrics.jobLateness.observe({ queue }, Math.max(0, ((job.processedOn ?? Date.now()) - due) / 1000));
    });
    worker.on('completed', () => metrics.jobsCompleted.inc({ queue, result: 'completed' }));
    worker.on('failed', () => metrics.jobsCompleted.inc({ queue, result: 'failed' }));
  }
}

export function metricsOf(app: object): AppMetrics | undefined {
  return metricsByApp.get(app);
}

function pickOperation(document: DocumentNode, name: string | undefined): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return name ? ops.find((o) => o.name?.value === name) : ops[0];
}

function providersOf<T>(app: NestFastifyApplication, test: (instance: unknown) => instance is T): T[] {
  const found = new Set<T>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.providers.values()) if (test(wrapper.instance)) found.add(wrapper.instance);
  }
  return [...found];
}

const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

async function queueCounts(app: NestFastifyApplication): Promise<QueueCounts[]> {
  const queues = new Map<string, Queue>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const [token, wrapper] of mod.providers) {
      if (typeof token === 'string' && token.startsWith('BullQueue_') && wrapper.instance) {
        const queue = wrapper.instance as Queue;
        queues.set(queue.name, queue);
      }
    }
  }
  const result: QueueCounts[] = [];
  for (const queue of queues.values()) {
    try {
      result.push({ queue: queue.name, counts: await queue.getJobCounts(...QUEUE_STATES) });
    } catch {
      // Redis unavailable: leave the queue out rather than fail the scrape; /health says why.
    }
  }
  return result;
}

function poolCounts(app: NestFastifyApplication): PoolCounts | undefined {
  const pool = (
    app.get<DataSource>(APP_DATA_SOURCE).driver as unknown as {
      master?: { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } };
    }
  ).master;
  if (!pool) return undefined;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options?.max ?? 0 };
}
