import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Logger } from '@nestjs/common';

const log = new Logger('Redis');

export const REDIS = Symbol('REDIS');

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({})
export class RedisModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        // No offline queue: a readiness probe must fail fast when Redis is gone, not hang.
        {
          provide: REDIS,
          useFactory: () => {
            const redis = new Redis(url, { maxRetriesPerRequest: null, enableOfflineQueue: false, lazyConnect: false });
            redis.on('error', logRedisError);
            return redis;
          },
        },
        RedisCloser,
      ],
      exports: [REDIS],
    };
  }
}

const lastLogged = new Map<string, number>();

/**
 * Every Redis connection of the process (this client, BullMQ's queues and workers) reports its
 * errors here. They reconnect by themselves, trying again and again while Redis is down: each
 * distinct message is logged once a minute, not once per attempt and connection.
 */
export function logRedisError(err: Error): void {
  const message = (err?.message ?? String(err)).slice(0, 200);
  const now = Date.now();
  if (now - (lastLogged.get(message) ?? 0) < 60_000) return;
  if (lastLogged.size > 100) lastLogged.clear();
  lastLogged.set(message, now);
  log.warn(`Redis unavailable (${message}); reconnecting`);
}

/** Fails with a message a person can act on when nothing answers at REDIS_URL. */
export async function assertRedisReachable(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
  } catch {
    throw new Error(
      `Redis answers nowhere at ${redactUrl(url)}. Start one (Debian: "apt-get install redis-server" then "redis-server --daemonize yes") or set REDIS_URL.`,
    );
  } finally {
    client.disconnect();
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid url)';
  }
}
