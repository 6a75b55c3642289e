import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { calculateSegments, type CalculateSegmentsOptions, type SmsEncoding } from '../../src/segments/calculate-segments';

const a = (count: number): string => 'a'.repeat(count);
const zhe = (count: number): string => 'ж'.repeat(count);
const FAMILY = '👨‍👩‍👧'; // 👨 ZWJ 👩 ZWJ 👧: 8 UTF-16 units, one grapheme cluster
const ITALY = '🇮🇹'; // two regional indicators: 4 units, one cluster
const THUMBS_UP_MEDIUM = '👍🏽'; // emoji + skin tone modifier: 4 units, one cluster
const KEYCAP_ONE = '1️⃣'; // 1 + VS16 + U+20E3: 3 units, one cluster
const E_ACUTE = 'e\u0301'; // e + combining acute: 2 units, one cluster, never normalised
const EXTENSION_CHARACTERS = ['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'];

type Vector = [
  name: string,
  body: string,
  options: CalculateSegmentsOptions | undefined,
  encoding: SmsEncoding,
  segments: number,
  units: number,
  unitsPerSegment: number,
  remainingInLastSegment: number,
];

/**
 * Vectors derived by hand from docs/segments-and-cost.md#the-rules and the sections after it, one per rule or trap. The expected numbers
 * are worked out in the row names where they are not obvious.
 */
