import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/options/read-number';

const range = { minimum: 0, maximum: 1 };

describe('readNumber', () => {
  it('returns a number within the range, bounds included, fractions allowed; the fallback for undefined', () => {
    expect(readNumber('options.threshold', 0.8, 0.5, range)).toBe(0.8);
    expect(readNumber('options.threshold', 0, 0.5, range)).toBe(0);
    expect(readNumber('options.threshold', 1, 0.5, range)).toBe(1);
    expect(readNumber('options.threshold', undefined, 0.5, range)).toBe(0.5);
  });

  it.each([
    ['0.8', 'must be a number, got a string.'],
    [1.5, '1.5 is not a number from 0 to 1.'],
    [-0.1, '-0.1 is not a number from 0 to 1.'],
    [Number.NaN, 'NaN is not a number from 0 to 1.'],
    [Number.POSITIVE_INFINITY, 'Infinity is not a number from 0 to 1.'],
  ])('refuses %o', (value, problem) => {
    expect(() => readNumber('options.threshold', value, 0.5, range)).toThrow(`options.threshold: ${problem} Fix: pass a number from 0 to 1.`);
  });
});
