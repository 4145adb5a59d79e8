import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { REDIS } from '../common/redis.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** Tokens sharing these first characters share a budget, wherever the requests come from. */
const PREFIX_LENGTH = 2;
const WINDOW_MS = 60_000;

/**
 * Rate limits for join links and calendar feeds, counted in Redis so that they hold across
 * API instances. Two budgets, each over the last one to two minutes: failed look-ups per client address (a burst of
 * guesses), and all look-ups per token prefix (guessing spread over many addresses). A member
 * whose link works never spends the first; a whole council behind one town-hall address can
 * join at once.
 */
@Injectable()
export class JoinRateLimiter {
  private readonly keyPrefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.keyPrefix = `${config.queuePrefix}:join-rate`;
  }

  /**
   * Counts this attempt; false when the caller must get 429. Budgets cover the current and the
   * previous minute together, so a burst that straddles a minute boundary is not given a fresh
   * budget halfway through.
   */
  async allow(ip: string, token: string): Promise<boolean> {
    const window = Math.floor(Date.now() / WINDOW_MS);
    const prefixKey = (w: number) => `${this.keyPrefix}:prefix:${token.slice(0, PREFIX_LENGTH)}:${w}`;
    const results = await this.redis
      .multi()
      .mget(this.failureKey(ip, window), this.failureKey(ip, window - 1), prefixKey(window - 1))
      .incr(prefixKey(window))
      .pexpire(prefixKey(window), 2 * WINDOW_MS)
      .exec();
    const [failedNow, failedBefore, attemptsBefore] = ((results?.[0]?.[1] as (string | null)[]) ?? []).map(Number);
    const failed = (failedNow || 0) + (failedBefore || 0);
    const attempts = Number(results?.[1]?.[1] ?? 0) + (attemptsBefore || 0);
    const limits = this.config.joinRateLimits;
    return failed < limits.failuresPerIpPerMinute && attempts <= limits.perTokenPrefixPerMinute;
  }

  async failed(ip: string): Promise<void> {
    const key = this.failureKey(ip, Math.floor(Date.now() / WINDOW_MS));
    await this.redis.multi().incr(key).pexpire(key, 2 * WINDOW_MS).exec();
  }

  /** Counts the attempt; when over a limit, answers 429 (with Retry-After) and returns false. */
  async admit(ip: string, token: string, reply: FastifyReply): Promise<boolean> {
    if (await this.allow(ip, token)) return true;
    reply
      .code(429)
      .header('retry-after', String(Math.ceil((WINDOW_MS - (Date.now() % WINDOW_MS)) / 1000)))
      .type('text/plain; charset=utf-8')
      .send('För många försök. Vänta en stund och försök igen. / Too many attempts: wait a moment and try again.');
    return false;
  }

  private failureKey(ip: string, window: number): string {
    return `${this.keyPrefix}:fail:${ip}:${window}`;
  }
}
