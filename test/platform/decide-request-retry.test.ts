import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { QuotaExceededError } from '../../src/limits/quota-exceeded-error';
import { decideRequestRetry } from '../../src/platform/decide-request-retry';

const quota = (window: 'hourly' | 'sender', retryAfterMs: number | undefined) =>
  new QuotaExceededError({ window, limit: 10, unit: 'messages', retryAfterMs, resetAt: null, subject: 'tenant "org-1"' });

describe('decideRequestRetry', () => {
  it('delays a quota refusal by its retryAfterMs, at least 1 ms', () => {
    expect(decideRequestRetry(quota('hourly', 42_000), 5, 3)).toEqual({ delayMs: 42_000, cause: 'rate-limited' });
    expect(decideRequestRetry(quota('hourly', 0), 0, 3)).toEqual({ delayMs: 1, cause: 'rate-limited' });
  });

  it('answers a sender-queue refusal and a cost above the limit at once', () => {
    expect(decideRequestRetry(quota('sender', 1000), 0, 3)).toBeUndefined();
    expect(decideRequestRetry(quota('hourly', undefined), 0, 3)).toBeUndefined();
  });

  it('backs off store outages exponentially, capped at 60 s', () => {
    const outage = new SmsError({ code: 'PROVIDER_ERROR', reason: 'IDEMPOTENCY_STORE_UNAVAILABLE', message: 'x' });
    expect(decideRequestRetry(outage, 0, 3)).toEqual({ delayMs: 1000, cause: 'store-unavailable' });
    expect(decideRequestRetry(outage, 3, 3)).toEqual({ delayMs: 8000, cause: 'store-unavailable' });
    expect(decideRequestRetry(new SmsError({ code: 'PROVIDER_ERROR', reason: 'MESSAGE_STORE_UNAVAILABLE', message: 'x' }), 10, 0)).toEqual({ delayMs: 60_000, cause: 'store-unavailable' });
  });

  it('answers any other SmsError, provider rate limits included', () => {
    expect(decideRequestRetry(new SmsError({ code: 'RATE_LIMITED', reason: 'PROVIDER_RATE_LIMITED', message: 'x', retryAfterMs: 1000 }), 0, 3)).toBeUndefined();
  });

  it('retries an unexpected error at most maxUnexpectedRetries times', () => {
    expect(decideRequestRetry(new TypeError('bug'), 0, 2)).toEqual({ delayMs: 1000, cause: 'unexpected-error' });
    expect(decideRequestRetry(new TypeError('bug'), 1, 2)).toEqual({ delayMs: 2000, cause: 'unexpected-error' });
    expect(decideRequestRetry(new TypeError('bug'), 2, 2)).toBeUndefined();
  });
});