const vectors: Vector[] = [
  // docs/segments-and-cost.md#packing-parts: empty body is 0 segments (policy: providers refuse it).
  ['empty body', '', undefined, 'GSM-7', 0, 0, 160, 160],
  ['short GSM', 'Hello', undefined, 'GSM-7', 1, 5, 160, 155],
  // GSM-7 capacities: 160 single, 153 per part.
  ['160 septets: single part', a(160), undefined, 'GSM-7', 1, 160, 160, 0],
  ['161 septets: 153 + 8', a(161), undefined, 'GSM-7', 2, 161, 153, 145],
  ['306 septets: 153 × 2', a(306), undefined, 'GSM-7', 2, 306, 153, 0],
  ['307 septets: 153 + 153 + 1', a(307), undefined, 'GSM-7', 3, 307, 153, 152],
  // docs/segments-and-cost.md#packing-parts: extension characters cost 2 and never straddle parts.
  ['80 × ] = 160 septets: single part', ']'.repeat(80), undefined, 'GSM-7', 1, 160, 160, 0],
  ['81 × ] = 162 septets: 76 + 5 pairs', ']'.repeat(81), undefined, 'GSM-7', 2, 162, 153, 143],
  ['152 × ] = 304 septets: 76 + 76 pairs', ']'.repeat(152), undefined, 'GSM-7', 2, 304, 153, 1],
  ['153 × ] = 306 septets but 3 parts (76 + 76 + 1)', ']'.repeat(153), undefined, 'GSM-7', 3, 306, 153, 151],
  ['306 × ] = 612 septets: 5 parts of ≤ 76 pairs', ']'.repeat(306), undefined, 'GSM-7', 5, 612, 153, 149],
  ['80 × € = 160 septets: single part', '€'.repeat(80), undefined, 'GSM-7', 1, 160, 160, 0],
  ['158 a + ] ends an escape pair at septet 160', `${a(158)}]`, undefined, 'GSM-7', 1, 160, 160, 0],
  ['159 a + ] = 161 septets: 153 + 8', `${a(159)}]`, undefined, 'GSM-7', 2, 161, 153, 145],
  ['152 a + ] = 154 septets: single part', `${a(152)}]`, undefined, 'GSM-7', 1, 154, 160, 6],
  [
    '152 a + ] + 152 a = 306 septets but 3 parts (152 | ] + 151 | 1)',
    `${a(152)}]${a(152)}`,
    undefined,
    'GSM-7',
    3,
    306,
    153,
    152,
  ],
  ['Price: 10€ [ok]', 'Price: 10€ [ok]', undefined, 'GSM-7', 1, 18, 160, 142],
  ['form feed is an extension character', '\f', undefined, 'GSM-7', 1, 2, 160, 158],
  // docs/segments-and-cost.md#packing-parts: CR and LF are basic characters; CRLF costs 2.
  ['CRLF', '\r\n', undefined, 'GSM-7', 1, 2, 160, 158],
  ['80 a + CRLF + 79 a = 161 septets', `${a(80)}\r\n${a(79)}`, undefined, 'GSM-7', 2, 161, 153, 145],
  ['80 a + LF + 79 a = 160 septets', `${a(80)}\n${a(79)}`, undefined, 'GSM-7', 1, 160, 160, 0],
  // docs/segments-and-cost.md#gsm-0338-character-sets: no normalisation; the exact 127 + 10 code points.
  ['Ç (U+00C7) is GSM', 'Ç'.repeat(160), undefined, 'GSM-7', 1, 160, 160, 0],
  ['ç (U+00E7) is not GSM', 'ç', undefined, 'UCS-2', 1, 1, 70, 69],
  ['` (U+0060) is not GSM', '`', undefined, 'UCS-2', 1, 1, 70, 69],
  ['Greek capital Alpha (U+0391) is not GSM', 'Α', undefined, 'UCS-2', 1, 1, 70, 69],
  ['the GSM Greek capitals are GSM', 'ΔΦΓΛΩΠΨΣΘΞ', undefined, 'GSM-7', 1, 10, 160, 150],
  ['NBSP is not GSM', 'a\u00a0b', undefined, 'UCS-2', 1, 3, 70, 67],
  ['TAB is not GSM', '\t', undefined, 'UCS-2', 1, 1, 70, 69],
  ['ESC is not GSM', '\u001b', undefined, 'UCS-2', 1, 1, 70, 69],
  ['NUL is not GSM', '\u0000', undefined, 'UCS-2', 1, 1, 70, 69],
  ['U+2028 is not GSM', '\u2028', undefined, 'UCS-2', 1, 1, 70, 69],
  ['e + U+0301 is UCS-2', E_ACUTE, undefined, 'UCS-2', 1, 2, 70, 68],
  ['70 × (e + U+0301): 33 + 33 + 4 clusters', E_ACUTE.repeat(70), undefined, 'UCS-2', 3, 140, 67, 59],
  // UCS-2 capacities: 70 single, 67 per part; extension characters cost 1 unit.
  ['70 × ж: single part', zhe(70), undefined, 'UCS-2', 1, 70, 70, 0],
  ['71 × ж: 67 + 4', zhe(71), undefined, 'UCS-2', 2, 71, 67, 63],
  ['134 × ж: 67 × 2', zhe(134), undefined, 'UCS-2', 2, 134, 67, 0],
  ['135 × ж: 67 + 67 + 1', zhe(135), undefined, 'UCS-2', 3, 135, 67, 66],
  ['69 × € + ж: € is 1 unit in UCS-2', `${'€'.repeat(69)}ж`, undefined, 'UCS-2', 1, 70, 70, 0],
  ['69 × ] + ж: ] is 1 unit in UCS-2', `${']'.repeat(69)}ж`, undefined, 'UCS-2', 1, 70, 70, 0],
  ['Hello 😀', 'Hello 😀', undefined, 'UCS-2', 1, 8, 70, 62],
  // docs/segments-and-cost.md#packing-parts: surrogate pairs never straddle parts.
  ['35 × 😀 = 70 units: single part', '😀'.repeat(35), undefined, 'UCS-2', 1, 70, 70, 0],
  ['36 × 😀 = 72 units: 33 + 3 emoji', '😀'.repeat(36), undefined, 'UCS-2', 2, 72, 67, 61],
  ['67 × 😀 = 134 units but 3 parts (33 + 33 + 1)', '😀'.repeat(67), undefined, 'UCS-2', 3, 134, 67, 65],
  ['lone high surrogate: UCS-2, 1 unit', '\ud83d', undefined, 'UCS-2', 1, 1, 70, 69],
  ['lone surrogate before a boundary stays 1 unit', `${zhe(66)}\ud83d${zhe(4)}`, undefined, 'UCS-2', 2, 71, 67, 63],
  // docs/segments-and-cost.md#packing-parts, grapheme policy: clusters up to 67 units move whole to the next part.
  ['ZWJ family', FAMILY, undefined, 'UCS-2', 1, 8, 70, 62],
  ['63 a + family: the family moves (63 | 8)', a(63) + FAMILY, undefined, 'UCS-2', 2, 71, 67, 59],
  ['65 a + flag + 2 a: the flag moves (65 | 6)', `${a(65)}${ITALY}aa`, undefined, 'UCS-2', 2, 71, 67, 61],
  ['66 a + e+U+0301 + 3 a: the cluster moves (66 | 5)', `${a(66)}${E_ACUTE}aaa`, undefined, 'UCS-2', 2, 71, 67, 62],
  ['65 a + 👍🏽 + 2 a: skin tone stays with its emoji', `${a(65)}${THUMBS_UP_MEDIUM}aa`, undefined, 'UCS-2', 2, 71, 67, 61],
  ['66 a + keycap 1 + 2 a: keycap moves (66 | 5)', `${a(66)}${KEYCAP_ONE}aa`, undefined, 'UCS-2', 2, 71, 67, 62],
  ['CRLF at a UCS-2 boundary is two atoms (67 | 4)', `${zhe(66)}\r\n${zhe(3)}`, undefined, 'UCS-2', 2, 71, 67, 63],
  [
    '10 ж + a 67-unit cluster: the cluster fills part 2 (10 | 67)',
    `${zhe(10)}a${'\u0301'.repeat(66)}`,
    undefined,
    'UCS-2',
    2,
    77,
    67,
    0,
  ],
  [
    '10 ж + a 68-unit cluster: longer than a part, split by code point (67 | 11)',
    `${zhe(10)}a${'\u0301'.repeat(67)}`,
    undefined,
    'UCS-2',
    2,
    78,
    67,
    56,
  ],
  ['Zalgo cluster of 101 units: code-point atoms (67 | 34)', `a${'\u0301'.repeat(100)}`, undefined, 'UCS-2', 2, 101, 67, 33],
  // docs/segments-and-cost.md#packing-parts, codepoint policy: only surrogate pairs are kept whole.
  ['codepoint: 70 × (e + U+0301) = 67 + 67 + 6', E_ACUTE.repeat(70), { clusterPolicy: 'codepoint' }, 'UCS-2', 3, 140, 67, 61],
  ['codepoint: e + U+0301 split at 67 | 4', `${a(66)}${E_ACUTE}aaa`, { clusterPolicy: 'codepoint' }, 'UCS-2', 2, 71, 67, 63],
  ['codepoint: flag split between its indicators', `${a(65)}${ITALY}aa`, { clusterPolicy: 'codepoint' }, 'UCS-2', 2, 71, 67, 63],
  ['codepoint: family split, but not inside 👩 (66 | 5)', a(63) + FAMILY, { clusterPolicy: 'codepoint' }, 'UCS-2', 2, 71, 67, 62],
  ['codepoint: 67 × 😀 still 3 parts', '😀'.repeat(67), { clusterPolicy: 'codepoint' }, 'UCS-2', 3, 134, 67, 65],
  // docs/segments-and-cost.md#packing-parts: a 7-octet UDH (16-bit reference) leaves 152 septets / 66 units per part.
  ['udh 7: 161 septets = 152 + 9', a(161), { udhOctets: 7 }, 'GSM-7', 2, 161, 152, 143],
  ['udh 7: 305 septets = 152 + 152 + 1', a(305), { udhOctets: 7 }, 'GSM-7', 3, 305, 152, 151],
  ['udh 7: 81 × ] = 76 + 5 pairs', ']'.repeat(81), { udhOctets: 7 }, 'GSM-7', 2, 162, 152, 142],
  ['udh 7: 133 × ж = 66 + 66 + 1', zhe(133), { udhOctets: 7 }, 'UCS-2', 3, 133, 66, 65],
  ['udh 7: single parts keep 160/70', '😀'.repeat(34), { udhOctets: 7 }, 'UCS-2', 1, 68, 70, 2],
  // docs/segments-and-cost.md#twilio-smart-encoding-map: Smart Encoding before counting; replacements can lengthen or produce extension characters.
  ['smart: … becomes ... (3 septets)', '…', { smartEncoding: true }, 'GSM-7', 1, 3, 160, 157],
  ['smart: 158 a + … = 161 septets', `${a(158)}…`, { smartEncoding: true }, 'GSM-7', 2, 161, 153, 145],
  ['smart: ｜ becomes | (2 septets)', '｜', { smartEncoding: true }, 'GSM-7', 1, 2, 160, 158],
  ['smart: TAB becomes 7 spaces', `a\tb`, { smartEncoding: true }, 'GSM-7', 1, 9, 160, 151],
  ['smart all-or-nothing: emoji keeps the original', '“Hi” 😀', { smartEncoding: true }, 'UCS-2', 1, 7, 70, 63],
  [
    'smart always: replaced even if still UCS-2',
    '“Hi” 😀',
    { smartEncoding: true, smartEncodingMode: 'always' },
    'UCS-2',
    1,
    7,
    70,
    63,
  ],
];

