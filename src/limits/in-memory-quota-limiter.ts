import { systemClock, type Clock } from '../clock';
import { checkQuotaCounters } from './check-quota-counters';
import { decideQuota } from './decide-quota';
import type { QuotaCounter, QuotaDecision, QuotaLimiter, QuotaReading } from './quota-limiter';

export interface InMemoryQuotaLimiterOptions {
  /** Where time comes from; tests pass a fake clock to roll windows over without waiting. */
  clock?: Clock;
}

interface Window {
  used: number;
  resetAt: number;
}

/** Expired windows are swept once the map grows past this many entries (then past twice the live count). */
const FIRST_SWEEP_AT = 1024;

class InMemoryQuotaLimiter implements QuotaLimiter {
  private readonly clock: Clock;
  private readonly windows = new Map<string, Window>();
  private sweepAt = FIRST_SWEEP_AT;

  constructor(options: InMemoryQuotaLimiterOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  consume(counters: readonly QuotaCounter[]): Promise<QuotaDecision> {
    try {
      return Promise.resolve(this.consumeNow(counters));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  peek(counters: readonly QuotaCounter[]): Promise<QuotaReading> {
    try {
      checkQuotaCounters(counters);
      const now = this.clock.now();
      const { used, msBeforeReset } = this.read(counters, now);
      const { counters: states } = decideQuota({ counters, allowed: true, used, msBeforeReset, now });
      return Promise.resolve({ counters: states, storeError: undefined });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The synchronous charge behind `consume`: check every counter, then charge all or none. */
  consumeNow(counters: readonly QuotaCounter[]): QuotaDecision {
    checkQuotaCounters(counters);
    const now = this.clock.now();
    const { used, msBeforeReset } = this.read(counters, now);
    let allowed = true;
    for (let index = 0; index < counters.length; index += 1) {
      const counter = counters[index] as QuotaCounter;
      if ((used[index] as number) + counter.cost > counter.limit) allowed = false;
    }
    if (allowed) {
      for (let index = 0; index < counters.length; index += 1) {
        const counter = counters[index] as QuotaCounter;
        let window = this.windows.get(counter.key);
        if (window === undefined || window.resetAt <= now) {
          window = { used: 0, resetAt: now + counter.durationMs };
          this.windows.set(counter.key, window);
        }
        window.used += counter.cost;
        used[index] = window.used;
        msBeforeReset[index] = window.resetAt - now;
      }
      if (this.windows.size >= this.sweepAt) this.sweep(now);
    }
    return decideQuota({ counters, allowed, used, msBeforeReset, now });
  }

  private read(counters: readonly QuotaCounter[], now: number): { used: number[]; msBeforeReset: (number | null)[] } {
    const used = new Array<number>(counters.length);
    const msBeforeReset = new Array<number | null>(counters.length);
    for (let index = 0; index < counters.length; index += 1) {
      const window = this.windows.get((counters[index] as QuotaCounter).key);
      const open = window !== undefined && window.resetAt > now;
      used[index] = open ? window.used : 0;
      msBeforeReset[index] = open ? window.resetAt - now : null;
    }
    return { used, msBeforeReset };
  }

  /** Forgets closed windows so memory follows the live counters, never the keys ever seen. */
  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.resetAt <= now) this.windows.delete(key);
    }
    this.sweepAt = Math.max(FIRST_SWEEP_AT, this.windows.size * 2);
  }
}

export type { InMemoryQuotaLimiter };

/**
 * The embedded quota limiter: fixed windows in this process's memory, no server. Each charge is checked
 * and applied synchronously, with no `await` in between, so concurrent sends in one process can never
 * both take the last point: the check-and-consume is atomic (docs/quotas.md#how-exactness-is-guaranteed). Counters are per
 * process; hosts running several instances use the Redis adapter (`@ocelot-platform/tools-core/redis`).
 *
 * Written here rather than on rate-limiter-flexible's `RateLimiterMemory`, which reads `Date.now()` and
 * schedules real timers, so windows could not follow an injected clock.
 *
 * @example
 * const limiter = createInMemoryQuotaLimiter();
 * const decision = await limiter.consume([
 *   { name: 'hourly', key: 'tenant:org-1:hourly', limit: 100, durationMs: 3_600_000, cost: 1 },
 *   { name: 'daily', key: 'tenant:org-1:daily', limit: 500, durationMs: 86_400_000, cost: 1 },
 * ]);
 * decision.allowed; // true
 */
export function createInMemoryQuotaLimiter(options: InMemoryQuotaLimiterOptions = {}): InMemoryQuotaLimiter {
  return new InMemoryQuotaLimiter(options);
}
