import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { toOutcomeUnknownError } from '../../src/failover/to-outcome-unknown-error';

describe('toOutcomeUnknownError', () => {
  it('turns a 5xx into a not-retried TIMEOUT with outcomeUnknown, keeping its details and cause', () => {
    const serverError = new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', message: 'Twilio answered 503', retryable: true, fault: 'provider', provider: 'twilio', providerCode: '20500', httpStatus: 503 });
    const error = toOutcomeUnknownError(serverError);
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'PROVIDER_SERVER_ERROR', message: 'Twilio answered 503', retryable: false, outcomeUnknown: true, fault: 'provider', provider: 'twilio', providerCode: '20500', httpStatus: 503 });
    expect(error.cause).toBe(serverError);
  });

  it('returns an unknown-outcome TIMEOUT as is, and converts a not-sent TIMEOUT', () => {
    const unknown = new SmsError({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', message: 'x', outcomeUnknown: true });
    expect(toOutcomeUnknownError(unknown)).toBe(unknown);
    const notSent = new SmsError({ code: 'TIMEOUT', reason: 'ABORTED', message: 'y', outcomeUnknown: false });
    expect(toOutcomeUnknownError(notSent)).not.toBe(notSent);
    expect(toOutcomeUnknownError(notSent).outcomeUnknown).toBe(true);
  });
});
