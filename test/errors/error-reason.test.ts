import { describe, expect, expectTypeOf, it } from 'vitest';
import { SMS_ERROR_REASONS, SmsError, ValidationError, type SmsErrorReason } from '../../src/errors';
import type { PhoneValidationReason } from '../../src/phone/phone-validation-reason';

describe('SmsErrorReason', () => {
  it('lists each reason once, in SCREAMING_SNAKE_CASE', () => {
    expect(new Set(SMS_ERROR_REASONS).size).toBe(SMS_ERROR_REASONS.length);
    for (const reason of SMS_ERROR_REASONS) expect(reason).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it('types the reason of every error, and includes the phone validation reasons', () => {
    expectTypeOf<SmsError['reason']>().toEqualTypeOf<SmsErrorReason>();
    expectTypeOf<PhoneValidationReason>().toExtend<SmsErrorReason>();
    // @ts-expect-error a misspelt reason is a compile error
    const misspelt = new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVR_ERROR', message: 'x' });
    expect(misspelt.reason).toBe('PROVIDER_SERVR_ERROR');
    expect(new ValidationError({ field: 'to', reason: 'INVALID_NUMBER', problem: 'p.', fix: 'f.' }).reason).toBe('INVALID_NUMBER');
  });
});
