import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { REDIS } from '../common/redis.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';

/** Tokens sharing these first characters share a budget of failures, wherever they come from. */
const PREFIX_LENGTH = 2;
const WINDOW_MS = 60_000;
/** A rate limit must never hold a member at the door: Redis gets this long, then the process decides alone. */
const REDIS_TIMEOUT_MS = 300;
/**
 * How long an address Redis found within its budget is taken at its word without asking again.
 * Failures through this process are counted at once (see `failed`); those through other
 * instances are seen this much later at most.
 */
const CLEAR_FOR_MS = 250;

const log = new Logger('JoinRateLimiter');

/**
 * Rate limits for join links and calendar feeds, counted in Redis so that they hold across
 * API instances. Only failures are counted — a member whose link works never spends a budget,
 * and nobody else's failures can lock out a working link:
 *
 * - failed look-ups per client address (a burst of guesses): over the limit the address gets
 *   429 for everything, checked before any look-up and without counting further;
 * - failed look-ups per token prefix, from anywhere (guessing spread over many addresses):
 *   over the limit further failures there get 429, while working tokens are still answered.
 *
 * Malformed tokens are answered before either budget is touched. Each budget covers the current
 * and the previous minute together, so a burst that straddles a minute boundary is not given a
 * fresh budget halfway through.
 *
 * When Redis does not answer, the counts are kept in this process instead: per instance rather
 * than across instances, but members still get in.
 */
