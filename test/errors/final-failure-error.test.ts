import { describe, expect, it } from 'vitest';
import { FinalFailureError } from '../../src/errors/final-failure-error';
import { SmsError } from '../../src/errors/sms-error';

const requestError = new SmsError({ code: 'PROVIDER_ERROR', reason: 'INVALID_NUMBER', message: 'bad number', fault: 'request', retryable: false });
const transient = new SmsError({
  code: 'PROVIDER_ERROR',
  reason: 'PROVIDER_SERVER_ERROR',
  message: 'server down',
  fault: 'provider',
  retryable: true,
  retryAfterMs: 2500,
  provider: 'twilio',
});

describe('FinalFailureError', () => {
  it('is FINAL_FAILURE / ALL_ATTEMPTS_FAILED and keeps every attempt in order, the last as cause', () => {
    const error = new FinalFailureError({ message: 'all failed', errors: [requestError, transient] });
    expect(error.name).toBe('FinalFailureError');
    expect(error.code).toBe('FINAL_FAILURE');
    expect(error.reason).toBe('ALL_ATTEMPTS_FAILED');
    expect(error.message).toBe('all failed');
    expect(error.errors).toEqual([requestError, transient]);
    expect(error.cause).toBe(transient);
    expect(error.retryAfterMs).toBe(2500);
    expect(error.outcomeUnknown).toBe(false);
  });

  it('is retryable when any attempt was, and a request fault only when every attempt was', () => {
    const mixed = new FinalFailureError({ message: 'm', errors: [requestError, transient] });
    expect(mixed.retryable).toBe(true);
    expect(mixed.fault).toBe('provider');

    const allRequest = new FinalFailureError({ message: 'm', errors: [requestError, requestError] });
    expect(allRequest.retryable).toBe(false);
    expect(allRequest.fault).toBe('request');
    expect(allRequest.retryAfterMs).toBeUndefined();
  });

  it('has no cause nor retry delay when there were no attempts', () => {
    const empty = new FinalFailureError({ message: 'none', errors: [] });
    expect(empty.cause).toBeUndefined();
    expect(empty.retryable).toBe(false);
    expect(empty.errors).toEqual([]);
  });

  it('is recognised by isInstance, by SmsError.isInstance, and not for a plain SmsError', () => {
    const error = new FinalFailureError({ message: 'm', errors: [transient] });
    expect(FinalFailureError.isInstance(error)).toBe(true);
    expect(SmsError.isInstance(error)).toBe(true);
    expect(FinalFailureError.isInstance(transient)).toBe(false);
    expect(FinalFailureError.isInstance(null)).toBe(false);
    expect(FinalFailureError.isInstance({ [Symbol.for('@ocelot-platform/tools-core.FinalFailureError')]: true })).toBe(true);
  });

  it('serialises each attempt through its own toJSON', () => {
    const json = new FinalFailureError({ message: 'm', errors: [requestError, transient] }).toJSON();
    expect(json).toMatchObject({ name: 'FinalFailureError', code: 'FINAL_FAILURE', reason: 'ALL_ATTEMPTS_FAILED', retryAfterMs: 2500 });
    expect(json.errors).toEqual([requestError.toJSON(), transient.toJSON()]);
    expect((json.errors as Array<Record<string, unknown>>)[1]).toMatchObject({ provider: 'twilio', reason: 'PROVIDER_SERVER_ERROR' });
  });
});
