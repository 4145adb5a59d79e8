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

  /** Readiness: can this instance serve requests (Postgres and Redis answer)? */
  @Public()
  @Get()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([
      within(this.dataSource.query('select 1').then(() => 'ok' as const)),
      within(this.redis.ping().then(() => 'ok' as const)),
    ]);
    const status = postgres === 'ok' && redis === 'ok' ? 'ok' : 'unavailable';
    reply.status(status === 'ok' ? 200 : 503);
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
