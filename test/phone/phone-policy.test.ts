import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { toE164, validatePhoneNumber } from '../../src/phone';

/** Runs `action` and returns the ValidationError it threw, failing the test otherwise. */
function captureValidationError(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const badOptions: { label: string; options: unknown; field: string; messagePart: string }[] = [
  { label: 'null', options: null, field: 'options', messagePart: 'must be an object, got null' },
  { label: 'a string', options: 'US', field: 'options', messagePart: 'must be an object, got "US"' },
  { label: 'an array', options: ['US'], field: 'options', messagePart: 'must be an object, got an array' },
  {
    label: 'a misspelt key',
    options: { defaultcountry: 'US' },
    field: 'options.defaultcountry',
    messagePart: 'is not a known option',
  },
  {
    label: "'field' (only toE164 takes it)",
    options: { field: 'to' },
    field: 'options.field',
    messagePart: 'is not a known option',
  },
  {
    label: 'lower-case defaultCountry',
    options: { defaultCountry: 'us' },
    field: 'options.defaultCountry',
    messagePart: '"us" is not a supported country',
  },
  {
    label: 'unknown defaultCountry',
    options: { defaultCountry: 'XX' },
    field: 'options.defaultCountry',
    messagePart: '"XX" is not a supported country',
  },
  {
    label: 'alpha-3 defaultCountry',
    options: { defaultCountry: 'USA' },
    field: 'options.defaultCountry',
    messagePart: 'not a supported country',
  },
  {
    label: 'a phone number as defaultCountry (not echoed)',
    options: { defaultCountry: '+14155550100' },
    field: 'options.defaultCountry',
    messagePart: 'a string that is not a code is not a supported country',
  },
  {
    label: 'numeric defaultCountry',
    options: { defaultCountry: 1 },
    field: 'options.defaultCountry',
    messagePart: 'number is not a supported country',
  },
  {
    label: 'allowedCountries as a string',
    options: { allowedCountries: 'US' },
    field: 'options.allowedCountries',
    messagePart: 'must be an array, got "US"',
  },
  {
    label: 'empty allowedCountries',
    options: { allowedCountries: [] },
    field: 'options.allowedCountries',
    messagePart: 'is empty',
  },
  {
    label: 'unknown allowed country',
    options: { allowedCountries: ['US', 'XX'] },
    field: 'options.allowedCountries',
    messagePart: 'entry 1 ("XX")',
  },
  {
    label: 'lower-case allowed country',
    options: { allowedCountries: ['gb'] },
    field: 'options.allowedCountries',
    messagePart: 'entry 0 ("gb")',
  },
  {
    label: 'null allowed country',
    options: { allowedCountries: [null] },
    field: 'options.allowedCountries',
    messagePart: 'entry 0 (null)',
  },
  {
    label: 'blockedTypes as a string',
    options: { blockedTypes: 'PREMIUM_RATE' },
    field: 'options.blockedTypes',
    messagePart: 'must be an array',
  },
  {
    label: 'unknown blocked type',
    options: { blockedTypes: ['PREMIUM'] },
    field: 'options.blockedTypes',
    messagePart: 'entry 0 ("PREMIUM") is not a phone number type',
  },
  {
    label: 'lower-case blocked type',
    options: { blockedTypes: ['TOLL_FREE', 'premium_rate'] },
    field: 'options.blockedTypes',
    messagePart: 'entry 1',
  },
  {
    label: 'unknown allowed type',
    options: { allowedTypes: ['PREMIUM'] },
    field: 'options.allowedTypes',
    messagePart: 'entry 0 ("PREMIUM") is not a phone number type',
  },
  {
    label: 'allowedTypes as an object',
    options: { allowedTypes: {} },
    field: 'options.allowedTypes',
    messagePart: 'must be an array, got object',
  },
  // allowedTypes only lifts blocks; ['MOBILE'] must not pass for "mobiles only".
  {
    label: 'allowed type that is not blocked',
    options: { allowedTypes: ['MOBILE'] },
    field: 'options.allowedTypes',
    messagePart: "lists 'MOBILE', which is not blocked",
  },
  {
    label: 'allowed type the custom blockedTypes no longer blocks',
    options: { blockedTypes: ['TOLL_FREE'], allowedTypes: ['PREMIUM_RATE'] },
    field: 'options.allowedTypes',
    messagePart: "lists 'PREMIUM_RATE', which is not blocked",
  },
];

describe('option validation', () => {
  describe.each([
    ['validatePhoneNumber', (options: unknown) => validatePhoneNumber('+14155550100', options as never)],
    ['toE164', (options: unknown) => toE164('+14155550100', options as never)],
  ])('%s', (_name, call) => {
    it.each(badOptions.filter((entry) => !(entry.field === 'options.field' && _name === 'toE164')))(
      '$label → ValidationError on $field',
      ({ options, field, messagePart }) => {
        const error = captureValidationError(() => call(options));
        expect(error.field).toBe(field);
        expect(error.code).toBe('VALIDATION_ERROR');
        expect(error.reason).toBe('INVALID_OPTION');
        expect(error.fault).toBe('request');
        expect(error.message.startsWith(`${field}: `)).toBe(true);
        expect(error.message).toContain(messagePart);
        expect(error.message).toContain('Fix: ');
      },
    );
  });

  it('does not echo a phone number passed as an option', () => {
    const options = { allowedCountries: ['US', '+16502530000'] } as never;
    const error = captureValidationError(() => validatePhoneNumber('+14155550100', options));
    expect(error.field).toBe('options.allowedCountries');
    expect(error.message).not.toContain('6502530000');
  });

  it('checks options even when the number is bad, so a misconfiguration cannot hide', () => {
    const error = captureValidationError(() => validatePhoneNumber(42, { defaultCountry: 'XX' } as never));
    expect(error.field).toBe('options.defaultCountry');
  });

  it('suggests the known options for an unknown key', () => {
    const error = captureValidationError(() => validatePhoneNumber('+14155550100', { allowCountries: ['US'] } as never));
    expect(error.fix).toBe('use only defaultCountry, allowedCountries, allowedTypes, blockedTypes.');
  });

  it('accepts keys set to undefined (spread-friendly)', () => {
    const options = { defaultCountry: undefined, allowedCountries: undefined, allowedTypes: undefined, blockedTypes: undefined };
    expect(validatePhoneNumber('+19002530000', options)).toMatchObject({ valid: false, reason: 'BLOCKED_NUMBER_TYPE' });
  });

  it('ignores inherited keys', () => {
    const options = Object.create({ bogus: true }) as object;
    expect(validatePhoneNumber('+14155550100', options)).toMatchObject({ valid: true });
  });

  it("accepts 'UNKNOWN' and every other type name in blockedTypes", () => {
    const blockedTypes = [
      'MOBILE',
      'FIXED_LINE',
      'FIXED_LINE_OR_MOBILE',
      'TOLL_FREE',
      'PREMIUM_RATE',
      'SHARED_COST',
      'VOIP',
      'PERSONAL_NUMBER',
      'PAGER',
      'UAN',
      'VOICEMAIL',
      'UNKNOWN',
    ] as const;
    expect(validatePhoneNumber('+447400123456', { blockedTypes })).toMatchObject({ valid: false, reason: 'BLOCKED_NUMBER_TYPE' });
  });

  it('accepts unofficial codes libphonenumber-js supports, such as XK', () => {
    expect(validatePhoneNumber('+14155550100', { allowedCountries: ['XK', 'US'] })).toMatchObject({ valid: true });
  });

  it('reads a frozen options object', () => {
    const options = Object.freeze({
      allowedCountries: Object.freeze(['US'] as const),
      blockedTypes: Object.freeze(['PREMIUM_RATE'] as const),
    });
    expect(validatePhoneNumber('+14155550100', options)).toMatchObject({ valid: true, country: 'US' });
  });

  it('sees later changes to a reused options array (nothing is cached)', () => {
    const allowedCountries: ('US' | 'GB')[] = ['US'];
    const options = { allowedCountries };
    expect(validatePhoneNumber('+447400123456', options)).toMatchObject({ valid: false, reason: 'COUNTRY_NOT_ALLOWED' });
    allowedCountries.push('GB');
    expect(validatePhoneNumber('+447400123456', options)).toMatchObject({ valid: true, country: 'GB' });
  });
});
