import { describe, expect, it } from 'vitest';
import { maskPhoneNumber } from '../../src/phone';

const MASK = '•';

describe('maskPhoneNumber', () => {
  it.each([
    ['+14155550100', '+1415•••0100'],
    ['+447400123456', '+4474••••3456'],
    ['+123456789012345', '+1234•••••••2345'],
    ['14155550100', '1415•••0100'],
    ['+49151234567', '+4915•••4567'],
    ['+4915123456', '+491••••456'],
    ['+4930123456', '+493••••456'],
    ['+491234567', '+491•••567'],
    ['+49123456', '+49••••56'],
    ['+4930123', '+49•••23'],
    ['+123456', '+••••••'],
    ['+1', '+•'],
    ['', ''],
    ['+', '•'],
    ['+1 415 555 0100', MASK.repeat(15)],
    ['+1234567890123456', MASK.repeat(16)],
    ['call me at +14155550100', MASK.repeat(16)],
    ['+１４１５５５５０１００', MASK.repeat(12)],
  ])('%s → %s', (value, masked) => {
    expect(maskPhoneNumber(value)).toBe(masked);
  });

  it('caps the mask of huge input', () => {
    expect(maskPhoneNumber('9'.repeat(100_000))).toBe(MASK.repeat(16));
  });

  it('masks a non-string from JavaScript callers', () => {
    expect(maskPhoneNumber(14155550100 as unknown as string)).toBe(MASK.repeat(3));
  });

  describe('never leaks the number, at any length', () => {
    // Deterministic pseudo-random digits (a linear congruential generator), so failures reproduce.
    let seed = 12345;
    const randomDigit = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String(seed % 10);
    };
    const samples: string[] = [];
    for (let length = 1; length <= 15; length++) {
      for (let sample = 0; sample < 20; sample++) {
        const digits = Array.from({ length }, randomDigit).join('');
        samples.push(digits, `+${digits}`);
      }
    }

    it.each(samples)('%s', (value) => {
      const masked = maskPhoneNumber(value);
      const digits = value.replace('+', '');
      const hidden = [...masked].filter((character) => character === MASK).length;
      expect(masked).not.toBe(value);
      expect(masked.replace(/\D/g, '')).not.toBe(digits);
      // At least three digits hidden (all of them for up to six digits), one mask per hidden digit.
      expect(hidden).toBeGreaterThanOrEqual(Math.min(3, digits.length));
      if (digits.length <= 6) expect(hidden).toBe(digits.length);
      expect(masked.length).toBe(value.length);
      // What is shown is the true prefix and suffix, so masked logs still correlate.
      const shown = (digits.length - hidden) / 2;
      const plus = value.startsWith('+') ? '+' : '';
      const suffix = shown > 0 ? digits.slice(-shown) : '';
      expect(masked).toBe(`${plus}${digits.slice(0, shown)}${MASK.repeat(hidden)}${suffix}`);
    });
  });
});
