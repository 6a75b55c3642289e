import { describe, expect, it } from 'vitest';
import { FinalFailureError } from '../../src/errors/final-failure-error';
import { SmsError } from '../../src/errors/sms-error';
import { createFinalFailure } from '../../src/failover/create-final-failure';

const twilio = new SmsError({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', message: 'a', provider: 'twilio', retryable: true, fault: 'provider' });
const telnyx = new SmsError({ code: 'RATE_LIMITED', reason: 'PROVIDER_RATE_LIMITED', message: 'b', provider: 'telnyx', retryable: true, fault: 'provider', retryAfterMs: 2000 });
const anonymous = new SmsError({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', message: 'c' });

describe('createFinalFailure', () => {
  it('names every attempt by provider, code and reason', () => {
    const error = createFinalFailure([twilio, telnyx], 'Every provider refused the message without sending it');
    expect(FinalFailureError.isInstance(error)).toBe(true);
    expect(error.code).toBe('FINAL_FAILURE');
    expect(error.message).toBe('Every provider refused the message without sending it (2 attempts): twilio PROVIDER_ERROR/CONNECTION_FAILED; telnyx RATE_LIMITED/PROVIDER_RATE_LIMITED.');
    expect(error.errors).toEqual([twilio, telnyx]);
    expect(error.retryAfterMs).toBe(2000);
  });

  it('flattens nested final failures and names an unknown provider', () => {
    const round = createFinalFailure([twilio, telnyx], 'round');
    const error = createFinalFailure([round, anonymous], 'Retries exhausted');
    expect(error.errors).toEqual([twilio, telnyx, anonymous]);
    expect(error.message).toBe('Retries exhausted (3 attempts): twilio PROVIDER_ERROR/CONNECTION_FAILED; telnyx RATE_LIMITED/PROVIDER_RATE_LIMITED; unknown PROVIDER_ERROR/CONNECTION_FAILED.');
  });
});
