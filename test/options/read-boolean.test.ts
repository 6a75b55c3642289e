import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { readBoolean } from '../../src/options/read-boolean';

describe('readBoolean', () => {
  it('returns a boolean as given, whatever the fallback', () => {
    expect(readBoolean('options.resendNotSent', true, false)).toBe(true);
    expect(readBoolean('options.resendNotSent', false, true)).toBe(false);
  });

  it('returns the fallback for undefined only', () => {
    expect(readBoolean('options.resendNotSent', undefined, false)).toBe(false);
    expect(readBoolean('options.resendNotSent', undefined, true)).toBe(true);
  });

  it.each([
    ['yes', '"yes"'],
    ['true', '"true"'],
    [1, '1'],
    [0, '0'],
    [null, 'null'],
    [[true], 'an array'],
    [{}, 'object'],
  ])('refuses %o, naming the field and the fix', (value, shown) => {
    expect(() => readBoolean('options.resendNotSent', value, false)).toThrow(`options.resendNotSent: must be true or false, got ${shown}. Fix: pass true or false, or omit it.`);
  });

  it('throws a ValidationError with reason INVALID_OPTION and the field', () => {
    expect(() => readBoolean('options.retry.enabled', 'on', true)).toThrow(expect.objectContaining({ field: 'options.retry.enabled', reason: 'INVALID_OPTION', code: 'VALIDATION_ERROR' }));
    expect(() => readBoolean('options.retry.enabled', 'on', true)).toThrow(ValidationError);
  });
});
