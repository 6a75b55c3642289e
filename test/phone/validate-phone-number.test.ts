/**
 * Every expected country and type below was probed against libphonenumber-js 1.13.16 with `max`
 * metadata before being written down (not guessed from numbering plans).
 */
import { isPossiblePhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  validatePhoneNumber,
  type CountryCode,
  type PhoneNumberType,
  type PhoneValidationOptions,
  type PhoneValidationReason,
} from '../../src/phone';

interface ValidCase {
  label: string;
  input: string;
  options?: PhoneValidationOptions;
  e164: string;
  country: CountryCode | undefined;
  type: PhoneNumberType;
}

const validCases: ValidCase[] = [
  // NANP does not separate mobiles from landlines, so US numbers are FIXED_LINE_OR_MOBILE.
  { label: 'US, E.164', input: '+14155550100', e164: '+14155550100', country: 'US', type: 'FIXED_LINE_OR_MOBILE' },
  {
    label: 'US, formatted',
    input: '+1 (415) 555-0100',
    e164: '+14155550100',
    country: 'US',
    type: 'FIXED_LINE_OR_MOBILE',
  },
  { label: 'US, dotted', input: '+1.415.555.0100', e164: '+14155550100', country: 'US', type: 'FIXED_LINE_OR_MOBILE' },
  {
    label: 'US, padded with spaces',
    input: '  +14155550100  ',
    e164: '+14155550100',
    country: 'US',
    type: 'FIXED_LINE_OR_MOBILE',
  },
  {
    label: 'CA shares +1',
    input: '+1 416 555 0100',
    e164: '+14165550100',
    country: 'CA',
    type: 'FIXED_LINE_OR_MOBILE',
  },
  { label: 'GB mobile', input: '+44 7400 123456', e164: '+447400123456', country: 'GB', type: 'MOBILE' },
  { label: 'GB 07911 is Guernsey', input: '+44 7911 123456', e164: '+447911123456', country: 'GG', type: 'MOBILE' },
  { label: 'DE mobile', input: '+49 151 23456789', e164: '+4915123456789', country: 'DE', type: 'MOBILE' },
  { label: 'FR mobile', input: '+33 6 12 34 56 78', e164: '+33612345678', country: 'FR', type: 'MOBILE' },
  {
    label: 'FR mobile with no-break spaces',
    input: '+33\u00a06\u00a012\u00a034\u00a056\u00a078',
    e164: '+33612345678',
    country: 'FR',
    type: 'MOBILE',
  },
  {
    label: 'AU mobile, national format',
    input: '0412 345 678',
    options: { defaultCountry: 'AU' },
    e164: '+61412345678',
    country: 'AU',
    type: 'MOBILE',
  },
  {
    label: 'AU mobile, national with parentheses',
    input: '(04) 1234-5678',
    options: { defaultCountry: 'AU' },
    e164: '+61412345678',
    country: 'AU',
    type: 'MOBILE',
  },
  { label: 'AU mobile, international', input: '+61 412 345 678', e164: '+61412345678', country: 'AU', type: 'MOBILE' },
  {
    label: "a '+' number ignores defaultCountry",
    input: '+61 412 345 678',
    options: { defaultCountry: 'US' },
    e164: '+61412345678',
    country: 'AU',
    type: 'MOBILE',
  },
  {
    label: 'national input with the AU international dialling prefix 0011',
    input: '0011 44 7400 123456',
    options: { defaultCountry: 'AU' },
    e164: '+447400123456',
    country: 'GB',
    type: 'MOBILE',
  },
  {
    label: 'FR national',
    input: '06 12 34 56 78',
    options: { defaultCountry: 'FR' },
    e164: '+33612345678',
    country: 'FR',
    type: 'MOBILE',
  },
  { label: 'IN mobile', input: '+91 98765 43210', e164: '+919876543210', country: 'IN', type: 'MOBILE' },
  { label: 'BR mobile', input: '+55 11 98765-4321', e164: '+5511987654321', country: 'BR', type: 'MOBILE' },
  { label: 'GB landline', input: '+44 20 7946 0958', e164: '+442079460958', country: 'GB', type: 'FIXED_LINE' },
  {
    label: 'GB landline with (0)',
    input: '+44 (0)20 7946 0958',
    e164: '+442079460958',
    country: 'GB',
    type: 'FIXED_LINE',
  },
  { label: 'DE landline', input: '+49 30 12345678', e164: '+493012345678', country: 'DE', type: 'FIXED_LINE' },
  { label: 'US toll-free', input: '+1 800 253 0000', e164: '+18002530000', country: 'US', type: 'TOLL_FREE' },
  { label: 'GB toll-free', input: '+44 800 012 3456', e164: '+448000123456', country: 'GB', type: 'TOLL_FREE' },
  { label: 'GB VoIP', input: '+44 56 1234 5678', e164: '+445612345678', country: 'GB', type: 'VOIP' },
  { label: 'GB pager', input: '+44 7640 123456', e164: '+447640123456', country: 'GB', type: 'PAGER' },
  {
    label: 'GB personal number',
    input: '+44 70 0012 3456',
    e164: '+447000123456',
    country: 'GB',
    type: 'PERSONAL_NUMBER',
  },
  { label: 'GB UAN', input: '+44 300 123 4567', e164: '+443001234567', country: 'GB', type: 'UAN' },
  // Non-geographic plans belong to no country (libphonenumber-js README "Non-Geographic").
  {
    label: '+800 international toll-free',
    input: '+800 1234 5678',
    e164: '+80012345678',
    country: undefined,
    type: 'TOLL_FREE',
  },
  { label: '+870 Inmarsat', input: '+870 773 111 632', e164: '+870773111632', country: undefined, type: 'MOBILE' },
];

