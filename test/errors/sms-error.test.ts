import { describe, expect, it } from 'vitest';
import { FinalFailureError, SMS_ERROR_CODES, SmsError, ValidationError } from '../../src/errors';

describe('SmsError', () => {
  it('carries the taxonomy fields with safe defaults', () => {
    const error = new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', message: 'down' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SmsError');
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', retryable: false, outcomeUnknown: false });
    expect(error.fault).toBeUndefined();
  });

  it('lists the seven taxonomy codes', () => {
    expect(SMS_ERROR_CODES).toEqual([
      'VALIDATION_ERROR',
      'AUTH_ERROR',
      'RATE_LIMITED',
      'PROVIDER_ERROR',
      'TIMEOUT',
      'RETRYING',
      'FINAL_FAILURE',
    ]);
  });

  it('recognises errors from another copy of the package through the Symbol.for marker', () => {
    // A second copy of the package has its own class object but the same global symbol.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@ocelot-platform/tools-core.SmsError')]: true });
    expect(SmsError.isInstance(foreign)).toBe(true);
    expect(SmsError.isInstance(new Error('x'))).toBe(false);
    expect(SmsError.isInstance(null)).toBe(false);
    expect(SmsError.isInstance('SmsError')).toBe(false);
  });

  it('keeps the cause and reduces it to name and code in toJSON', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443 body=secret'), { code: 'ECONNREFUSED' });
    const error = new SmsError({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', message: 'refused', cause, provider: 'twilio' });
    expect(error.cause).toBe(cause);
    const json = error.toJSON();
    expect(json.cause).toEqual({ name: 'Error', code: 'ECONNREFUSED' });
    expect(JSON.stringify(json)).not.toContain('secret');
    expect(json).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'twilio', reason: 'CONNECTION_FAILED' });
  });
});

describe('ValidationError', () => {
  const error = new ValidationError({ field: 'to', reason: 'INVALID_NUMBER', problem: 'is not a valid number.', fix: 'pass +14155550100.' });

  it('names the field and the fix in its message', () => {
    expect(error.message).toBe('to: is not a valid number. Fix: pass +14155550100.');
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'to', fault: 'request', retryable: false });
  });

  it('is both a ValidationError and an SmsError, and a plain SmsError is not a ValidationError', () => {
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(SmsError.isInstance(error)).toBe(true);
    expect(ValidationError.isInstance(new SmsError({ code: 'VALIDATION_ERROR', reason: 'INVALID_BODY', message: 'x' }))).toBe(false);
  });

  it('serialises field and fix', () => {
    expect(error.toJSON()).toMatchObject({ name: 'ValidationError', field: 'to', fix: 'pass +14155550100.' });
  });
});

describe('FinalFailureError', () => {
  it('carries every attempt error and derives fault and retryability from them', () => {
    const auth = new SmsError({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', message: 'a', fault: 'provider', provider: 'twilio' });
    const limited = new SmsError({ code: 'RATE_LIMITED', reason: 'PROVIDER_RATE_LIMITED', message: 'b', fault: 'provider', retryable: true, retryAfterMs: 2000, provider: 'telnyx' });
    const error = new FinalFailureError({ message: 'all failed', errors: [auth, limited] });
    expect(error).toMatchObject({ code: 'FINAL_FAILURE', fault: 'provider', retryable: true, retryAfterMs: 2000 });
    expect(error.errors).toEqual([auth, limited]);
    expect(FinalFailureError.isInstance(error)).toBe(true);
    expect(SmsError.isInstance(error)).toBe(true);
    expect((error.toJSON().errors as unknown[]).length).toBe(2);
  });
});
