import { describe, expect, it } from 'vitest';
import { decodeStrictBase64 } from '../../../src/providers/telnyx/strict-base64';

describe('decodeStrictBase64', () => {
  it('decodes canonical padded base64', () => {
    expect(decodeStrictBase64('AAE=')).toEqual(new Uint8Array([0, 1]));
    expect(decodeStrictBase64('AAEC')).toEqual(new Uint8Array([0, 1, 2]));
    expect(decodeStrictBase64('AA==')).toEqual(new Uint8Array([0]));
    expect(decodeStrictBase64('+/+/')).toEqual(new Uint8Array([0xfb, 0xff, 0xbf]));
  });

  it('refuses non-zero padding bits, which would make two strings decode alike', () => {
    expect(decodeStrictBase64('AAF=')).toBeUndefined();
    expect(decodeStrictBase64('AB==')).toBeUndefined();
  });

  it('refuses missing padding, whitespace, the URL-safe alphabet and empty input', () => {
    for (const value of ['AAE', 'AA', 'AA=', 'AAE= ', ' AAE=', 'AA\nE=', '-_-_', '', 'A===', 'AAE=AAE=']) {
      expect(decodeStrictBase64(value), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('refuses input longer than the limit', () => {
    const value = Buffer.alloc(768).toString('base64');
    expect(value).toHaveLength(1024);
    expect(decodeStrictBase64(value)).toHaveLength(768);
    expect(decodeStrictBase64(`${value}AAAA`)).toBeUndefined();
    expect(decodeStrictBase64('AAAAAAAA', 4)).toBeUndefined();
  });

  it('refuses non-strings', () => {
    expect(decodeStrictBase64(42 as unknown as string)).toBeUndefined();
  });
});
