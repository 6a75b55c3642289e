import { describe, expect, expectTypeOf, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { toE164, validatePhoneNumber, type E164 } from '../../src/phone';

function captureValidationError(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('toE164', () => {
  it('returns the strict E.164 form', () => {
    const e164 = toE164('+1 (415) 555-0100');
    expect(e164).toBe('+14155550100');
    expectTypeOf(e164).toEqualTypeOf<E164>();
  });

  it('reads national input with defaultCountry', () => {
    expect(toE164('0412 345 678', { defaultCountry: 'AU' })).toBe('+61412345678');
  });

  it('applies the same policy as validatePhoneNumber', () => {
    expect(toE164('+19002530000', { allowedTypes: ['PREMIUM_RATE'], allowedCountries: ['US'] })).toBe('+19002530000');
  });

  it("throws a ValidationError on field 'to' by default, with the fix and without the number", () => {
    const error = captureValidationError(() => toE164('+1 100 253 0000'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe('to');
    expect(error.reason).toBe('INVALID_NUMBER');
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.retryable).toBe(false);
    expect(error.fault).toBe('request');
    expect(error.fix).toBe('check the number for typos and pass an E.164 number such as +14155550100.');
    expect(error.message).toBe(
      'to: is not a valid phone number: its digits are not an assigned number range of its country. ' +
        'Fix: check the number for typos and pass an E.164 number such as +14155550100.',
    );
    const serialized = JSON.stringify(error);
    expect(serialized.replace(/\D/g, '')).not.toContain('11002530000');
    expect(serialized).toContain('"field":"to"');
  });

  it('names the field it is given', () => {
    const error = captureValidationError(() => toE164('(650) 253-0000', { field: 'from' }));
    expect(error.field).toBe('from');
    expect(error.reason).toBe('MISSING_COUNTRY_CODE');
    expect(error.message).toMatch(/^from: has no country code/);
    expect(error.message).toContain('Fix: pass an E.164 number such as +14155550100');
    expect(error.message).not.toContain('6502530000');
  });

  it('treats field: undefined as the default', () => {
    expect(captureValidationError(() => toE164('', { field: undefined })).field).toBe('to');
  });

  it.each([
    ['an empty string', ''],
    ['a number', 42],
  ])('refuses %s as field with options.field', (_label, field) => {
    const error = captureValidationError(() => toE164('+14155550100', { field } as never));
    expect(error.field).toBe('options.field');
    expect(error.reason).toBe('INVALID_OPTION');
  });

  describe('throws with the same reason validatePhoneNumber reports', () => {
    it.each([
      [42, undefined, 'NOT_A_STRING'],
      ['  ', undefined, 'EMPTY'],
      ['+1 650 253 0000 x12', undefined, 'INVALID_CHARACTERS'],
      ['6502530000', undefined, 'MISSING_COUNTRY_CODE'],
      ['+1650253000012345', undefined, 'TOO_LONG'],
      ['+1650', undefined, 'TOO_SHORT'],
      ['+999650253000', undefined, 'INVALID_COUNTRY_CODE'],
      ['+446012345678', undefined, 'INVALID_NUMBER'],
      ['+447400123456', { allowedCountries: ['US'] }, 'COUNTRY_NOT_ALLOWED'],
      ['+979123456789', undefined, 'BLOCKED_NUMBER_TYPE'],
    ] as const)('%s → %s', (input, options, reason) => {
      const result = validatePhoneNumber(input, options);
      expect(result).toMatchObject({ valid: false, reason });
      const error = captureValidationError(() => toE164(input, options));
      expect(error.reason).toBe(reason);
      // Same problem and fix as the result message, behind the field name instead of "Phone number".
      if (!result.valid) expect(error.message).toBe(result.message.replace(/^Phone number /, 'to: '));
    });
  });
});
