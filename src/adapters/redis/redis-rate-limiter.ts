import { optionError } from '../../options/option-error';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { systemClock, type Clock } from '../../clock';
import { checkQuotaCounters } from '../../limits/check-quota-counters';
import { decideQuota } from '../../limits/decide-quota';
import { createInMemoryQuotaLimiter } from '../../limits/in-memory-quota-limiter';
import { createInMemorySenderPacer } from '../../limits/in-memory-sender-pacer';
import type { QuotaCounter, QuotaDecision, QuotaLimiter, QuotaReading } from '../../limits/quota-limiter';
import type { PaceDecision, PaceRequest, SenderPacer } from '../../limits/sender-pacer';
import { checkRedisLimiterClient, type RedisLimiterClient } from './redis-limit-client';
import { CONSUME_SCRIPT, PACE_SCRIPT } from './redis-limit-scripts';
import { redisLimitTimeout } from './redis-limit-timeout';

export interface RedisRateLimiterOptions {
  /** An ioredis client created with `enableOfflineQueue: false` (checked); it stays yours to close. */
  client: RedisLimiterClient;
  /** Prefix of every key, as rate-limiter-flexible's `keyPrefix`. Default `sms-limits`. */
  keyPrefix?: string;
  /** Longest wait for Redis on one decision before the insurance limiter answers. Default 500 ms. */
  timeoutMs?: number;
  /**
   * The per-process limiter used while Redis fails. `instances`: how many processes share the limits;
   * each then allows `limit / instances` (rounded up) during an outage (docs/quotas.md#how-exactness-is-guaranteed). Default 1.
   */
  insurance?: { instances?: number; limiter?: QuotaLimiter; pacer?: SenderPacer };
  /** Clock of the insurance limiter and of `resetAt` (windows themselves run on Redis TTLs). */
  clock?: Clock;
}

const CONSUME_COMMAND = 'ocelotSmsQuotaConsume';
const PACE_COMMAND = 'ocelotSmsSenderPace';

type RedisCommand = (...args: (string | number)[]) => Promise<unknown>;

class RedisRateLimiter implements QuotaLimiter, SenderPacer {
  private readonly client: RedisLimiterClient;
  /** rate-limiter-flexible owns the key layout and the reads. */
  private readonly reader: RateLimiterRedis;
  private readonly timeoutMs: number;
  private readonly instances: number;
  private readonly clock: Clock;
  private readonly insuranceLimiter: QuotaLimiter;
  private readonly insurancePacer: SenderPacer;

  constructor(options: RedisRateLimiterOptions) {
    if (typeof options !== 'object' || options === null) throw optionError('options', 'is not an object.', 'pass { client }.');
    checkRedisLimiterClient(options.client);
    const keyPrefix = options.keyPrefix ?? 'sms-limits';
    if (typeof keyPrefix !== 'string' || !/^[\w.:-]{1,64}$/.test(keyPrefix)) {
      throw optionError('options.keyPrefix', 'is not 1 to 64 letters, digits or . : _ -.', "pass a prefix such as 'sms-limits'.");
    }
    this.timeoutMs = wholeNumber('options.timeoutMs', options.timeoutMs, 500, 1, 60_000);
    this.instances = wholeNumber('options.insurance.instances', options.insurance?.instances, 1, 1, 10_000);
    this.clock = options.clock ?? systemClock;
    this.client = options.client;
    this.reader = new RateLimiterRedis({ storeClient: this.client, keyPrefix, points: 1, duration: 1, rejectIfRedisNotReady: true });
    this.insuranceLimiter = options.insurance?.limiter ?? createInMemoryQuotaLimiter({ clock: this.clock });
    this.insurancePacer = options.insurance?.pacer ?? createInMemorySenderPacer({ clock: this.clock });
    this.client.defineCommand(CONSUME_COMMAND, { lua: CONSUME_SCRIPT });
    this.client.defineCommand(PACE_COMMAND, { numberOfKeys: 1, lua: PACE_SCRIPT });
  }

  async consume(counters: readonly QuotaCounter[]): Promise<QuotaDecision> {
    checkQuotaCounters(counters);
    try {
      const args: (string | number)[] = [counters.length];
      for (const counter of counters) args.push(this.reader.getKey(counter.key));
      for (const counter of counters) args.push(counter.cost, counter.limit, counter.durationMs);
      const reply = await this.run(CONSUME_COMMAND, args, 'consume');
      const now = this.clock.now();
      const used: number[] = [];
      const msBeforeReset: (number | null)[] = [];
      for (let index = 0; index < counters.length; index += 1) {
        used.push(Number(reply[2 * index + 1]));
        const ttl = Number(reply[2 * index + 2]);
        msBeforeReset.push(ttl >= 0 ? ttl : null);
      }
      return decideQuota({ counters, allowed: reply[0] === 1, used, msBeforeReset, now });
    } catch (error) {
      const decision = await this.insuranceLimiter.consume(this.insured(counters));
      return { ...decision, storeError: asError(error) };
    }
  }

