import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { ValidationError } from '../../src/errors/validation-error';

describe('ValidationError', () => {
  it('builds the message from the field, the problem and the fix', () => {
    const cause = new Error('inner');
    const error = new ValidationError({ field: 'mediaUrls[2]', reason: 'INVALID_NUMBER', problem: 'is not valid.', fix: 'pass an https URL.', cause });
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('mediaUrls[2]: is not valid. Fix: pass an https URL.');
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.reason).toBe('INVALID_NUMBER');
    expect(error.field).toBe('mediaUrls[2]');
    expect(error.fix).toBe('pass an https URL.');
    expect(error.retryable).toBe(false);
    expect(error.fault).toBe('request');
    expect(error.cause).toBe(cause);
  });

  it('is recognised by isInstance and SmsError.isInstance, a plain SmsError is not a ValidationError', () => {
    const error = new ValidationError({ field: 'to', reason: 'INVALID_NUMBER', problem: 'p.', fix: 'f.' });
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(SmsError.isInstance(error)).toBe(true);
    expect(ValidationError.isInstance(new SmsError({ code: 'VALIDATION_ERROR', reason: 'INVALID_NUMBER', message: 'm' }))).toBe(false);
    expect(ValidationError.isInstance({ field: 'to' })).toBe(false);
  });

  it('adds the field and the fix to the JSON', () => {
    const json = new ValidationError({ field: 'body', reason: 'INVALID_NUMBER', problem: 'p.', fix: 'f.' }).toJSON();
    expect(json).toEqual({
      name: 'ValidationError',
      code: 'VALIDATION_ERROR',
      reason: 'INVALID_NUMBER',
      message: 'body: p. Fix: f.',
      retryable: false,
      outcomeUnknown: false,
      fault: 'request',
      field: 'body',
      fix: 'f.',
    });
  });
});
