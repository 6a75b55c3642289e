import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { lookupFailure, storeFailure } from '../../src/limits/limit-failure';

function thrownBy(run: () => never): SmsError {
  try {
    run();
  } catch (error) {
    return error as SmsError;
  }
  throw new Error('did not throw');
}

describe('limit failures', () => {
  it('turns a store failure into a retryable not-sent provider error naming the limiter', () => {
    const cause = new Error('ECONNREFUSED');
    const error = thrownBy(() => storeFailure(cause));
    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'LIMIT_STORE_FAILED', retryable: true, fault: 'provider', outcomeUnknown: false, cause });
    expect(error.message).toBe('The quota limiter failed (ECONNREFUSED); nothing was sent. Give it an insurance limiter to keep sending through store outages.');
  });

  it('turns a failing perTenant lookup into LIMIT_LOOKUP_FAILED, a non-Error by its string', () => {
    const error = thrownBy(() => lookupFailure('db down'));
    expect(error.reason).toBe('LIMIT_LOOKUP_FAILED');
    expect(error.message).toMatch(/^options\.quotas\.perTenant failed \(db down\); nothing was sent\./);
  });

  it('rethrows an SmsError unchanged', () => {
    const original = new SmsError({ code: 'TIMEOUT', reason: 'ABORTED_WHILE_PACED', message: 'x' });
    expect(thrownBy(() => storeFailure(original))).toBe(original);
  });
});
