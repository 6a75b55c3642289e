import { describe, expect, it } from 'vitest';
import { isE164 } from '../../src/phone';

describe('isE164', () => {
  it.each(['+14155550100', '+447400123456', '+12', '+123456789012345', '+979123456789'])('accepts %s', (value) => {
    expect(isE164(value)).toBe(true);
  });

  it.each([
    ['16 digits', '+1234567890123456'],
    ['one digit', '+1'],
    ['no digits', '+'],
    ['leading zero', '+0123456789'],
    ['no plus', '14155550100'],
    ['00 prefix', '0014155550100'],
    ['spaces', '+1 415 555 0100'],
    ['hyphens', '+1-415-555-0100'],
    ['leading space', ' +14155550100'],
    ['trailing newline', '+14155550100\n'],
    ['leading newline', '\n+14155550100'],
    ['fullwidth digits', '+１４１５５５５０１００'],
    ['extension', '+14155550100;ext=1'],
    ['empty', ''],
  ])('refuses %s', (_label, value) => {
    expect(isE164(value)).toBe(false);
  });

  it('refuses non-strings from JavaScript callers instead of coercing them', () => {
    expect(isE164(14155550100 as unknown as string)).toBe(false);
    expect(isE164({ toString: () => '+14155550100' } as unknown as string)).toBe(false);
  });
});
