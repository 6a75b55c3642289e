import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { analyseBody } from '../../src/service/analyse-body';

describe('analyseBody', () => {
  it('returns the segment calculation of a body within maxSegments', () => {
    const analysis = analyseBody('a'.repeat(161), { segments: undefined, maxSegments: 2 });
    expect(analysis).toMatchObject({ encoding: 'GSM-7', segments: 2, units: 161 });
  });

  it('refuses a GSM-7 body above maxSegments with the GSM-7 fix', () => {
    const error = (() => {
      try {
        analyseBody('a'.repeat(161), { segments: undefined, maxSegments: 1 });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'body', reason: 'BODY_TOO_LONG' });
    expect((error as Error).message).toBe('body: is 2 segments (GSM-7, 161 units); the limit is 1. Fix: shorten the text (GSM-7 fits 153 characters per segment), or raise maxSegments.');
  });

  it('names the first non-GSM culprits of a UCS-2 body', () => {
    expect(() => analyseBody(`😀ЖЖ☃✓${'a'.repeat(70)}`, { segments: undefined, maxSegments: 1 })).toThrow(
      'body: is 2 segments (UCS-2, 76 units); the limit is 1. Fix: shorten the text (UCS-2 fits 67 units per segment; removing emoji and non-GSM characters such as 😀 Ж ☃ may switch it to GSM-7), or raise maxSegments.',
    );
  });

  it('counts with the segment options given', () => {
    expect(analyseBody('“Hi”', { segments: undefined, maxSegments: 1 }).encoding).toBe('UCS-2');
    expect(analyseBody('“Hi”', { segments: { smartEncoding: true }, maxSegments: 1 }).encoding).toBe('GSM-7');
  });
});
