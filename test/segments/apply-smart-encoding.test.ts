import { describe, expect, it } from 'vitest';
import { applySmartEncoding } from '../../src/segments/apply-smart-encoding';
import { calculateSegments } from '../../src/segments/calculate-segments';

describe('applySmartEncoding', () => {
  it('returns the same string when nothing is replaced', () => {
    const text = 'Nothing to replace here, ç and 😀 included';
    expect(applySmartEncoding(text)).toBe(text);
  });

  it('lengthens text: …, ½ and TAB', () => {
    expect(applySmartEncoding('Wait…')).toBe('Wait...');
    expect(applySmartEncoding('½ price')).toBe('1/2 price');
    expect(applySmartEncoding('\t')).toBe('       ');
    expect(calculateSegments(`${'a'.repeat(157)}…`, { smartEncoding: true })).toMatchObject({ units: 160, segments: 1 });
    expect(calculateSegments(`${'a'.repeat(158)}…`, { smartEncoding: true })).toMatchObject({ units: 161, segments: 2 });
  });

  it('produces extension characters that cost 2 septets: ｜ ＼ ˆ ˜ ｛', () => {
    const result = calculateSegments('｜＼ˆ˜｛', { smartEncoding: true });
    expect(result).toMatchObject({ text: '|\\^~{', encoding: 'GSM-7', units: 10 });
  });

  it('deletes control and zero-width characters', () => {
    expect(applySmartEncoding('a\u0000b\u200bc\u200cd\ufeffe\u2060f')).toBe('abcdef');
  });

  it('replaces combining marks on their own, without normalising', () => {
    // U+0302 (combining circumflex) maps to ^; the base letter stays.
    expect(applySmartEncoding('e\u0302')).toBe('e^');
    expect(calculateSegments('e\u0302', { smartEncoding: true })).toMatchObject({ encoding: 'GSM-7', units: 3 });
  });

  it('leaves surrogate pairs alone', () => {
    expect(applySmartEncoding('😀“😀”')).toBe('😀"😀"');
  });
});

describe("all-or-nothing versus 'always' (docs/segments-and-cost.md#options)", () => {
  it('all-or-nothing uses the replaced text only if all of it is GSM-7', () => {
    expect(calculateSegments('“quoted” — fine', { smartEncoding: true })).toMatchObject({
      encoding: 'GSM-7',
      text: '"quoted" - fine',
      smartEncodingApplied: true,
    });
    expect(calculateSegments('“quoted” — 中文', { smartEncoding: true })).toMatchObject({
      encoding: 'UCS-2',
      text: '“quoted” — 中文',
      smartEncodingApplied: false,
      units: 13,
    });
  });

  it("'always' replaces even when the result stays UCS-2, which can change the count", () => {
    // 70 units of ж plus …: UCS-2 either way, 71 units (2 parts) as is, 73 units after … → ... .
    const body = `${'ж'.repeat(70)}…`;
    expect(calculateSegments(body, { smartEncoding: true })).toMatchObject({ units: 71, smartEncodingApplied: false });
    expect(calculateSegments(body, { smartEncoding: true, smartEncodingMode: 'always' })).toMatchObject({
      units: 73,
      segments: 2,
      smartEncodingApplied: true,
      text: `${'ж'.repeat(70)}...`,
    });
  });

  it('NBSP costs 2 septets after Smart Encoding, as shipped (unverified whitespace lengths)', () => {
    expect(calculateSegments(`${'a'.repeat(159)}\u00a0`, { smartEncoding: true })).toMatchObject({
      units: 161,
      segments: 2,
    });
  });
});
