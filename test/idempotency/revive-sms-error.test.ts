import { describe, expect, it } from 'vitest';
import { FinalFailureError, SmsError } from '../../src/errors';
import { reviveSmsError } from '../../src/idempotency/revive-sms-error';

describe('reviveSmsError', () => {
  it('rebuilds an SmsError with every field it was stored with', () => {
    const original = new SmsError({ code: 'TIMEOUT', reason: 'PROVIDER_SERVER_ERROR', message: 'Twilio: server error', retryable: false, fault: 'provider', outcomeUnknown: true, provider: 'twilio', providerCode: '20500', httpStatus: 500 });
    const revived = reviveSmsError(JSON.parse(JSON.stringify(original.toJSON())));
    expect(SmsError.isInstance(revived)).toBe(true);
    expect(revived.toJSON()).toEqual(original.toJSON());
  });

  it('rebuilds a FINAL_FAILURE with every attempt', () => {
    const errors = [
      new SmsError({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', message: '429', retryable: true, fault: 'provider', provider: 'twilio', retryAfterMs: 2_000 }),
      new SmsError({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', message: 'refused', retryable: true, fault: 'provider', provider: 'telnyx' }),
    ];
    const original = new FinalFailureError({ message: 'Every provider refused', errors });
    const revived = reviveSmsError(JSON.parse(JSON.stringify(original.toJSON())));
    expect(FinalFailureError.isInstance(revived)).toBe(true);
    expect(revived.toJSON()).toEqual(original.toJSON());
  });

  it('falls back to safe values for a damaged record', () => {
    expect(reviveSmsError({ code: 'NOT_A_CODE' })).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'UNKNOWN', retryable: false, outcomeUnknown: false });
  });
});
