import { FinalFailureError } from '../errors/final-failure-error';
import type { SmsError } from '../errors/sms-error';
import type { ResolvedRetryOptions } from './retry-options';

export interface RetryDecisionInput {
  /** The failure of the attempt that just ended. */
  readonly error: SmsError;
  /** 1 for the first retry. */
  readonly retryNumber: number;
  /** Time left before the budget (maxTotalMs, the request's TTL) runs out, in ms. */
  readonly remainingMs: number;
  readonly settings: ResolvedRetryOptions;
}

export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number; readonly cause: SmsError }
  | { readonly retry: false; readonly why: string };

/**
 * Whether to retry after a failed attempt, and after how long (docs/reliability.md#classifying-provider-answers, docs/reliability.md#retries). Pure.
 *
 * - Only transient "not sent" provider faults are retried: `retryable`, not `outcomeUnknown`,
 *   `fault: 'provider'`. For a failover's `FINAL_FAILURE`, its retryable errors count.
 * - The wait is the exponential backoff `initialDelayMs × factor^(n-1)`, capped at `maxDelayMs`, minus
 *   a random share (`jitter`), and never shorter than the Retry-After (`retryAfterMs`, the smallest
 *   among a chain's retryable errors: the first provider that may be ready).
 * - A Retry-After beyond `maxDelayMs`, or a wait that would end past the budget, stops retrying: the
 *   error reaches the caller with its `retryAfterMs` rather than being retried too early or too late.
 *
 * @example
 * decideRetry({ error: rateLimited, retryNumber: 1, remainingMs: 30_000, settings }); // { retry: true, delayMs: 1000, cause: rateLimited }
 */
export function decideRetry(input: RetryDecisionInput): RetryDecision {
  const { error, retryNumber, remainingMs, settings } = input;
  if (error.outcomeUnknown) return { retry: false, why: 'the outcome is unknown; the message may have been sent' };
  if (error.fault !== 'provider') return { retry: false, why: 'a request fault fails the same way every time' };
  const transient = (FinalFailureError.isInstance(error) ? error.errors : [error]).filter(isTransient);
  if (transient.length === 0) return { retry: false, why: 'the failure is not transient' };

  const hinted = transient.filter((candidate) => candidate.retryAfterMs !== undefined);
  const soonest = hinted.reduce<SmsError | undefined>((best, candidate) => (best === undefined || (candidate.retryAfterMs ?? 0) < (best.retryAfterMs ?? 0) ? candidate : best), undefined);
  const retryAfterMs = soonest?.retryAfterMs;
  if (retryAfterMs !== undefined && retryAfterMs > settings.maxDelayMs) {
    return { retry: false, why: `Retry-After (${retryAfterMs} ms) is longer than maxDelayMs (${settings.maxDelayMs} ms)` };
  }
  const backoff = Math.min(settings.maxDelayMs, settings.initialDelayMs * settings.factor ** (retryNumber - 1));
  const jittered = Math.round(backoff * (1 - settings.jitter * settings.random()));
  const delayMs = Math.max(jittered, retryAfterMs ?? 0);
  if (delayMs >= remainingMs) return { retry: false, why: `waiting ${delayMs} ms would pass the time budget` };
  return { retry: true, delayMs, cause: soonest ?? (transient.at(-1) as SmsError) };
}

function isTransient(error: SmsError): boolean {
  return error.retryable && !error.outcomeUnknown && error.fault === 'provider' && error.code !== 'FINAL_FAILURE';
}
