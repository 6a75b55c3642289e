// Cross-module scenario: validatePhoneNumber with a parser that gives no number type (src/phone/validate-phone-number.ts).
/**
 * With the bundled max metadata every valid number gets a type, so the `UNKNOWN` path is reached by
 * making `getType()` return `undefined`, as it does for numbering plans without type patterns
 * (libphonenumber-js source/helpers/getNumberType.js) and as a future metadata update could.
 */
import type * as LibPhoneNumber from 'libphonenumber-js/max';
import { describe, expect, it, vi } from 'vitest';
import { validatePhoneNumber } from '../../src/phone';

// Hoisted by vitest above the imports, so src/phone sees the patched parser.
vi.mock('libphonenumber-js/max', async (importOriginal) => {
  const library = await importOriginal<typeof LibPhoneNumber>();
  return {
    ...library,
    parsePhoneNumberFromString: (...args: Parameters<typeof library.parsePhoneNumberFromString>) => {
      const phoneNumber = library.parsePhoneNumberFromString(...args);
      if (phoneNumber !== undefined) phoneNumber.getType = () => undefined;
      return phoneNumber;
    },
  };
});


describe('numbers libphonenumber-js gives no type', () => {
  it("are accepted as 'UNKNOWN' when valid", () => {
    expect(validatePhoneNumber('+447400123456')).toStrictEqual({ valid: true, e164: '+447400123456', country: 'GB', type: 'UNKNOWN' });
  });

  it('are still refused when invalid: no type does not mean valid', () => {
    expect(validatePhoneNumber('+446012345678')).toMatchObject({ valid: false, reason: 'INVALID_NUMBER' });
    expect(validatePhoneNumber('+1650')).toMatchObject({ valid: false, reason: 'TOO_SHORT' });
  });

  it("can be blocked with blockedTypes: ['UNKNOWN']", () => {
    expect(validatePhoneNumber('+447400123456', { blockedTypes: ['UNKNOWN'] })).toMatchObject({
      valid: false,
      reason: 'BLOCKED_NUMBER_TYPE',
    });
  });

  it.each([
    ['+979123456789', 'PREMIUM_RATE'],
    ['+80812345678', 'SHARED_COST'],
  ] as const)('%s stays blocked as %s by its calling code', (input, type) => {
    const result = validatePhoneNumber(input);
    expect(result).toMatchObject({ valid: false, reason: 'BLOCKED_NUMBER_TYPE' });
    if (!result.valid) expect(result.message).toContain(type);
    expect(validatePhoneNumber(input, { allowedTypes: [type] })).toMatchObject({ valid: true, country: undefined, type });
  });
});