describe('calculateSegments vectors (docs/segments-and-cost.md#the-rules)', () => {
  it.each(vectors)('%s', (_name, body, options, encoding, segments, units, unitsPerSegment, remainingInLastSegment) => {
    const result = calculateSegments(body, options);
    expect({
      encoding: result.encoding,
      segments: result.segments,
      units: result.units,
      unitsPerSegment: result.unitsPerSegment,
      remainingInLastSegment: result.remainingInLastSegment,
    }).toEqual({ encoding, segments, units, unitsPerSegment, remainingInLastSegment });
  });

  it('has a vector for every trap the brief lists', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(40);
  });

  it.each(EXTENSION_CHARACTERS)('extension character %j costs 2 septets and never straddles parts', (character) => {
    // 152 a fill part 1 but one septet: the 2-septet character moves whole to part 2 (docs/segments-and-cost.md#packing-parts).
    const result = calculateSegments(`${a(152)}${character}${a(8)}`);
    expect(result).toMatchObject({ encoding: 'GSM-7', segments: 2, units: 162, remainingInLastSegment: 153 - 10 });
    // In UCS-2 the same character is one unit (docs/segments-and-cost.md#packing-parts).
    expect(calculateSegments(`${character}ж`)).toMatchObject({ encoding: 'UCS-2', units: 2 });
  });
});

