import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { ValidationError } from '../../src/errors/validation-error';
import { toEventError } from '../../src/events/to-event-error';

describe('toEventError', () => {
  it('maps every field of a provider error to snake_case', () => {
    const error = new SmsError({
      code: 'PROVIDER_ERROR',
      reason: 'PROVIDER_SERVER_ERROR',
      message: 'Twilio answered 500',
      retryable: true,
      outcomeUnknown: true,
      provider: 'twilio',
      providerCode: '20500',
      httpStatus: 500,
    });
    expect(toEventError(error)).toEqual({
      code: 'PROVIDER_ERROR',
      reason: 'PROVIDER_SERVER_ERROR',
      message: 'Twilio answered 500',
      retryable: true,
      outcome_unknown: true,
      provider: 'twilio',
      provider_code: '20500',
      http_status: 500,
      field: null,
    });
  });

  it('carries the field of a validation error and nulls the provider parts', () => {
    const event = toEventError(new ValidationError({ field: 'to', reason: 'INVALID_NUMBER', problem: 'is not valid.', fix: 'pass E.164.' }));
    expect(event).toEqual({
      code: 'VALIDATION_ERROR',
      reason: 'INVALID_NUMBER',
      message: 'to: is not valid. Fix: pass E.164.',
      retryable: false,
      outcome_unknown: false,
      provider: null,
      provider_code: null,
      http_status: null,
      field: 'to',
    });
  });
});