  async peek(counters: readonly QuotaCounter[]): Promise<QuotaReading> {
    checkQuotaCounters(counters);
    try {
      this.checkReady();
      const results = await redisLimitTimeout(Promise.all(counters.map((counter) => this.reader.get(counter.key))), this.timeoutMs, 'read');
      const used = results.map((result) => result?.consumedPoints ?? 0);
      const msBeforeReset = results.map((result) => (result !== null && result.msBeforeNext >= 0 ? result.msBeforeNext : null));
      return { counters: decideQuota({ counters, allowed: true, used, msBeforeReset, now: this.clock.now() }).counters, storeError: undefined };
    } catch (error) {
      const reading = await this.insuranceLimiter.peek(this.insured(counters));
      return { counters: reading.counters, storeError: asError(error) };
    }
  }

  async reserve(request: PaceRequest): Promise<PaceDecision> {
    try {
      const reply = await this.run(PACE_COMMAND, [this.reader.getKey(`pace:${request.key}`), request.intervalMs, request.maxWaitMs], 'pace');
      const accepted = reply[0] === 1;
      const value = Number(reply[1]);
      return { accepted, waitMs: accepted ? value : 0, retryAfterMs: accepted ? undefined : value, storeError: undefined };
    } catch (error) {
      const decision = await this.insurancePacer.reserve(request);
      return { ...decision, storeError: asError(error) };
    }
  }

  private async run(command: string, args: readonly (string | number)[], name: string): Promise<unknown[]> {
    this.checkReady();
    const call = (this.client as unknown as Record<string, RedisCommand>)[command] as RedisCommand;
    const reply = await redisLimitTimeout(call.apply(this.client, [...args]), this.timeoutMs, name);
    if (!Array.isArray(reply)) throw new Error(`Redis rate limiter ${name} got an unexpected reply`);
    return reply;
  }

  /** Fails fast while disconnected, like rate-limiter-flexible's `rejectIfRedisNotReady` (PR #188). */
  private checkReady(): void {
    if (this.client.status !== 'ready') throw new Error(`Redis is not ready (connection ${this.client.status})`);
  }

  /** Each process allows its share of every limit, but never less than one charge of the size asked. */
  private insured(counters: readonly QuotaCounter[]): QuotaCounter[] {
    return counters.map((counter) => ({ ...counter, limit: Math.max(Math.ceil(counter.limit / this.instances), Math.min(counter.cost, counter.limit)) }));
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function wholeNumber(field: string, value: unknown, fallback: number, minimum: number, maximum: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum || value > maximum) {
    throw optionError(field, 'is out of range.', `pass a whole number from ${minimum} to ${maximum}.`);
  }
  return value;
}


export type { RedisRateLimiter };

/**
 * Tenant quotas and sender pacing shared by every process that uses the same Redis: the limits hold
 * whether the host runs one instance or twenty.
 *
 * - **Exact under concurrency.** A charge is one Lua script over all its counters: it checks that every
 *   window has room and then charges all of them, or charges none, with no command of any other client
 *   in between. So the points admitted in a window never exceed its limit, and a refused send costs
 *   nothing (rate-limiter-flexible's `RateLimiterUnion` would charge every window and not roll back).
 * - **On rate-limiter-flexible.** Keys and values are `RateLimiterRedis`'s (`keyPrefix:key`, integer
 *   points, TTL = window), the script extends its fixed-window script to several keys, and reads go
 *   through `RateLimiterRedis#get`; use `RateLimiterRedis#delete` with the same `keyPrefix` to reset one.
 * - **Never a hang, never a false rate limit.** With Redis not ready, failing or slower than `timeoutMs`,
 *   the in-memory insurance limiter decides and the decision carries `storeError` (the service turns it
 *   into one `sms.quota_degraded` notice). A store failure is never reported as `RATE_LIMITED`.
 *
 * @example
 * import { Redis } from 'ioredis';
 * import { createRedisRateLimiter, type RedisRateLimiter } from '@ocelot-platform/tools-core/redis';
 *
 * const client = new Redis({ host: '127.0.0.1', enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
 * const limiter = createRedisRateLimiter({ client, insurance: { instances: 20 } });
 * const sms = new SMSService({ providers, quotas: { limiter, hourly: 100, daily: 500 }, pacing: { pacer: limiter, default: { messagesPerSecond: 1 } } });
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  return new RedisRateLimiter(options);
}