describe('calculateSegments result fields', () => {
  it('returns the whole result shape for GSM-7', () => {
    expect(calculateSegments('Hi [x]')).toEqual({
      encoding: 'GSM-7',
      segments: 1,
      units: 8,
      unitsPerSegment: 160,
      remainingInLastSegment: 152,
      nonGsmCharacters: [],
      smartEncodingApplied: false,
      text: 'Hi [x]',
    });
  });

  it('lists each non-GSM character once, whole code points, in order of first appearance', () => {
    const result = calculateSegments('ç a ç 😀 `😀 e\u0301 \ud83d x \ud83d Α');
    expect(result.nonGsmCharacters).toEqual(['ç', '😀', '`', '\u0301', '\ud83d', 'Α']);
  });

  it('reports astral characters outside the emoji block and lone low surrogates too', () => {
    expect(calculateSegments('𠀋a𠀋\ude00\ude00𝐀').nonGsmCharacters).toEqual(['𠀋', '\ude00', '𝐀']);
  });

  it('forgets reported characters between calls, across many calls', () => {
    // The "seen" marks are reused between calls; each call must still report its own characters.
    for (let call = 0; call < 70_000; call += 1) {
      if (call % 7_001 !== 0) {
        calculateSegments('ж');
        continue;
      }
      expect(calculateSegments('ж ж 😀').nonGsmCharacters).toEqual(['ж', '😀']);
    }
    expect(calculateSegments('😀ж').nonGsmCharacters).toEqual(['😀', 'ж']);
  });

  it('counts the same for flat, rope and sliced strings', () => {
    let rope = '';
    for (let index = 0; index < 40; index += 1) rope += 'ab€😀';
    const flat = JSON.parse(JSON.stringify(rope)) as string;
    const sliced = `x${rope}`.slice(1);
    expect(calculateSegments(rope)).toEqual(calculateSegments(flat));
    expect(calculateSegments(sliced)).toEqual(calculateSegments(flat));
  });
});

describe('Smart Encoding flags', () => {
  it('reports the replaced text and smartEncodingApplied when used', () => {
    expect(calculateSegments('“Hi”…', { smartEncoding: true })).toMatchObject({
      text: '"Hi"...',
      smartEncodingApplied: true,
      encoding: 'GSM-7',
    });
  });

  it('keeps the original and reports not applied when all-or-nothing fails', () => {
    const result = calculateSegments('“Hi” 😀', { smartEncoding: true });
    expect(result).toMatchObject({ text: '“Hi” 😀', smartEncodingApplied: false, nonGsmCharacters: ['“', '”', '😀'] });
  });

  it("uses the replaced text in 'always' mode even when it stays UCS-2", () => {
    const result = calculateSegments('“Hi” 😀', { smartEncoding: true, smartEncodingMode: 'always' });
    expect(result).toMatchObject({ text: '"Hi" 😀', smartEncodingApplied: true, nonGsmCharacters: ['😀'] });
  });

  it('reports not applied when there is nothing to replace', () => {
    expect(calculateSegments('plain', { smartEncoding: true })).toMatchObject({ text: 'plain', smartEncodingApplied: false });
    expect(calculateSegments('😀', { smartEncoding: true, smartEncodingMode: 'always' }).smartEncodingApplied).toBe(false);
  });

  it('is off by default', () => {
    expect(calculateSegments('…')).toMatchObject({ encoding: 'UCS-2', text: '…', smartEncodingApplied: false });
  });

  it('makes a\\u0000b GSM-7 by deleting NUL (Smart Encoding map)', () => {
    expect(calculateSegments('a\u0000b', { smartEncoding: true })).toMatchObject({ encoding: 'GSM-7', units: 2, text: 'ab' });
  });

  it('can delete a whole body down to 0 segments', () => {
    expect(calculateSegments('\u200b\ufeff', { smartEncoding: true })).toMatchObject({
      encoding: 'GSM-7',
      segments: 0,
      text: '',
      smartEncodingApplied: true,
    });
  });
});