interface InvalidCase {
  label: string;
  input: unknown;
  options?: PhoneValidationOptions;
  reason: PhoneValidationReason;
}

/** Right length for its country (isPossiblePhoneNumber says yes) but not an assigned range. */
const possibleButInvalid = [
  { label: 'US area code 100', input: '+1 100 555 0100' },
  { label: 'US area code 555', input: '+1 555 555 0100' },
  { label: 'GB 06 range (unassigned), mobile length', input: '+44 60 1234 5678' },
  { label: 'GB Ofcom drama range 07700 900xxx', input: '+44 7700 900123' },
  { label: 'AU 1300 with one digit short of shared-cost length', input: '+61 1300 12345' },
];

const invalidCases: InvalidCase[] = [
  ...possibleButInvalid.map((entry) => ({ ...entry, reason: 'INVALID_NUMBER' as const })),
  { label: '+882 with no matching range', input: '+882 1234 5678', reason: 'INVALID_NUMBER' },

  { label: 'number', input: 14155550100, reason: 'NOT_A_STRING' },
  { label: 'null', input: null, reason: 'NOT_A_STRING' },
  { label: 'undefined', input: undefined, reason: 'NOT_A_STRING' },
  { label: 'array of a number', input: ['+14155550100'], reason: 'NOT_A_STRING' },
  { label: 'String object', input: new String('+14155550100'), reason: 'NOT_A_STRING' },

  { label: 'empty string', input: '', reason: 'EMPTY' },
  { label: 'spaces only', input: '   ', reason: 'EMPTY' },
  { label: 'plus only', input: '+', reason: 'EMPTY' },
  { label: 'separators only', input: '( ) - .', reason: 'EMPTY' },

  // libphonenumber-js alone would extract a number from these (docs/phone-numbers.md#the-rules-in-order).
  {
    label: 'junk around digits',
    input: 'sdf0541234567sdf',
    options: { defaultCountry: 'IL' },
    reason: 'INVALID_CHARACTERS',
  },
  { label: 'letters', input: '+1 415 CALL NOW', reason: 'INVALID_CHARACTERS' },
  { label: 'tel: URI', input: 'tel:+14155550100', reason: 'INVALID_CHARACTERS' },
  { label: 'RFC 3966 extension', input: '+1 415 555 0100;ext=12', reason: 'INVALID_CHARACTERS' },
  { label: 'x extension', input: '+1 415 555 0100 x12', reason: 'INVALID_CHARACTERS' },
  { label: '# extension', input: '+1 415 555 0100#12', reason: 'INVALID_CHARACTERS' },
  { label: 'trailing NUL', input: '+14155550100\u0000', reason: 'INVALID_CHARACTERS' },
  { label: 'leading NUL', input: '\u0000+14155550100', reason: 'INVALID_CHARACTERS' },
  { label: 'newline inside', input: '+1415\n5550100', reason: 'INVALID_CHARACTERS' },
  { label: 'tab', input: '+1\t4155550100', reason: 'INVALID_CHARACTERS' },
  { label: 'fullwidth digits', input: '+１４１５５５５０１００', reason: 'INVALID_CHARACTERS' },
  { label: 'fullwidth plus', input: '＋14155550100', reason: 'INVALID_CHARACTERS' },
  { label: 'Arabic-Indic digits', input: '+٩٧١٥٠١٢٣٤٥٦٧', reason: 'INVALID_CHARACTERS' },
  { label: 'slash separator', input: '+49 30/12345678', reason: 'INVALID_CHARACTERS' },
  { label: 'zero-width space', input: '+1415\u200b5550100', reason: 'INVALID_CHARACTERS' },
  { label: 'narrow no-break space', input: '+33\u202f612345678', reason: 'INVALID_CHARACTERS' },
  { label: 'bidi override', input: '\u202e+14155550100', reason: 'INVALID_CHARACTERS' },
  { label: 'lone surrogate', input: '+1415555\ud8000100', reason: 'INVALID_CHARACTERS' },
  { label: 'emoji', input: '+14155550100📞', reason: 'INVALID_CHARACTERS' },
  { label: "'+' inside parentheses", input: '(+44) 20 7946 0958', reason: 'INVALID_CHARACTERS' },
  { label: "two '+'", input: '++14155550100', reason: 'INVALID_CHARACTERS' },
  { label: "'+' in the middle", input: '1+4155550100', reason: 'INVALID_CHARACTERS' },

  { label: 'US national without defaultCountry', input: '(415) 555-0100', reason: 'MISSING_COUNTRY_CODE' },
  { label: 'digits only', input: '14155550100', reason: 'MISSING_COUNTRY_CODE' },
  { label: 'AU national without defaultCountry', input: '0412 345 678', reason: 'MISSING_COUNTRY_CODE' },
  {
    label: '00 international prefix without defaultCountry',
    input: '0044 7400 123456',
    reason: 'MISSING_COUNTRY_CODE',
  },

  { label: '16 digits with +', input: '+1415555010012345', reason: 'TOO_LONG' },
  { label: '20 digits national', input: '04123456789012345678', options: { defaultCountry: 'AU' }, reason: 'TOO_LONG' },
  { label: 'over 64 characters', input: `+1 ${'4'.repeat(10)}${' '.repeat(60)}`, reason: 'TOO_LONG' },
  { label: 'a megabyte of digits', input: `+${'1'.repeat(1_000_000)}`, reason: 'TOO_LONG' },
  // libphonenumber-js calls +49 30 1234567890123 a valid fixed line (17 digits); E.164 stops at 15.
  {
    label: 'DE national valid per metadata but 17 digits in E.164',
    input: '030 1234567890123',
    options: { defaultCountry: 'DE' },
    reason: 'TOO_LONG',
  },
  { label: 'too long for GB', input: '+44 7400 1234567', reason: 'TOO_LONG' },

  { label: '+1 and 3 digits', input: '+1415', reason: 'TOO_SHORT' },
  { label: '+1 alone', input: '+1', reason: 'TOO_SHORT' },
  { label: '+979 one digit short', input: '+979 1234 5678', reason: 'TOO_SHORT' },
  { label: 'AU national too short', input: '0412', options: { defaultCountry: 'AU' }, reason: 'TOO_SHORT' },

  { label: 'calling code 999 does not exist', input: '+999 123 456 789', reason: 'INVALID_COUNTRY_CODE' },
  { label: 'calling code starting with 0', input: '+0 123 456 7890', reason: 'INVALID_COUNTRY_CODE' },
  { label: '+0 alone', input: '+0', reason: 'INVALID_COUNTRY_CODE' },
  {
    label: 'unknown code after 00 dialling prefix',
    input: '00 999 123456789',
    options: { defaultCountry: 'GB' },
    reason: 'INVALID_COUNTRY_CODE',
  },
];

