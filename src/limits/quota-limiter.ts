/**
 * The quota limiter port: fixed-window counters charged all-or-nothing. The in-memory default
 * (`InMemoryQuotaLimiter`) and the Redis adapter (`RedisRateLimiter`) implement it, and
 * `runRateLimiterContract` (./testing) checks any implementation, including your own.
 *
 * Windows follow rate-limiter-flexible's fixed-window model (docs/quotas.md#sources): a counter's window opens
 * with the first charge and closes `durationMs` later, when the counter starts again from zero.
 */

/** One counter a charge spends on: a tenant window (`hourly`, `daily`) or an abuse guard. */
export interface QuotaCounter {
  /** Reported back when this counter refuses, e.g. `hourly`, `daily`, `destination`, `prefix`. */
  readonly name: string;
  /** Storage key. The same key is the same counter in every process that shares the store. */
  readonly key: string;
  /** Points allowed per window: a whole number of 1 or more. */
  readonly limit: number;
  /** Length of the window in milliseconds: a whole number of 1 or more. */
  readonly durationMs: number;
  /** Points this charge spends: a whole number of 1 or more. `peek` ignores it. */
  readonly cost: number;
}

/** A counter as the store holds it. */
export interface QuotaCounterState {
  readonly name: string;
  readonly key: string;
  readonly limit: number;
  /** Points spent in the current window (including this charge when it was allowed). */
  readonly used: number;
  /** `limit - used`, never below 0. */
  readonly remaining: number;
  /** End of the current window in epoch milliseconds, or null when no window is open. */
  readonly resetAt: number | null;
}

export interface QuotaReading {
  /** Every counter, in the order given. */
  readonly counters: readonly QuotaCounterState[];
  /** Set when the store failed and the insurance limiter answered instead. */
  readonly storeError: Error | undefined;
}

export interface QuotaDecision extends QuotaReading {
  /** True when every counter had room: all were charged. False: none was charged. */
  readonly allowed: boolean;
  /**
   * When refused, the counter that holds the send back longest: among the counters without room, the
   * one whose window ends last (or one whose whole limit is below the cost).
   */
  readonly refusedBy: QuotaCounterState | undefined;
  /**
   * When refused, milliseconds until `refusedBy` resets; undefined when the cost is above that counter's
   * whole limit, so waiting would not help.
   */
  readonly retryAfterMs: number | undefined;
}

/**
 * Charges several counters at once, atomically: a charge passes only if every counter has room for its
 * cost, and a refused charge changes no counter. Implementations must hold this under concurrency
 * (across processes, for a shared store): the points admitted in one window never exceed its limit.
 *
 * A store failure is reported in `storeError` of an insured answer, or by rejecting with a plain
 * `Error`; it is never a refusal (docs/quotas.md#when-redis-fails).
 */
export interface QuotaLimiter {
  /** Charges every counter, or none. Keys within one charge must be distinct. */
  consume(counters: readonly QuotaCounter[]): Promise<QuotaDecision>;
  /** Reads the counters without charging them. */
  peek(counters: readonly QuotaCounter[]): Promise<QuotaReading>;
}
