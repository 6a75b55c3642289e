import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { toSmsError } from '../../src/providers/to-sms-error';

describe('toSmsError', () => {
  it('returns an SmsError unchanged', () => {
    const error = new SmsError({ code: 'RATE_LIMITED', reason: 'PROVIDER_SERVER_ERROR', message: 'x', retryable: true });
    expect(toSmsError(error, 'twilio')).toBe(error);
  });

  it('wraps anything else as an unclassified, outcome-unknown provider error that is not retried', () => {
    const thrown = new TypeError('socket hang up');
    const error = toSmsError(thrown, 'acme');
    expect(error).toMatchObject({
      code: 'PROVIDER_ERROR',
      reason: 'UNCLASSIFIED_PROVIDER_ERROR',
      retryable: false,
      fault: 'provider',
      outcomeUnknown: true,
      provider: 'acme',
    });
    expect(error.message).toBe('Provider "acme" threw an error that is not an SmsError; it may have sent the message, so it is not retried.');
    expect(error.cause).toBe(thrown);
    expect(toSmsError('a string', 'acme').cause).toBe('a string');
  });
});