interface BlockedCase {
  label: string;
  input: string;
  e164: string;
  country: CountryCode | undefined;
  type: 'PREMIUM_RATE' | 'SHARED_COST';
}

const blockedCases: BlockedCase[] = [
  { label: 'US 900', input: '+1 900 253 0000', e164: '+19002530000', country: 'US', type: 'PREMIUM_RATE' },
  { label: 'GB 09', input: '+44 909 012 3456', e164: '+449090123456', country: 'GB', type: 'PREMIUM_RATE' },
  // libphonenumber's metadata files GB 084x/087x under PREMIUM_RATE, not SHARED_COST.
  { label: 'GB 0845', input: '+44 845 123 4567', e164: '+448451234567', country: 'GB', type: 'PREMIUM_RATE' },
  { label: 'GB 0844', input: '+44 844 123 4567', e164: '+448441234567', country: 'GB', type: 'PREMIUM_RATE' },
  { label: 'AU 1900', input: '+61 1900 123 456', e164: '+611900123456', country: 'AU', type: 'PREMIUM_RATE' },
  {
    label: '+979 International Premium Rate Service',
    input: '+979 123 456 789',
    e164: '+979123456789',
    country: undefined,
    type: 'PREMIUM_RATE',
  },
  { label: 'FR 0810', input: '+33 810 12 34 56', e164: '+33810123456', country: 'FR', type: 'SHARED_COST' },
  { label: 'ES 902', input: '+34 902 123 456', e164: '+34902123456', country: 'ES', type: 'SHARED_COST' },
  { label: 'AU 1300', input: '+61 1300 123 456', e164: '+611300123456', country: 'AU', type: 'SHARED_COST' },
  { label: 'DE 0180', input: '+49 180 12345678', e164: '+4918012345678', country: 'DE', type: 'SHARED_COST' },
  {
    label: '+808 international shared cost',
    input: '+808 1234 5678',
    e164: '+80812345678',
    country: undefined,
    type: 'SHARED_COST',
  },
];

