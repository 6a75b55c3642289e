import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { createFinalFailure } from '../../src/failover/create-final-failure';
import { findOptOutError } from '../../src/opt-outs/find-opt-out-error';

const optedOut = new SmsError({ code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', message: 'x', provider: 'twilio', providerCode: '21610' });
const other = new SmsError({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', message: 'y', provider: 'telnyx' });

describe('findOptOutError', () => {
  it('returns the error itself when it says OPTED_OUT', () => {
    expect(findOptOutError(optedOut)).toBe(optedOut);
  });

  it('finds the opted-out attempt of a final failure', () => {
    expect(findOptOutError(createFinalFailure([other, optedOut], 'all failed'))).toBe(optedOut);
    expect(findOptOutError(createFinalFailure([other], 'all failed'))).toBeUndefined();
  });

  it('returns undefined for other errors and non-SmsErrors', () => {
    expect(findOptOutError(other)).toBeUndefined();
    expect(findOptOutError(new Error('OPTED_OUT'))).toBeUndefined();
    expect(findOptOutError({ reason: 'OPTED_OUT' })).toBeUndefined();
  });
});
