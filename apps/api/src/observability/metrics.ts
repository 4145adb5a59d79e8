import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names are chosen by clients: beyond this many distinct ones, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The application's Prometheus metrics, one registry per application instance (tests run
 * several in one process). Labels never carry personal data, tokens or ids: only route
 * patterns, GraphQL operation names, queue names and fixed outcome words.
 */
export class AppMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'motesplats_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'motesplats_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name and type, and whether it returned errors.',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly joinOutcomes = new Counter({
    name: 'motesplats_join_attempts_total',
    help: 'Members opening their join page, by outcome: opened, invalid (unknown, revoked or expired link), rate_limited, error.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly jobLateness = new Histogram({
    name: 'motesplats_job_lateness_seconds',
    help: 'How long after its due time a job started (queue wait plus delay overrun), by queue.',
    labelNames: ['queue'] as const,
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900],
    registers: [this.registry],
  });

  readonly jobsCompleted = new Counter({
    name: 'motesplats_jobs_finished_total',
    help: 'Jobs finished by this process, by queue and result (completed, failed).',
    labelNames: ['queue', 'result'] as const,
    registers: [this.registry],
  });

  private readonly operations = new Set<string>();

  constructor(sources: { queueCounts?: () => Promise<QueueCounts[]>; pool?: () => PoolCounts | undefined } = {}) {
    collectDefaultMetrics({ register: this.registry, prefix: 'motesplats_' });
    const queueCounts = sources.queueCounts;
    new Gauge({
      name: 'motesplats_queue_jobs',
      help: 'Jobs in each queue by state (waiting, delayed, active, failed), read from Redis at scrape time.',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        if (!queueCounts) return;
        for (const q of await queueCounts()) {
          for (const [state, n] of Object.entries(q.counts)) this.set({ queue: q.queue, state }, n);
        }
      },
    });
    const pool = sources.pool;
    new Gauge({
      name: 'motesplats_db_pool_connections',
      help: 'The API role connection pool: total, idle and waiting (clients queued for a connection), and its maximum.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const counts = pool?.();
        if (!counts) return;
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }

  /** A label for the operation: its name when it is a sane identifier, bounded in number. */
  operationLabel(name: string | undefined | null): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    this.operations.add(name);
    return name;
  }
}

export interface QueueCounts {
  queue: string;
  counts: Record<string, number>;
}

export interface PoolCounts {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** The join page's answer, as a word: the status codes JoinController sends. */
export function joinOutcome(statusCode: number): 'opened' | 'invalid' | 'rate_limited' | 'error' {
  if (statusCode === 200) return 'opened';
  if (statusCode === 404) return 'invalid';
  if (statusCode === 429) return 'rate_limited';
  return 'error';
}