/** The digits of a number, to check a message does not carry it. */
function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

describe('validatePhoneNumber', () => {
  describe('accepts valid numbers and reports E.164, country and type', () => {
    it.each(validCases)('$label: $input', ({ input, options, e164, country, type }) => {
      expect(validatePhoneNumber(input, options)).toStrictEqual({ valid: true, e164, country, type });
    });
  });

  describe('refuses bad input with the precise reason', () => {
    it.each(invalidCases)('$label → $reason', ({ input, options, reason }) => {
      const result = validatePhoneNumber(input, options);
      expect(result).toStrictEqual({ valid: false, reason, message: expect.any(String) });
    });
  });

  it.each(possibleButInvalid)('checks real validity, not length: $label', ({ input }) => {
    // Guard for the test itself: a length-only check (libphonenumber's isPossible) would let it through.
    expect(isPossiblePhoneNumber(input)).toBe(true);
    expect(validatePhoneNumber(input)).toMatchObject({ valid: false, reason: 'INVALID_NUMBER' });
  });

  describe('blocks premium-rate and shared-cost numbers by default', () => {
    it.each(blockedCases)('$label is blocked as $type', ({ input, type }) => {
      const result = validatePhoneNumber(input);
      expect(result).toMatchObject({ valid: false, reason: 'BLOCKED_NUMBER_TYPE' });
      if (!result.valid) expect(result.message).toContain(type);
    });

    it.each(blockedCases)('$label passes with allowedTypes: [$type]', ({ input, e164, country, type }) => {
      expect(validatePhoneNumber(input, { allowedTypes: [type] })).toStrictEqual({ valid: true, e164, country, type });
    });

    it('allowing one blocked type does not allow the other', () => {
      expect(validatePhoneNumber('+33 810 12 34 56', { allowedTypes: ['PREMIUM_RATE'] })).toMatchObject({
        valid: false,
        reason: 'BLOCKED_NUMBER_TYPE',
      });
    });
  });

  describe('blockedTypes replaces the default list', () => {
    it('an empty list blocks nothing', () => {
      expect(validatePhoneNumber('+19002530000', { blockedTypes: [] })).toMatchObject({ valid: true, type: 'PREMIUM_RATE' });
    });

    it('a custom list blocks its types and no longer the defaults', () => {
      const options: PhoneValidationOptions = { blockedTypes: ['TOLL_FREE', 'PAGER'] };
      expect(validatePhoneNumber('+18002530000', options)).toMatchObject({ valid: false, reason: 'BLOCKED_NUMBER_TYPE' });
      expect(validatePhoneNumber('+447640123456', options)).toMatchObject({ valid: false, reason: 'BLOCKED_NUMBER_TYPE' });
      expect(validatePhoneNumber('+19002530000', options)).toMatchObject({ valid: true, type: 'PREMIUM_RATE' });
      expect(validatePhoneNumber('+447400123456', options)).toMatchObject({ valid: true, type: 'MOBILE' });
    });

    it('allowedTypes lifts a custom block', () => {
      expect(validatePhoneNumber('+18002530000', { blockedTypes: ['TOLL_FREE'], allowedTypes: ['TOLL_FREE'] })).toMatchObject({
        valid: true,
        type: 'TOLL_FREE',
      });
    });
  });

  describe('allowedCountries is default-deny', () => {
    const options: PhoneValidationOptions = { allowedCountries: ['US', 'CA'] };

    it.each([
      ['+14155550100', 'US'],
      ['+14165550100', 'CA'],
    ])('allows %s (%s)', (input, country) => {
      expect(validatePhoneNumber(input, options)).toMatchObject({ valid: true, country });
    });

    it.each([
      ['GB', '+447400123456'],
      ['PR, although it shares +1', '+17876881234'],
      ['FR', '+33612345678'],
    ])('refuses %s', (_label, input) => {
      const result = validatePhoneNumber(input, options);
      expect(result).toMatchObject({ valid: false, reason: 'COUNTRY_NOT_ALLOWED' });
      if (!result.valid) expect(result.message).toContain('options.allowedCountries (US, CA)');
    });

    it('matches the derived country: GB does not cover a Guernsey (GG) number', () => {
      expect(validatePhoneNumber('+447911123456', { allowedCountries: ['GB'] })).toMatchObject({
        valid: false,
        reason: 'COUNTRY_NOT_ALLOWED',
      });
      expect(validatePhoneNumber('+447911123456', { allowedCountries: ['GB', 'GG'] })).toMatchObject({ valid: true, country: 'GG' });
    });

    it.each(['+870773111632', '+80012345678'])('refuses non-geographic %s, which has no country', (input) => {
      expect(validatePhoneNumber(input)).toMatchObject({ valid: true, country: undefined });
      const result = validatePhoneNumber(input, { allowedCountries: ['US'] });
      expect(result).toMatchObject({ valid: false, reason: 'COUNTRY_NOT_ALLOWED' });
      if (!result.valid) expect(result.message).toContain('non-geographic');
    });

    it('checks the country before the type', () => {
      expect(validatePhoneNumber('+449090123456', options)).toMatchObject({ valid: false, reason: 'COUNTRY_NOT_ALLOWED' });
    });

    it('applies to national input too', () => {
      expect(validatePhoneNumber('0412 345 678', { defaultCountry: 'AU', allowedCountries: ['US'] })).toMatchObject({
        valid: false,
        reason: 'COUNTRY_NOT_ALLOWED',
      });
    });
  });

  describe('messages never contain the number', () => {
    // Not built from the tables above: most of them use +14155550100, the example every fix quotes.
    const leakCases: { input: string; options?: PhoneValidationOptions; reason: PhoneValidationReason }[] = [
      { input: '+1 650 253 0000;ext=12', reason: 'INVALID_CHARACTERS' },
      { input: 'call +16502530000 now', reason: 'INVALID_CHARACTERS' },
      { input: '+16502530000\u0000', reason: 'INVALID_CHARACTERS' },
      { input: '1+6502530000', reason: 'INVALID_CHARACTERS' },
      { input: '(650) 253-0000', reason: 'MISSING_COUNTRY_CODE' },
      { input: '+1650253000012345', reason: 'TOO_LONG' },
      { input: '030 1234567890123', options: { defaultCountry: 'DE' }, reason: 'TOO_LONG' },
      { input: '+1650253', reason: 'TOO_SHORT' },
      { input: '+999 650 253 000', reason: 'INVALID_COUNTRY_CODE' },
      { input: '+1 100 253 0000', reason: 'INVALID_NUMBER' },
      { input: '+44 60 1234 5678', reason: 'INVALID_NUMBER' },
      { input: '+447400123456', options: { allowedCountries: ['US'] }, reason: 'COUNTRY_NOT_ALLOWED' },
      { input: '+870773111632', options: { allowedCountries: ['US'] }, reason: 'COUNTRY_NOT_ALLOWED' },
      ...blockedCases.map(({ input }) => ({ input, reason: 'BLOCKED_NUMBER_TYPE' as const })),
    ];

    it.each(leakCases)('$input ($reason)', ({ input, options, reason }) => {
      const result = validatePhoneNumber(input, options);
      if (result.valid) throw new Error('expected a refusal');
      expect(result.reason).toBe(reason);
      expect(digitsOf(result.message)).not.toContain(digitsOf(input));
      expect(result.message).not.toContain(input);
    });

    it('nor a number passed as a JavaScript number', () => {
      const result = validatePhoneNumber(16502530000);
      if (result.valid) throw new Error('expected a refusal');
      expect(result.message).not.toContain('6502530000');
    });
  });

  it('messages carry a fix', () => {
    const result = validatePhoneNumber('(415) 555-0100');
    expect(result).toMatchObject({ valid: false, reason: 'MISSING_COUNTRY_CODE' });
    if (!result.valid) {
      expect(result.message).toMatch(/Fix: pass an E\.164 number such as \+14155550100, or set options\.defaultCountry/);
    }
  });

  it('stops at 15 digits before parsing, whatever the country', () => {
    const result = validatePhoneNumber('+1415555010012345');
    if (result.valid) throw new Error('expected a refusal');
    expect(result.message).toContain('more digits than the 15 E.164 allows');
  });

  it('holds a parsed national number to 15 digits in E.164', () => {
    const result = validatePhoneNumber('030 1234567890123', { defaultCountry: 'DE' });
    if (result.valid) throw new Error('expected a refusal');
    expect(result.message).toContain('too long to be a phone number of its country');
  });

  it('reports where an invalid character is, as a code point', () => {
    const result = validatePhoneNumber('+14155550100\u0000');
    if (result.valid) throw new Error('expected a refusal');
    expect(result.message).toContain('U+0000 at index 12');
  });
});