describe('calculateSegments validation', () => {
  function validationErrorOf(run: () => unknown): ValidationError {
    try {
      run();
    } catch (error) {
      if (ValidationError.isInstance(error)) return error;
      throw error;
    }
    throw new Error('expected a ValidationError');
  }

  it.each([
    ['unknown option', { smart: true }, 'options.smart'],
    ['smartEncoding not boolean', { smartEncoding: 'yes' }, 'options.smartEncoding'],
    ['smartEncodingMode unknown', { smartEncodingMode: 'sometimes' }, 'options.smartEncodingMode'],
    ['clusterPolicy unknown', { clusterPolicy: 'byte' }, 'options.clusterPolicy'],
    ['udhOctets 8', { udhOctets: 8 }, 'options.udhOctets'],
    ['udhOctets as a string', { udhOctets: '6' }, 'options.udhOctets'],
    ['options not an object', 'grapheme', 'options'],
    ['options an array', [], 'options'],
  ])('%s throws a ValidationError naming %j', (_name, options, field) => {
    const error = validationErrorOf(() => calculateSegments('hi', options as unknown as CalculateSegmentsOptions));
    expect(error.field).toBe(field);
    expect(error.reason).toBe('INVALID_OPTION');
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toContain(field);
  });

  it('names the allowed values in the message', () => {
    const error = validationErrorOf(() => calculateSegments('hi', { udhOctets: 8 as 6 }));
    expect(error.message).toBe('options.udhOctets: must be one of 6, 7, got 8. Fix: pass one of 6, 7, or leave it out for the default.');
  });

  it('treats options set to undefined, and no options, as the defaults', () => {
    const defaults = calculateSegments(E_ACUTE.repeat(70));
    expect(
      calculateSegments(E_ACUTE.repeat(70), {
        smartEncoding: undefined,
        smartEncodingMode: undefined,
        clusterPolicy: undefined,
        udhOctets: undefined,
      }),
    ).toEqual(defaults);
    expect(calculateSegments(E_ACUTE.repeat(70), {})).toEqual(defaults);
  });

  it.each([undefined, null, 42, {}, ['a']])('rejects a non-string body (%j) on field body', (body) => {
    const error = validationErrorOf(() => calculateSegments(body as unknown as string));
    expect(error.field).toBe('body');
    expect(error.reason).toBe('INVALID_BODY');
  });
});

describe('Intl.Segmenter stays off the hot path', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['GSM-7 text', `${a(500)}[]`],
    ['single-part UCS-2 with clusters', `${FAMILY}${E_ACUTE}${ITALY}`],
    ['multi-part UCS-2 with no joiner at a boundary', zhe(400)],
    ['CJK', '您的验证码是482913，十分钟内有效。'.repeat(20)],
    ['ZWJ families across boundaries', FAMILY.repeat(60)],
    ['flags across boundaries', ITALY.repeat(70)],
    ['combining marks across boundaries', E_ACUTE.repeat(200)],
    ['skin tones and keycaps across boundaries', `${THUMBS_UP_MEDIUM}${KEYCAP_ONE}`.repeat(50)],
  ])('does not segment %s', (_name, body) => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    calculateSegments(body);
    expect(segment).not.toHaveBeenCalled();
  });

  it('asks the segmenter about short windows only, for classes it cannot decide (Devanagari)', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const hindi = 'आपका सत्यापन कोड 482913 है। क्षमा करें। '.repeat(12);
    expect(calculateSegments(hindi).segments).toBe(8);
    expect(segment).toHaveBeenCalled();
    for (const [window] of segment.mock.calls) expect(window.length).toBeLessThanOrEqual(2 * 67 + 2);
  });

  it('segments the whole text once per message when no window can be cut (marks on every letter)', () => {
    const body = 'कि'.repeat(300);
    calculateSegments(body); // classifies क once (a short probe of the segmenter), then cached
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    expect(calculateSegments(body).segments).toBe(10);
    expect(segment.mock.calls.map(([text]) => text)).toEqual([body]);
  });
});
