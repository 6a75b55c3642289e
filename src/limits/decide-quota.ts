import type { QuotaCounter, QuotaCounterState, QuotaDecision } from './quota-limiter';

/**
 * Turns what a store answered into a `QuotaDecision`, the same way for every backend. `used[i]` is the
 * counter's points after the charge (allowed) or as they stand (refused); `msBeforeReset[i]` is the time
 * left in its window, or null when none is open.
 *
 * @example
 * decideQuota({ counters, allowed: false, used: [100, 20], msBeforeReset: [60_000, 3_600_000], now: Date.now() });
 */
export function decideQuota(input: {
  readonly counters: readonly QuotaCounter[];
  readonly allowed: boolean;
  readonly used: readonly number[];
  readonly msBeforeReset: readonly (number | null)[];
  readonly now: number;
  readonly storeError?: Error;
}): QuotaDecision {
  const { counters, allowed, now } = input;
  const states: QuotaCounterState[] = new Array<QuotaCounterState>(counters.length);
  let refusedBy: QuotaCounterState | undefined;
  let retryAfterMs: number | undefined;
  let neverFits = false;
  for (let index = 0; index < counters.length; index += 1) {
    const counter = counters[index] as QuotaCounter;
    const used = input.used[index] ?? 0;
    const wait = input.msBeforeReset[index] ?? null;
    const state: QuotaCounterState = {
      name: counter.name,
      key: counter.key,
      limit: counter.limit,
      used,
      remaining: Math.max(counter.limit - used, 0),
      resetAt: wait === null ? null : now + wait,
    };
    states[index] = state;
    if (allowed || neverFits) continue;
    if (counter.cost > counter.limit) {
      // Waiting cannot help: this counter never has room for the charge.
      neverFits = true;
      refusedBy = state;
      retryAfterMs = undefined;
    } else if (used + counter.cost > counter.limit && (refusedBy === undefined || (wait ?? 0) > (retryAfterMs ?? 0))) {
      refusedBy = state;
      retryAfterMs = Math.max(wait ?? 0, 0);
    }
  }
  return { allowed, counters: states, refusedBy, retryAfterMs, storeError: input.storeError };
}
