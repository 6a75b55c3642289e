import { optionError } from '../options/option-error';
import { checkOptionsObject } from '../options/check-options-object';
import { readWholeNumber } from '../options/read-whole-number';
import { readChoice } from '../options/read-choice';
import type { IdempotencyStore } from './idempotency-store';

const HOUR_MS = 3_600_000;

export interface IdempotencyOptions {
  /** Where keys are claimed. Default: a new `InMemoryIdempotencyStore` (one process only). */
  store?: IdempotencyStore;
  /** How long a finished send's outcome is replayed, in ms. Default 24 h (Stripe's minimum, docs/reliability.md#idempotency-model). */
  retentionMs?: number;
  /**
   * How long an in-flight claim holds its key if its holder crashes, in ms. Default 5 minutes. It must
   * outlast a whole send, retries included (`retry.maxTotalMs` plus a minute for the last attempt).
   */
  leaseMs?: number;
  /** The same key while its first send runs: `wait` for its outcome (default) or `fail` at once. */
  inFlight?: 'wait' | 'fail';
  /** Longest wait for an in-flight duplicate, in ms. Default 60 000. */
  waitTimeoutMs?: number;
  /** How often a waiting duplicate asks the store again, in ms. Default 100. */
  pollIntervalMs?: number;
  /**
   * When the store cannot be reached: `fail` (default, nothing is sent without a claim) or
   * `send-without-claim` (send unprotected; the failure goes to `onBackgroundError`).
   */
  onStoreUnavailable?: 'fail' | 'send-without-claim';
}

export interface ResolvedIdempotencyOptions {
  readonly store: IdempotencyStore | undefined;
  readonly retentionMs: number;
  readonly leaseMs: number;
  readonly inFlight: 'wait' | 'fail';
  readonly waitTimeoutMs: number;
  readonly pollIntervalMs: number;
  readonly onStoreUnavailable: 'fail' | 'send-without-claim';
}

/** Time a last attempt may still take after the retry budget ends (an adapter's default deadline is 10 s). */
const LAST_ATTEMPT_MARGIN_MS = 60_000;

/**
 * Validates idempotency options and applies the defaults; errors name `options.idempotency.…`. The
 * lease must outlast the retry budget, or a waiting duplicate could take the key over mid-send.
 *
 * @example
 * readIdempotencyOptions({ inFlight: 'fail' }, 30_000).leaseMs; // 300000
 */
export function readIdempotencyOptions(value: unknown, retryBudgetMs: number): ResolvedIdempotencyOptions {
  const field = 'options.idempotency';
  const options = checkOptionsObject(field, value, ['store', 'retentionMs', 'leaseMs', 'inFlight', 'waitTimeoutMs', 'pollIntervalMs', 'onStoreUnavailable']);
  const store = options.store as Partial<IdempotencyStore> | undefined;
  if (store !== undefined && (typeof store !== 'object' || store === null || ['claim', 'complete', 'release'].some((method) => typeof store[method as keyof IdempotencyStore] !== 'function'))) {
    throw optionError(`${field}.store`, 'is not an IdempotencyStore (it needs claim, complete and release).', 'pass createInMemoryIdempotencyStore() or createRedisIdempotencyStore(...).');
  }
  const minimumLeaseMs = retryBudgetMs + LAST_ATTEMPT_MARGIN_MS;
  const leaseMs = readWholeNumber(`${field}.leaseMs`, options.leaseMs, Math.max(5 * 60_000, minimumLeaseMs), { minimum: 1_000, maximum: 24 * HOUR_MS });
  if (leaseMs < minimumLeaseMs) {
    throw optionError(
      `${field}.leaseMs`,
      `${leaseMs} ms is shorter than a send may take (retry.maxTotalMs ${retryBudgetMs} ms plus ${LAST_ATTEMPT_MARGIN_MS} ms for the last attempt).`,
      `pass at least ${minimumLeaseMs}, or shorten retry.maxTotalMs.`,
    );
  }
  return {
    store: store as IdempotencyStore | undefined,
    retentionMs: readWholeNumber(`${field}.retentionMs`, options.retentionMs, 24 * HOUR_MS, { minimum: 1_000, maximum: 366 * 24 * HOUR_MS }),
    leaseMs,
    inFlight: readChoice(`${field}.inFlight`, options.inFlight, ['wait', 'fail']),
    waitTimeoutMs: readWholeNumber(`${field}.waitTimeoutMs`, options.waitTimeoutMs, 60_000, { minimum: 0, maximum: 24 * HOUR_MS }),
    pollIntervalMs: readWholeNumber(`${field}.pollIntervalMs`, options.pollIntervalMs, 100, { minimum: 1, maximum: 60_000 }),
    onStoreUnavailable: readChoice(`${field}.onStoreUnavailable`, options.onStoreUnavailable, ['fail', 'send-without-claim']),
  };
}
