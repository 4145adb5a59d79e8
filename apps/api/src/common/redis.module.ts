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
            // ioredis reconnects by itself; say so once a minute instead of an unhandled error per attempt.
            let lastWarning = 0;
            redis.on('error', (err: Error) => {
              if (Date.now() - lastWarning < 60_000) return;
              lastWarning = Date.now();
              log.warn(`Redis unavailable (${err.message}); reconnecting`);
            });
            return redis;
          },
        },
        RedisCloser,
      ],
      exports: [REDIS],
    };
  }
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
