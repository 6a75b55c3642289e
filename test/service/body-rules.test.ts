import { describe, expect, it } from 'vitest';
import { checkBodyCharacters, checkBodyLength, isBlankBody } from '../../src/service/body-rules';
import { calculateSegments } from '../../src/segments/calculate-segments';
import { ValidationError } from '../../src/errors/validation-error';

describe('checkBodyLength', () => {
  it('refuses by length alone a body no encoding fits in maxSegments segments', () => {
    expect(() => checkBodyLength('a'.repeat(1601), 10)).toThrow(ValidationError);
    expect(() => checkBodyLength('a'.repeat(161), 1)).toThrow(/161 UTF-16 code units; 1 segments \(maxSegments\) hold at most 160/);
  });

  it('lets through every body that could fit, so the exact count decides', () => {
    expect(() => checkBodyLength('a'.repeat(1600), 10)).not.toThrow();
    expect(() => checkBodyLength('a'.repeat(160), 1)).not.toThrow();
  });

  it('is a sound bound: no body over it fits, in GSM-7 or UCS-2', () => {
    for (const maxSegments of [1, 2, 10, 255]) {
      const limit = maxSegments * 160;
      for (const character of ['a', '€', 'é', 'ж', '😀']) {
        const body = character.repeat(limit + 1);
        expect(calculateSegments(body).segments, `${character} × ${limit + 1}`).toBeGreaterThan(maxSegments);
      }
    }
  });
});

describe('isBlankBody', () => {
  it.each(['', ' ', '\n\t', '\u200B', '\u200B\u200C\u200D', '\u2060\uFEFF', '\u00AD', ' \u180E '])('%j shows nothing', (body) => {
    expect(isBlankBody(body)).toBe(true);
  });

  it.each(['a', '\u200Ba', '😀', '.', '\u200D😀'])('%j shows something', (body) => {
    expect(isBlankBody(body)).toBe(false);
  });
});

describe('checkBodyCharacters', () => {
  it('names the character and its index, never the text', () => {
    expect(() => checkBodyCharacters('secret\u0007')).toThrow(/U\+0007 at index 6/);
    expect(() => checkBodyCharacters('secret\u0007')).not.toThrow(/secret/);
  });
});
