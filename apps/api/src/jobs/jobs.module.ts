import { BullModule, BullRegistrar } from '@nestjs/bullmq';
import { Global, Injectable, Module, type DynamicModule, type INestApplicationContext, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { QueueBase } from 'bullmq';
import { logRedisError } from '../common/redis.module.js';
import { RoomScheduler } from '../breakout-rooms/room-scheduler.service.js';
import { OutboxService } from '../outbox/outbox.service.js';

/**
 * BullMQ's queues and workers write every connection error to the console when nobody listens
 * for them — hundreds of stack traces while Redis is down. They get the app's one deduplicated
 * Redis log instead.
 */
@Injectable()
export class QueueErrorLog implements OnApplicationBootstrap {
  private readonly attached = new WeakSet<QueueBase>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    this.attach();
  }

  /** Queues are providers; workers hang off their processors (WorkerHost) once started. */
  attach(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as unknown;
      if (!instance || typeof instance !== 'object') continue;
      const worker = '_worker' in instance ? (instance as { _worker?: unknown })._worker : undefined;
      for (const candidate of [instance, worker]) {
        if (candidate instanceof QueueBase && !this.attached.has(candidate)) {
          this.attached.add(candidate);
          candidate.on('error', logRedisError);
        }
      }
    }
  }
}

/** How often workers look for outbox effects due for a retry, and re-derive the room jobs. */
const OUTBOX_POLL_MS = 5_000;
const RECONCILE_EVERY_MS = 15 * 60_000;

/** BullMQ on the shared Redis. Workers start only when `startWorkers` is called (see main.ts). */
@Global()
@Module({})
export class JobsModule {
  static forRoot(redisUrl: string, prefix: string): DynamicModule {
    return {
      module: JobsModule,
      imports: [
        DiscoveryModule,
        BullModule.forRoot({
          // BullMQ 6 takes the URL as is; workers need maxRetriesPerRequest null.
          connection: { url: redisUrl, maxRetriesPerRequest: null },
          prefix,
          defaultJobOptions: {
            attempts: 5,
            backoff: { type: 'exponential', delay: 5_000 },
            removeOnComplete: 1_000,
            removeOnFail: 5_000,
          },
          // The API process decides whether it also works the queues (RUN_WORKERS); worker.ts always does.
          extraOptions: { manualRegistration: true },
        }),
      ],
      providers: [QueueErrorLog],
      exports: [BullModule, QueueErrorLog],
    };
  }
}

/**
 * Starts the workers of every registered queue. Until some capability registers a queue,
 * BullMQ's registrar does not exist and there is nothing to start.
 */
export function startWorkers(app: INestApplicationContext): boolean {
  let registrar: BullRegistrar;
  try {
    registrar = app.get(BullRegistrar, { strict: false });
  } catch {
    return false;
  }
  registrar.register();
  app.get(QueueErrorLog, { strict: false }).attach();
  startBackgroundWork(app);
  return true;
}

/**
 * With the workers: the outbox poller (retries, and effects whose after-commit kick was lost)
 * and the reconciler, at start and then periodically, which re-derives from the database the
 * jobs every convened meeting needs (a Redis that lost its data heals here).
 */
function startBackgroundWork(app: INestApplicationContext): void {
  app.get(OutboxService).startPolling(OUTBOX_POLL_MS);
  app.get(RoomScheduler, { strict: false }).startReconciling(RECONCILE_EVERY_MS);
}
