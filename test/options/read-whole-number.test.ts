import { describe, expect, it } from 'vitest';
import { readWholeNumber } from '../../src/options/read-whole-number';

const range = { minimum: 1, maximum: 10 };

describe('readWholeNumber', () => {
  it('returns a whole number within the range; the fallback (or undefined) for undefined', () => {
    expect(readWholeNumber('options.maxAttempts', 10, 3, range)).toBe(10);
    expect(readWholeNumber('options.maxAttempts', 1, 3, range)).toBe(1);
    expect(readWholeNumber('options.maxAttempts', undefined, 3, range)).toBe(3);
    expect(readWholeNumber('options.maxAttempts', undefined, undefined, range)).toBeUndefined();
  });

  it.each([
    ['3', 'must be a number, got a string.'],
    [2.5, '2.5 is not a whole number from 1 to 10.'],
    [0, '0 is not a whole number from 1 to 10.'],
    [11, '11 is not a whole number from 1 to 10.'],
    [Number.NaN, 'NaN is not a whole number from 1 to 10.'],
  ])('refuses %o', (value, problem) => {
    expect(() => readWholeNumber('options.maxAttempts', value, 3, range)).toThrow(`options.maxAttempts: ${problem} Fix: pass a whole number from 1 to 10.`);
  });

  it('refuses integers beyond the safe range even when the range allows them', () => {
    expect(() => readWholeNumber('options.windowMs', 2 ** 53, 1, { minimum: 1, maximum: Number.MAX_VALUE })).toThrow(/is not a whole number/);
  });
});
