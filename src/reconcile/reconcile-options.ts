import { checkOptionsObject } from '../options/check-options-object';
import { optionError } from '../options/option-error';
import { readBoolean } from '../options/read-boolean';
import { readWholeNumber } from '../options/read-whole-number';

/** `sms.reconcile(options)` (docs/reconciliation.md#running-it). */
export interface ReconcileOptions {
  /**
   * Milliseconds a record must have waited in `unknown`, `queued`, `sending` or `sent` before it is
   * checked. Default 15 minutes: longer than the idempotency lease, so a send still running is never judged.
   */
  readonly olderThan?: number;
  /** Most records checked in one run. Default 100. */
  readonly limit?: number;
  /** Send once more, through the normal pipeline with the same idempotency key, a message the provider provably never accepted. Default false. */
  readonly resendNotSent?: boolean;
  /** How long after a send started its message may have been created at the provider (the listing window). Default 10 minutes. */
  readonly windowMs?: number;
  /** Waits on the provider's Retry-After per provider call before the record is left for the next run. Default 3. */
  readonly maxRateLimitWaits?: number;
  /** Stops the run between records (and aborts a provider call or a wait); the summary says what was done. */
  readonly signal?: AbortSignal;
}

export interface ReadReconcileOptions {
  readonly olderThanMs: number;
  readonly limit: number;
  readonly resendNotSent: boolean;
  readonly windowMs: number;
  readonly maxRateLimitWaits: number;
  readonly signal: AbortSignal | undefined;
}

const MINUTE_MS = 60_000;
const RECONCILE_OPTION_KEYS = ['olderThan', 'limit', 'resendNotSent', 'windowMs', 'maxRateLimitWaits', 'signal'] as const;

/**
 * Checks `reconcile()`'s options, with a `ValidationError` naming the field (`options.limit`) and the fix.
 *
 * @example
 * readReconcileOptions({ limit: 500 }).olderThanMs; // 900000
 */
export function readReconcileOptions(input: ReconcileOptions = {}): ReadReconcileOptions {
  const options = checkOptionsObject('options', input, RECONCILE_OPTION_KEYS) as ReconcileOptions;
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw optionError('options.signal', 'is not an AbortSignal.', 'pass controller.signal from an AbortController, or omit it.');
  }
  return {
    olderThanMs: readWholeNumber('options.olderThan', options.olderThan, 15 * MINUTE_MS, { minimum: 0, maximum: 30 * 24 * 60 * MINUTE_MS }),
    limit: readWholeNumber('options.limit', options.limit, 100, { minimum: 1, maximum: 10_000 }),
    resendNotSent: readBoolean('options.resendNotSent', options.resendNotSent, false),
    windowMs: readWholeNumber('options.windowMs', options.windowMs, 10 * MINUTE_MS, { minimum: 1_000, maximum: 24 * 60 * MINUTE_MS }),
    maxRateLimitWaits: readWholeNumber('options.maxRateLimitWaits', options.maxRateLimitWaits, 3, { minimum: 0, maximum: 20 }),
    signal: options.signal,
  };
}
