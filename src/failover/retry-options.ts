import { optionError } from '../options/option-error';
import { checkOptionsObject } from '../options/check-options-object';
import { readWholeNumber } from '../options/read-whole-number';
import { readNumber } from '../options/read-number';
import { readFunction } from '../options/read-function';

/**
 * Retries of "not sent" transient failures (connection refused, 429, an open circuit about to
 * half-open) with exponential backoff and jitter, honouring Retry-After (docs/reliability.md#retries).
 */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3; 1 turns retries off. */
  attempts?: number;
  /** Wait before the first retry, in ms. Default 500. */
  initialDelayMs?: number;
  /** Each retry waits this many times longer than the one before. Default 2. */
  factor?: number;
  /**
   * Longest single wait, in ms. Default 8 000. A Retry-After longer than this ends the retries (the
   * error keeps `retryAfterMs` for the caller) rather than retrying before the provider allows it.
   */
  maxDelayMs?: number;
  /** Time budget from the first attempt, in ms; no retry starts after it. Default 30 000. */
  maxTotalMs?: number;
  /** Share of each backoff removed at random (0 to 1), so clients do not retry in lockstep. Default 0.25. */
  jitter?: number;
  /** Source of randomness for the jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

const keys = ['attempts', 'initialDelayMs', 'factor', 'maxDelayMs', 'maxTotalMs', 'jitter', 'random'];

/**
 * Validates retry options and applies the defaults; `field` names them in errors (`options.retry`).
 *
 * @example
 * readRetryOptions({ attempts: 5 }, 'options.retry').maxDelayMs; // 8000
 */
export function readRetryOptions(value: unknown, field: string): ResolvedRetryOptions {
  const options = checkOptionsObject(field, value, keys);
  const initialDelayMs = readWholeNumber(`${field}.initialDelayMs`, options.initialDelayMs, 500, { minimum: 0, maximum: 60_000 });
  const maxDelayMs = readWholeNumber(`${field}.maxDelayMs`, options.maxDelayMs, Math.max(8_000, initialDelayMs), { minimum: 0, maximum: 300_000 });
  if (maxDelayMs < initialDelayMs) {
    throw optionError(`${field}.maxDelayMs`, `${maxDelayMs} is shorter than initialDelayMs (${initialDelayMs}).`, 'pass a maxDelayMs at least as long as initialDelayMs.');
  }
  return {
    attempts: readWholeNumber(`${field}.attempts`, options.attempts, 3, { minimum: 1, maximum: 10 }),
    initialDelayMs,
    factor: readNumber(`${field}.factor`, options.factor, 2, { minimum: 1, maximum: 10 }),
    maxDelayMs,
    maxTotalMs: readWholeNumber(`${field}.maxTotalMs`, options.maxTotalMs, 30_000, { minimum: 0, maximum: 3_600_000 }),
    jitter: readNumber(`${field}.jitter`, options.jitter, 0.25, { minimum: 0, maximum: 1 }),
    random: readFunction(`${field}.random`, options.random, Math.random),
  };
}