@Injectable()
export class JoinRateLimiter {
  private readonly keyPrefix: string;
  private readonly local = new Map<string, { count: number; expires: number }>();
  /** Addresses Redis said were blocked, until the end of the minute it said so (counts only grow within it). */
  private readonly blockedUntil = new Map<string, number>();
  /** Addresses Redis said were within their budget, until CLEAR_FOR_MS later. */
  private readonly clearUntil = new Map<string, number>();
  private redisDown = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.keyPrefix = `${config.queuePrefix}:join-rate`;
  }

  /** Whether this address has failed too often; counts nothing. */
  async blocked(ip: string): Promise<boolean> {
    if (this.knownBlocked(ip)) return true;
    const at = this.clock.now().getTime();
    if ((this.clearUntil.get(ip) ?? 0) > at) return false;
    const window = Math.floor(at / WINDOW_MS);
    const [now, before] = await this.read([this.failureKey(ip, window), this.failureKey(ip, window - 1)]);
    return this.remember(ip, window, now! + before!);
  }

  /** Notes what the address's count means until it is next asked; true when it is blocked. */
  private remember(ip: string, window: number, failures: number): boolean {
    const blocked = failures >= this.config.joinRateLimits.failuresPerIpPerMinute;
    // Bounded: a flood of addresses empties the memory, which only costs Redis reads.
    for (const m of [this.blockedUntil, this.clearUntil]) if (m.size >= 10_000) m.clear();
    if (blocked) {
      this.clearUntil.delete(ip);
      this.blockedUntil.set(ip, (window + 1) * WINDOW_MS);
    } else this.clearUntil.set(ip, this.clock.now().getTime() + CLEAR_FOR_MS);
    return blocked;
  }

  /**
   * Whether this process already knows the address is blocked for the rest of this minute: then
   * its requests are refused without asking Redis or looking anything up. Lets the join page's
   * look-up run alongside the budget's read for everyone else (see JoinController).
   */
  knownBlocked(ip: string): boolean {
    const until = this.blockedUntil.get(ip);
    if (until === undefined) return false;
    if (until > this.clock.now().getTime()) return true;
    this.blockedUntil.delete(ip);
    return false;
  }

  /**
   * Counts a failed look-up against the address and, when given, the token's prefix. True when
   * the prefix is now over its budget (the caller answers 429 instead of "not valid").
   */
  async failed(ip: string, token?: string): Promise<boolean> {
    const window = Math.floor(this.clock.now().getTime() / WINDOW_MS);
    if (!token) {
      const [ipNow, ipBefore] = await this.increment([this.failureKey(ip, window)], [this.failureKey(ip, window - 1)]);
      this.remember(ip, window, ipNow! + ipBefore!);
      return false;
    }
    const [ipNow, prefixNow, ipBefore, prefixBefore] = await this.increment(
      [this.failureKey(ip, window), this.prefixKey(token, window)],
      [this.failureKey(ip, window - 1), this.prefixKey(token, window - 1)],
    );
    // The address's own count, read back in the same round trip: its next request is refused
    // here without waiting for the remembered "within budget" to lapse.
    this.remember(ip, window, ipNow! + ipBefore!);
    return prefixNow! + prefixBefore! > this.config.joinRateLimits.perTokenPrefixPerMinute;
  }

  /** When the address is blocked, answers 429 (with Retry-After) and returns false. */
  async admit(ip: string, _token: string, reply: FastifyReply): Promise<boolean> {
    if (!(await this.blocked(ip))) return true;
    tooMany(reply, this.clock.now().getTime());
    return false;
  }

  private async read(keys: string[]): Promise<number[]> {
    const fromRedis = await this.tryRedis(() => this.redis.mget(...keys));
    if (fromRedis) return fromRedis.map((v) => Number(v) || 0);
    const now = this.clock.now().getTime();
    return keys.map((k) => {
      const entry = this.local.get(k);
      return entry && entry.expires > now ? entry.count : 0;
    });
  }

  /**
   * Counts one more against each of `keys` and reads `andRead` in the same MULTI: one round
   * trip to Redis per failed look-up. The new counts, then the read ones.
   */
  private async increment(keys: string[], andRead: string[] = []): Promise<number[]> {
    const fromRedis = await this.tryRedis(async () => {
      const multi = this.redis.multi();
      for (const k of keys) multi.incr(k).pexpire(k, 2 * WINDOW_MS);
      for (const k of andRead) multi.get(k);
      const results = await multi.exec();
      return [...keys.map((_, i) => Number(results?.[2 * i]?.[1] ?? 0)), ...andRead.map((_, i) => Number(results?.[2 * keys.length + i]?.[1]) || 0)];
    });
    if (fromRedis) return fromRedis;
    const now = this.clock.now().getTime();
    if (this.local.size > 100_000) for (const [k, e] of this.local) if (e.expires <= now) this.local.delete(k);
    const counted = keys.map((k) => {
      const entry = this.local.get(k);
      const next = entry && entry.expires > now ? { count: entry.count + 1, expires: entry.expires } : { count: 1, expires: now + 2 * WINDOW_MS };
      this.local.set(k, next);
      return next.count;
    });
    return [
      ...counted,
      ...andRead.map((k) => {
        const entry = this.local.get(k);
        return entry && entry.expires > now ? entry.count : 0;
      }),
    ];
  }

  /** The result, or null when Redis is not there (not connected, an error, or no answer in time). */
  private async tryRedis<T>(fn: () => Promise<T>): Promise<T | null> {
    if (this.redis.status !== 'ready') return this.down(null);
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([fn(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), REDIS_TIMEOUT_MS)))]);
      if (this.redisDown) log.log('Redis answers again: join-link limits are shared across instances again');
      this.redisDown = false;
      return result;
    } catch (err) {
      return this.down(err);
    } finally {
      clearTimeout(timer);
    }
  }

  private down(err: unknown): null {
    if (!this.redisDown)
      log.warn(`Redis unavailable for join-link limits (${err instanceof Error ? err.message : 'not connected'}); counting in this process until it answers`);
    this.redisDown = true;
    return null;
  }

  private failureKey(ip: string, window: number): string {
    return `${this.keyPrefix}:fail:${ip}:${window}`;
  }

  private prefixKey(token: string, window: number): string {
    return `${this.keyPrefix}:prefix-fail:${token.slice(0, PREFIX_LENGTH)}:${window}`;
  }
}

// The join route answers 429 without the limiter at hand, so the moment defaults to the wall clock.
// eslint-disable-next-line no-restricted-syntax
export function tooMany(reply: FastifyReply, now: number = Date.now()): void {
  reply
    .code(429)
    .header('retry-after', String(Math.ceil((WINDOW_MS - (now % WINDOW_MS)) / 1000)))
    .type('text/plain; charset=utf-8')
    .send('För många försök. Vänta en stund och försök igen. / Too many attempts: wait a moment and try again.');
}
