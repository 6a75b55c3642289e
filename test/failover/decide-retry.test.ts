import { describe, expect, it } from 'vitest';
import { FinalFailureError, SmsError } from '../../src/errors';
import { decideRetry } from '../../src/failover/decide-retry';
import { readRetryOptions } from '../../src/failover/retry-options';

const settings = readRetryOptions({ random: () => 0 }, 'options.retry');

function error(overrides: Partial<ConstructorParameters<typeof SmsError>[0]> = {}): SmsError {
  return new SmsError({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', message: 'down', retryable: true, fault: 'provider', provider: 'twilio', ...overrides });
}

describe('decideRetry', () => {
  it.each<[string, SmsError, string]>([
    ['an unknown outcome', error({ outcomeUnknown: true, code: 'TIMEOUT' }), 'outcome is unknown'],
    ['a request fault', error({ fault: 'request', code: 'VALIDATION_ERROR' }), 'request fault'],
    ['a permanent provider fault (auth)', error({ code: 'AUTH_ERROR', retryable: false }), 'not transient'],
    ['a Retry-After beyond maxDelayMs', error({ code: 'RATE_LIMITED', retryAfterMs: 8_001 }), 'longer than maxDelayMs'],
  ])('never retries %s', (_name, failure, why) => {
    const decision = decideRetry({ error: failure, retryNumber: 1, remainingMs: 30_000, settings });
    expect(decision).toEqual({ retry: false, why: expect.stringContaining(why) });
  });

  it('backs off exponentially from initialDelayMs, capped at maxDelayMs', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((retryNumber) => decideRetry({ error: error(), retryNumber, remainingMs: 60_000, settings }));
    expect(delays.map((decision) => (decision.retry ? decision.delayMs : -1))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it('removes at most the jitter share of the backoff, at random', () => {
    const jittered = (random: number) => decideRetry({ error: error(), retryNumber: 2, remainingMs: 60_000, settings: { ...settings, random: () => random } });
    expect(jittered(0)).toMatchObject({ retry: true, delayMs: 1_000 });
    expect(jittered(0.5)).toMatchObject({ retry: true, delayMs: 875 });
    expect(jittered(0.999_999)).toMatchObject({ retry: true, delayMs: 750 });
  });

  it('waits at least the Retry-After, and the backoff when that is longer', () => {
    const rateLimited = error({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryAfterMs: 3_000 });
    expect(decideRetry({ error: rateLimited, retryNumber: 1, remainingMs: 30_000, settings })).toEqual({ retry: true, delayMs: 3_000, cause: rateLimited });
    const shortHint = error({ code: 'RATE_LIMITED', retryAfterMs: 10 });
    expect(decideRetry({ error: shortHint, retryNumber: 3, remainingMs: 30_000, settings })).toMatchObject({ retry: true, delayMs: 2_000 });
  });

  it('stops when the wait would end past the budget (total time or the TTL)', () => {
    expect(decideRetry({ error: error({ retryAfterMs: 2_000 }), retryNumber: 1, remainingMs: 2_000, settings })).toEqual({ retry: false, why: expect.stringContaining('time budget') });
    expect(decideRetry({ error: error(), retryNumber: 1, remainingMs: 501, settings })).toMatchObject({ retry: true, delayMs: 500 });
  });

  it('for a failover round, waits for the first provider that may be ready and names it', () => {
    const twilio = error({ code: 'RATE_LIMITED', provider: 'twilio', retryAfterMs: 5_000 });
    const telnyx = error({ code: 'RATE_LIMITED', provider: 'telnyx', retryAfterMs: 1_500 });
    const open = error({ reason: 'CIRCUIT_OPEN', provider: 'sinch', retryAfterMs: 25_000 });
    const round = new FinalFailureError({ message: 'all down', errors: [twilio, open, telnyx] });
    expect(decideRetry({ error: round, retryNumber: 1, remainingMs: 30_000, settings })).toEqual({ retry: true, delayMs: 1_500, cause: telnyx });
  });

  it('does not retry a round whose only transient failures are circuits open for longer than maxDelayMs', () => {
    const open = error({ reason: 'CIRCUIT_OPEN', retryAfterMs: 25_000 });
    const auth = error({ code: 'AUTH_ERROR', retryable: false, provider: 'telnyx' });
    const round = new FinalFailureError({ message: 'all down', errors: [open, auth] });
    expect(decideRetry({ error: round, retryNumber: 1, remainingMs: 30_000, settings })).toMatchObject({ retry: false });
  });
});
