import { describe, expect, it } from 'vitest';
import { headerReaderFrom, parseRetryAfterMs } from '../../../src/providers/kit/retry-after';

const headers = (values: Record<string, string | undefined>) => headerReaderFrom(values);

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each<{ given: Record<string, string>; expected: number | undefined }>([
    { given: { 'retry-after': '3' }, expected: 3000 },
    { given: { 'Retry-After': '0' }, expected: 0 },
    { given: { 'retry-after': '1.5' }, expected: 1500 },
    { given: { 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }, expected: 5000 },
    { given: { 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, expected: 0 },
    { given: { 'retry-after-ms': '250.2', 'retry-after': '9' }, expected: 251 },
    { given: { 'retry-after-ms': 'soon', 'retry-after': '2' }, expected: 2000 },
    { given: { 'retry-after': 'whenever' }, expected: undefined },
    { given: { 'retry-after': '-3' }, expected: undefined },
    { given: {}, expected: undefined },
  ])('$given → $expected', ({ given, expected }) => {
    expect(parseRetryAfterMs(headers(given), now)).toBe(expected);
  });

  it('reads fetch Headers as well as axios header objects', () => {
    expect(parseRetryAfterMs(headerReaderFrom(new Headers({ 'Retry-After': '4' })), now)).toBe(4000);
    expect(parseRetryAfterMs(headerReaderFrom({ 'retry-after': ['6'] }), now)).toBe(6000);
  });
});
