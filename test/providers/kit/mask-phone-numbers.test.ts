import { describe, expect, it } from 'vitest';
import { maskPhoneNumbers } from '../../../src/providers/kit/mask-phone-numbers';

describe('maskPhoneNumbers', () => {
  it.each([
    ["The 'To' number +14155552671 is not valid", "The 'To' number [number] is not valid"],
    ['Call +1 (415) 555-2671 now', 'Call [number] now'],
    ['from 415.555.2671', 'from [number]'],
    ['code 21211 and 2024-06-03', 'code 21211 and [number]'],
    ['short 123456 stays', 'short 123456 stays'],
  ])('%j → %j', (given, expected) => {
    expect(maskPhoneNumbers(given)).toBe(expected);
  });

  it('caps the length and removes control characters', () => {
    const masked = maskPhoneNumbers(`line\nbreak ${'x'.repeat(500)}`);
    expect(masked.startsWith('line break')).toBe(true);
    expect(masked.length).toBe(201);
  });
});
