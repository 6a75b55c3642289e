import { describe, expect, it } from 'vitest';
import * as failures from '../../src/phone/phone-failure';
import { blockedType, countryNotAllowed, invalidCharacter, notAString } from '../../src/phone/phone-failure';

const E164_FIX = 'pass an E.164 number such as +14155550100.';

describe('phone failures', () => {
  it('gives each constant refusal its reason, frozen, with the E.164 fix by default', () => {
    const expected: Record<string, string> = {
      EMPTY: 'EMPTY',
      MISPLACED_PLUS: 'INVALID_CHARACTERS',
      MISSING_COUNTRY_CODE: 'MISSING_COUNTRY_CODE',
      TOO_LONG_INPUT: 'TOO_LONG',
      TOO_MANY_DIGITS: 'TOO_LONG',
      TOO_SHORT: 'TOO_SHORT',
      TOO_LONG_FOR_COUNTRY: 'TOO_LONG',
      INVALID_COUNTRY_CODE: 'INVALID_COUNTRY_CODE',
      INVALID_NUMBER: 'INVALID_NUMBER',
      NON_GEOGRAPHIC_NOT_ALLOWED: 'COUNTRY_NOT_ALLOWED',
    };
    for (const [name, reason] of Object.entries(expected)) {
      const failure = (failures as unknown as Record<string, failures.PhoneFailure>)[name];
      expect(failure, name).toMatchObject({ valid: false, reason });
      expect(Object.isFrozen(failure), name).toBe(true);
    }
    expect(failures.EMPTY).toEqual({ valid: false, reason: 'EMPTY', problem: 'is empty: it contains no digits.', fix: E164_FIX });
    expect(failures.TOO_MANY_DIGITS.problem).toBe('has more digits than the 15 E.164 allows.');
    expect(failures.MISSING_COUNTRY_CODE.fix).toContain('options.defaultCountry');
  });

  it('names the kind of a non-string', () => {
    expect(notAString(undefined).problem).toBe('must be a string, got undefined.');
    expect(notAString(null).problem).toBe('must be a string, got null.');
    expect(notAString([]).problem).toBe('must be a string, got an array.');
    expect(notAString({}).problem).toBe('must be a string, got object.');
    expect(notAString(1).reason).toBe('NOT_A_STRING');
  });

  it('writes the code point in upper-case hex, padded to four digits, with the index', () => {
    expect(invalidCharacter(0x9, 3).problem).toMatch(/^contains a character a phone number cannot have \(U\+0009 at index 3\); /);
    expect(invalidCharacter(0x200b, 12).problem).toContain('(U+200B at index 12)');
    expect(invalidCharacter(0x1f4de, 0).problem).toContain('(U+1F4DE at index 0)');
    expect(invalidCharacter(0x78, 1).reason).toBe('INVALID_CHARACTERS');
  });

  it('lists up to ten allowed countries, cutting a longer list short', () => {
    const short = countryNotAllowed('US', ['GB', 'FR']);
    expect(short).toEqual({
      valid: false,
      reason: 'COUNTRY_NOT_ALLOWED',
      problem: 'is a US number, and US is not in options.allowedCountries (GB, FR).',
      fix: "send to a number of an allowed country, or add 'US' to options.allowedCountries.",
    });
    const ten = ['GB', 'FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'AT', 'CH', 'SE'] as const;
    expect(countryNotAllowed('US', ten).problem).toContain('(GB, FR, DE, ES, IT, NL, BE, AT, CH, SE).');
    expect(countryNotAllowed('US', [...ten, 'NO']).problem).toContain('(GB, FR, DE, ES, IT, NL, BE, AT, CH, SE…).');
  });

  it('names the blocked type and how to allow it', () => {
    expect(blockedType('PREMIUM_RATE')).toEqual({
      valid: false,
      reason: 'BLOCKED_NUMBER_TYPE',
      problem: 'is a PREMIUM_RATE number, a type that is blocked to prevent toll fraud and SMS pumping.',
      fix: "send to a different number, or add 'PREMIUM_RATE' to options.allowedTypes if this destination is intended.",
    });
  });
});
