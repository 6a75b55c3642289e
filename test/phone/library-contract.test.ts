// Cross-module scenario: the libphonenumber-js/max behaviour src/phone/check-phone-number.ts relies on.
/**
 * Pins the libphonenumber-js behaviour src/phone relies on, so a dependency update that changes it
 * fails here rather than silently loosening validation.
 */
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';

describe('libphonenumber-js/max contract', () => {
  it('extracts numbers from junk and reads fullwidth digits and extensions, hence our pre-check', () => {
    expect(parsePhoneNumberFromString('sdf0541234567sdf', 'IL')?.number).toBe('+972541234567');
    expect(parsePhoneNumberFromString('+１４１５５５５０１００')?.number).toBe('+14155550100');
    expect(parsePhoneNumberFromString('+1 415 555 0100;ext=12')?.number).toBe('+14155550100');
  });

  it('a defined getType() implies isValid(), which lets the hot path skip isValid()', () => {
    // Deterministic pseudo-random national numbers of every length for every country.
    let seed = 42;
    const randomDigit = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String(seed % 10);
    };
    let typed = 0;
    for (const country of getCountries()) {
      const callingCode = getCountryCallingCode(country);
      for (let length = 4; length <= 13; length++) {
        for (let sample = 0; sample < 3; sample++) {
          const digits = Array.from({ length }, randomDigit).join('');
          const phoneNumber = parsePhoneNumberFromString(`+${callingCode}${digits}`, { extract: false });
          if (phoneNumber === undefined || phoneNumber.getType() === undefined) continue;
          typed++;
          expect(phoneNumber.isValid(), phoneNumber.number).toBe(true);
        }
      }
    }
    // Guard against a vacuous pass: plenty of the random numbers must have had a type.
    expect(typed).toBeGreaterThan(200);
  });

  it('gives a valid German fixed line 17 digits, beyond E.164, hence our length check after parsing', () => {
    const phoneNumber = parsePhoneNumberFromString('+49301234567890123');
    expect(phoneNumber?.isValid()).toBe(true);
    expect(phoneNumber?.number.length).toBe(18);
  });
});
