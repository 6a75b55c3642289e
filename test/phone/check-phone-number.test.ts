import { describe, expect, it } from 'vitest';
import { checkPhoneNumber } from '../../src/phone/check-phone-number';
import {
  EMPTY,
  INVALID_COUNTRY_CODE,
  INVALID_NUMBER,
  MISPLACED_PLUS,
  MISSING_COUNTRY_CODE,
  NON_GEOGRAPHIC_NOT_ALLOWED,
  TOO_LONG_FOR_COUNTRY,
  TOO_LONG_INPUT,
  TOO_MANY_DIGITS,
  TOO_SHORT,
} from '../../src/phone/phone-failure';
import { readPhonePolicy, type PhonePolicy } from '../../src/phone/phone-policy';

const policy: PhonePolicy = readPhonePolicy(undefined);
const withCountry = (overrides: Partial<PhonePolicy>): PhonePolicy => ({ ...policy, ...overrides });

describe('checkPhoneNumber', () => {
  it('returns the E.164 number, country and type of a valid number, separators removed', () => {
    expect(checkPhoneNumber('+14155550100', policy)).toEqual({ valid: true, e164: '+14155550100', country: 'US', type: 'FIXED_LINE_OR_MOBILE' });
    expect(checkPhoneNumber(' +44\u00a07400 (123) 456 ', policy)).toEqual({ valid: true, e164: '+447400123456', country: 'GB', type: 'MOBILE' });
    expect(checkPhoneNumber('+49-151-234.567.89', policy)).toMatchObject({ valid: true, e164: '+4915123456789', type: 'MOBILE' });
  });

  it('reads a national number with the default country only', () => {
    expect(checkPhoneNumber('0412 345 678', withCountry({ defaultCountry: 'AU' }))).toEqual({
      valid: true,
      e164: '+61412345678',
      country: 'AU',
      type: 'MOBILE',
    });
    expect(checkPhoneNumber('0412 345 678', policy)).toBe(MISSING_COUNTRY_CODE);
    // Twice with the same country reuses the cached parse options and gives the same verdict.
    expect(checkPhoneNumber('07400 123456', withCountry({ defaultCountry: 'GB' }))).toMatchObject({ e164: '+447400123456' });
    expect(checkPhoneNumber('07400 123456', withCountry({ defaultCountry: 'GB' }))).toMatchObject({ e164: '+447400123456' });
  });

  it('refuses non-strings naming their kind', () => {
    expect(checkPhoneNumber(14155550100, policy)).toMatchObject({ valid: false, reason: 'NOT_A_STRING', problem: 'must be a string, got number.' });
    expect(checkPhoneNumber(null, policy)).toMatchObject({ problem: 'must be a string, got null.' });
    expect(checkPhoneNumber(['+1'], policy)).toMatchObject({ problem: 'must be a string, got an array.' });
  });

  it('pinpoints an invalid character by code point and index without echoing the number', () => {
    const failure = checkPhoneNumber('+1415\u200b5550100', policy);
    expect(failure).toMatchObject({ valid: false, reason: 'INVALID_CHARACTERS' });
    expect(failure.valid === false && failure.problem).toContain('(U+200B at index 5)');
    expect(failure.valid === false && failure.problem).not.toContain('4155550100');
    expect(checkPhoneNumber('+1 415 555 0100 x12', policy)).toMatchObject({ reason: 'INVALID_CHARACTERS' });
  });

  it('accepts only leading spaces before the plus', () => {
    expect(checkPhoneNumber('  +14155550100', policy)).toMatchObject({ valid: true });
    expect(checkPhoneNumber('(+44) 20 7946 0958', policy)).toBe(MISPLACED_PLUS);
    expect(checkPhoneNumber('++14155550100', policy)).toBe(MISPLACED_PLUS);
    expect(checkPhoneNumber('1+4155550100', policy)).toBe(MISPLACED_PLUS);
  });

  it('tells apart empty, too long, too short and unknown country codes', () => {
    expect(checkPhoneNumber('', policy)).toBe(EMPTY);
    expect(checkPhoneNumber(' + - ', policy)).toBe(EMPTY);
    expect(checkPhoneNumber(`+1${' '.repeat(63)}`, policy)).toBe(TOO_LONG_INPUT);
    expect(checkPhoneNumber('+1415555010012345', policy)).toBe(TOO_MANY_DIGITS);
    expect(checkPhoneNumber('+0 123 456 7890', policy)).toBe(INVALID_COUNTRY_CODE);
    expect(checkPhoneNumber('+999 123 456 789', policy)).toBe(INVALID_COUNTRY_CODE);
    expect(checkPhoneNumber('+1415', policy)).toBe(TOO_SHORT);
    expect(checkPhoneNumber('+44 7400 1234567', policy)).toBe(TOO_LONG_FOR_COUNTRY);
    expect(checkPhoneNumber('030 1234567890123', withCountry({ defaultCountry: 'DE' }))).toBe(TOO_LONG_FOR_COUNTRY);
    expect(checkPhoneNumber('+1 555 555 0100', policy)).toBe(INVALID_NUMBER);
  });

  it('applies the allowed countries, refusing non-geographic numbers when a list is set', () => {
    const ukOnly = withCountry({ allowedCountries: ['GB'] });
    expect(checkPhoneNumber('+447400123456', ukOnly)).toMatchObject({ valid: true, country: 'GB' });
    expect(checkPhoneNumber('+14155550100', ukOnly)).toMatchObject({
      valid: false,
      reason: 'COUNTRY_NOT_ALLOWED',
      problem: 'is a US number, and US is not in options.allowedCountries (GB).',
    });
    expect(checkPhoneNumber('+800 1234 5678', ukOnly)).toBe(NON_GEOGRAPHIC_NOT_ALLOWED);
    expect(checkPhoneNumber('+800 1234 5678', policy)).toMatchObject({ valid: true, country: undefined, type: 'TOLL_FREE' });
  });

  it('blocks premium-rate and shared-cost numbers unless their type is allowed', () => {
    expect(checkPhoneNumber('+1 900 253 0000', policy)).toMatchObject({ valid: false, reason: 'BLOCKED_NUMBER_TYPE' });
    expect(checkPhoneNumber('+979 123 456 789', policy)).toMatchObject({ reason: 'BLOCKED_NUMBER_TYPE', problem: expect.stringContaining('PREMIUM_RATE') });
    expect(checkPhoneNumber('+808 1234 5678', policy)).toMatchObject({ reason: 'BLOCKED_NUMBER_TYPE', problem: expect.stringContaining('SHARED_COST') });
    expect(checkPhoneNumber('+1 900 253 0000', withCountry({ allowedTypes: ['PREMIUM_RATE'] }))).toEqual({
      valid: true,
      e164: '+19002530000',
      country: 'US',
      type: 'PREMIUM_RATE',
    });
    expect(checkPhoneNumber('+447400123456', withCountry({ blockedTypes: ['MOBILE'] }))).toMatchObject({ reason: 'BLOCKED_NUMBER_TYPE' });
  });
});
