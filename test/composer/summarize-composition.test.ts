import { describe, expect, it } from 'vitest';
import { summarizeComposition } from '../../src/composer/summarize-composition';
import { calculateSegments } from '../../src/segments/calculate-segments';

describe('summarizeComposition', () => {
  it('counts GSM-7 exactly as a send does, with what is left in the segment', () => {
    expect(summarizeComposition('Hello world')).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 11, unitsPerSegment: 160, remainingInSegment: 149, characters: 11, multiSegment: false, warnings: [], cost: null });
  });

  it('counts an extension character as two, and warns when the body needs a second segment', () => {
    const summary = summarizeComposition(`${'a'.repeat(159)}€`);
    expect(summary).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2, unitsPerSegment: 153, multiSegment: true });
    expect(summary.warnings).toEqual(['The message will be sent as 2 segments, billed as 2 messages.']);
  });

  it('names the characters forcing UCS-2, once each', () => {
    const summary = summarizeComposition('Olá 😀 😀');
    expect(summary).toMatchObject({ encoding: 'UCS-2', nonGsmCharacters: ['á', '😀'], unitsPerSegment: 70 });
    expect(summary.warnings).toEqual(['á 😀 make this a Unicode message: 70 characters per segment instead of 160.']);
  });

  it('agrees with calculateSegments on every count, with the same segment options', () => {
    for (const text of ['', 'plain', '{}[]~^|\\€', '😀'.repeat(40), 'é'.repeat(200), '“smart quotes”']) {
      for (const segments of [undefined, { smartEncoding: true }]) {
        const expected = calculateSegments(text, segments);
        expect(summarizeComposition(text, segments === undefined ? {} : { segments }), text).toMatchObject({ encoding: expected.encoding, segments: expected.segments, units: expected.units, remainingInSegment: expected.remainingInLastSegment });
      }
    }
  });

  it('shows the 1600-character cap, counted in characters', () => {
    expect(summarizeComposition('😀'.repeat(1600))).toMatchObject({ characters: 1600, overLimit: false });
    const over = summarizeComposition('a'.repeat(1601));
    expect(over).toMatchObject({ overLimit: true, maxCharacters: 1600 });
    expect(over.warnings[0]).toBe('The message is 1 characters over the 1600-character limit.');
    expect(summarizeComposition('abc', { maxCharacters: 2 }).overLimit).toBe(true);
  });

  it('prices every segment exactly', () => {
    expect(summarizeComposition('a'.repeat(161), { pricePerSegment: { amount: '0.0079', currency: 'USD' } }).cost).toEqual({ amount: '0.0158', currency: 'USD', micros: 15_800 });
  });

  it('refuses a bad cap or price with a ValidationError naming the option', () => {
    expect(() => summarizeComposition('a', { maxCharacters: 0 })).toThrow(/^maxCharacters: 0 is not a whole number above 0\. Fix: /);
    expect(() => summarizeComposition('a', { pricePerSegment: { amount: 'cheap', currency: 'USD' } })).toThrow(/pricePerSegment\.amount/);
  });
});
