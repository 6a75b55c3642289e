import { describe, expect, it } from 'vitest';
import { isSenderShape } from '../../src/senders/sender-patterns';

describe('isSenderShape', () => {
  it.each(['+14155550100', 'Acme', 'ACME 24', 'A1234567890', '12345', '123', '12345678'])('accepts %s', (sender) => {
    expect(isSenderShape(sender)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['+0123', 'E.164 cannot start with 0'],
    ['+1234567890123456', 'more than 15 digits'],
    ['AcmeCorporation', 'alphanumeric over 11 characters'],
    ['12', 'short code under 3 digits'],
    ['123456789', 'all digits, over 8, without +'],
    ['Acme!', 'punctuation'],
    ['14155550100', 'a long number without +'],
  ])('refuses %s (%s)', (sender) => {
    expect(isSenderShape(sender)).toBe(false);
  });
});
