import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { failedAttempt, failedAttemptOutcome, sentAttempt } from '../../src/providers/attempt-outcome';

const unknown = new SmsError({ code: 'PROVIDER_ERROR', reason: 'UNCLASSIFIED_PROVIDER_ERROR', message: 'timeout', outcomeUnknown: true });
const notSent = new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', message: '503', providerCode: '30001' });

describe('attempt outcomes', () => {
  it('classifies a failure as unknown when the provider may have accepted it, else not sent', () => {
    expect(failedAttemptOutcome(unknown)).toBe('unknown');
    expect(failedAttemptOutcome(notSent)).toBe('not_sent');
  });

  it('records a sent attempt with no error', () => {
    expect(sentAttempt('twilio', 42)).toEqual({ provider: 'twilio', outcome: 'sent', errorCode: null, errorReason: null, providerCode: null, durationMs: 42 });
  });

  it('records a failed attempt with the code, the reason and the provider code', () => {
    expect(failedAttempt('telnyx', notSent, 7)).toEqual({
      provider: 'telnyx',
      outcome: 'not_sent',
      errorCode: 'PROVIDER_ERROR',
      errorReason: 'PROVIDER_SERVER_ERROR',
      providerCode: '30001',
      durationMs: 7,
    });
    expect(failedAttempt('telnyx', unknown, 0)).toMatchObject({ outcome: 'unknown', providerCode: null, errorReason: 'UNCLASSIFIED_PROVIDER_ERROR' });
  });
});
