import { describe, expect, it } from 'vitest';
import { PROVIDER_ID_PATTERN, readAddress, readTimestamp } from '../../../src/providers/kit/parsed-webhook';

describe('PROVIDER_ID_PATTERN', () => {
  it('accepts short tokens and refuses anything else', () => {
    for (const id of ['SM0123456789abcdef', '40317b52-6a8e-4b8e-9e6e-1c0a1b2c3d4e', 'a.b_c:d-e', 'x', 'x'.repeat(128)]) {
      expect(PROVIDER_ID_PATTERN.test(id), id).toBe(true);
    }
    for (const id of ['', 'x'.repeat(129), 'has space', 'a/b', '<script>', 'ü']) expect(PROVIDER_ID_PATTERN.test(id), id).toBe(false);
  });
});

describe('readAddress', () => {
  it('keeps non-empty strings up to 256 characters', () => {
    expect(readAddress('+14155550100')).toBe('+14155550100');
    expect(readAddress('whatsapp:+14155550100')).toBe('whatsapp:+14155550100');
    expect(readAddress('a'.repeat(256))).toBe('a'.repeat(256));
  });

  it('refuses empty, too long and non-string values', () => {
    expect(readAddress('')).toBeUndefined();
    expect(readAddress('a'.repeat(257))).toBeUndefined();
    expect(readAddress(14155550100)).toBeUndefined();
    expect(readAddress(null)).toBeUndefined();
  });
});

describe('readTimestamp', () => {
  it('normalises a provider timestamp to ISO 8601 UTC', () => {
    expect(readTimestamp('2026-03-04T05:06:07+02:00')).toBe('2026-03-04T03:06:07.000Z');
    expect(readTimestamp('Wed, 04 Mar 2026 05:06:07 +0000')).toBe('2026-03-04T05:06:07.000Z');
  });

  it('returns null for missing, unreadable, overlong and non-string values', () => {
    expect(readTimestamp(undefined)).toBeNull();
    expect(readTimestamp('yesterday')).toBeNull();
    expect(readTimestamp(`2026-03-04T05:06:07Z${' '.repeat(50)}`)).toBeNull();
    expect(readTimestamp(1_772_600_000_000)).toBeNull();
  });
});
