import { SmsError } from '../errors/sms-error';
import { QuotaExceededError } from '../limits/quota-exceeded-error';

/** Longest wait between two tries of a request the service could not take yet. */
const MAX_BACKOFF_MS = 60_000;

export interface RequestRetryDecision {
  /** Wait before the next try, in ms. */
  readonly delayMs: number;
  /** Why: shown in logs. */
  readonly cause: 'rate-limited' | 'store-unavailable' | 'unexpected-error';
}

/** Store outages that sent nothing and left the key free: retried after a backoff. */
const STORE_OUTAGES: ReadonlySet<string> = new Set(['IDEMPOTENCY_STORE_UNAVAILABLE', 'MESSAGE_STORE_UNAVAILABLE']);

/**
 * Whether a failed send should be tried again later rather than answered now, and when. Only failures
 * that sent nothing and left the idempotency key free qualify, since a retry under the same key would
 * otherwise replay the failure:
 * - `RATE_LIMITED` from the service's own quota or guards (`QuotaExceededError`, not the sender queue,
 *   whose refusal is recorded under the key): after its `retryAfterMs` (docs/platform-mode.md#what-the-worker-does-with-each-request:
 *   delay-requeue, never ack-and-drop);
 * - `IDEMPOTENCY_STORE_UNAVAILABLE` (the key could not be claimed) and `MESSAGE_STORE_UNAVAILABLE` (the
 *   record could not be written before the provider call; the key was freed): backoff;
 * - anything that is not an `SmsError` (a bug): backoff, at most `maxUnexpectedRetries` times.
 * Everything else is the request's answer.
 *
 * @example
 * decideRequestRetry(quotaError, 0, 3)?.delayMs; // quotaError.retryAfterMs
 */
export function decideRequestRetry(error: unknown, attempt: number, maxUnexpectedRetries: number): RequestRetryDecision | undefined {
  const backoff = Math.min(1_000 * 2 ** attempt, MAX_BACKOFF_MS);
  if (QuotaExceededError.isInstance(error)) {
    if (error.window === 'sender' || error.retryAfterMs === undefined || !error.retryable) return undefined;
    return { delayMs: Math.max(error.retryAfterMs, 1), cause: 'rate-limited' };
  }
  if (SmsError.isInstance(error)) return STORE_OUTAGES.has(error.reason) ? { delayMs: backoff, cause: 'store-unavailable' } : undefined;
  return attempt < maxUnexpectedRetries ? { delayMs: backoff, cause: 'unexpected-error' } : undefined;
}
