import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator.js';
import { REDIS } from '../common/redis.module.js';
import { APP_DATA_SOURCE } from '../database/database.tokens.js';

type Check = 'ok' | 'down';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /**
   * Readiness. Without Postgres nothing works: 503 "unavailable". Without Redis the instance
   * still serves staff and members (join-link limits fall back to this process), but jobs —
   * link delivery, reminders, room provisioning — wait: 200 "degraded", so a load balancer keeps
   * sending members here while monitoring sees the problem.
   */
  @Public()
  @Get()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([
      within(this.dataSource.query('select 1').then(() => 'ok' as const)),
      // Not connected is down at once: with no offline queue a ping would fail anyway.
      this.redis.status === 'ready' ? within(this.redis.ping().then(() => 'ok' as const)) : Promise.resolve('down' as const),
    ]);
    const status = postgres !== 'ok' ? 'unavailable' : redis !== 'ok' ? 'degraded' : 'ok';
    reply.status(status === 'unavailable' ? 503 : 200);
    return { status, checks: { postgres, redis } };
  }

  /** Liveness: the process runs and its event loop turns. */
  @Public()
  @Get('live')
  live() {
    return { status: 'ok' };
  }
}

async function within(check: Promise<'ok'>, ms = 2000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Check>((resolve) => (timer = setTimeout(() => resolve('down'), ms)));
  try {
    return await Promise.race([check.catch(() => 'down' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
