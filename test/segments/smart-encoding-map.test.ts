import twilioSmartEncodingModule from 'sms-segments-calculator/dist/libs/SmartEncodingMap.js';
import { describe, expect, it } from 'vitest';
import { applySmartEncoding } from '../../src/segments/apply-smart-encoding';
import { calculateSegments } from '../../src/segments/calculate-segments';
import { SMART_ENCODING_MAP } from '../../src/segments/smart-encoding-map';
import { isGsm } from './reference-segments';

// The package is CommonJS with a default export; depending on the loader it arrives wrapped or not.
const twilioSmartEncodingMap = ((twilioSmartEncodingModule as unknown as { default?: Record<string, string> }).default ??
  twilioSmartEncodingModule) as Record<string, string>;

/** How many code points map to each replacement in sms-segments-calculator 1.3.0 (docs/segments-and-cost.md#twilio-smart-encoding-map), row by row. */
const SPEC_GROUP_SIZES: ReadonlyArray<readonly [replacement: string, count: number]> = [
  ['"', 13], ["'", 19], ['/', 7], ['1/4', 1], ['1/2', 1], ['3/4', 1], ['\\', 5], ['_', 3], ['|', 9], ['-', 10],
  ['@', 2], ['$', 2], ['!', 4], ['#', 2], ['%', 2], ['&', 2], [',', 7], ['(', 6], [')', 6], ['*', 21], ['+', 3],
  ['.', 4], ['0', 1], ['1', 1], ['2', 1], ['3', 1], ['4', 1], ['5', 1], ['6', 1], ['7', 1], ['8', 1], ['9', 1],
  [':', 6], [';', 4], ['<', 3], ['=', 4], ['>', 3], ['?', 3], ['A', 2], ['B', 2], ['C', 2], ['D', 2], ['E', 2],
  ['F', 2], ['G', 2], ['H', 2], ['I', 2], ['J', 2], ['K', 2], ['L', 2], ['M', 2], ['N', 2], ['O', 2], ['P', 2],
  ['Q', 1], ['R', 2], ['S', 2], ['T', 2], ['U', 2], ['V', 2], ['W', 2], ['X', 1], ['Y', 2], ['Z', 2], ['^', 4],
  ['{', 3], ['}', 3], ['[', 1], [']', 1], ['~', 7], ['  ', 19], ['', 14], ['       ', 1], ['!!', 1], [' ', 3],
  ['...', 1],
];

describe('Smart Encoding map (docs/segments-and-cost.md#twilio-smart-encoding-map)', () => {
  it('has 271 entries, grouped as the spec table counts them', () => {
    expect(SMART_ENCODING_MAP.size).toBe(271);
    expect(SPEC_GROUP_SIZES.reduce((sum, [, count]) => sum + count, 0)).toBe(271);
    const sizes = new Map<string, number>();
    for (const replacement of SMART_ENCODING_MAP.values()) sizes.set(replacement, (sizes.get(replacement) ?? 0) + 1);
    expect(Object.fromEntries(sizes)).toEqual(Object.fromEntries(SPEC_GROUP_SIZES));
  });

  it('is exactly the map shipped in sms-segments-calculator@1.3.0', () => {
    const theirs = Object.entries(twilioSmartEncodingMap).map(([character, replacement]) => [
      character.codePointAt(0),
      replacement,
    ]);
    expect(theirs).toHaveLength(271);
    expect(new Map(theirs as Array<[number, string]>)).toEqual(SMART_ENCODING_MAP);
  });

  it('keeps the documented 1.3.0 deltas: ‹ → <, › → >, ZWNJ deleted, ‗ → _', () => {
    expect(SMART_ENCODING_MAP.get(0x2039)).toBe('<');
    expect(SMART_ENCODING_MAP.get(0x203a)).toBe('>');
    expect(SMART_ENCODING_MAP.get(0x200c)).toBe('');
    expect(SMART_ENCODING_MAP.get(0x2017)).toBe('_');
  });

  it('maps only BMP, non-surrogate code points to GSM-7 text', () => {
    for (const [codePoint, replacement] of SMART_ENCODING_MAP) {
      expect(codePoint).toBeLessThan(0x10000);
      expect(codePoint >= 0xd800 && codePoint <= 0xdfff).toBe(false);
      expect(isGsm(replacement)).toBe(true);
    }
  });

  it('applies every one of the 271 entries, alone and inside text', () => {
    for (const [codePoint, replacement] of SMART_ENCODING_MAP) {
      const character = String.fromCodePoint(codePoint);
      expect(applySmartEncoding(character)).toBe(replacement);
      expect(applySmartEncoding(`a${character}b${character}`)).toBe(`a${replacement}b${replacement}`);
      const result = calculateSegments(`x${character}`, { smartEncoding: true });
      expect(result.text).toBe(`x${replacement}`);
      expect(result.smartEncodingApplied).toBe(true);
      expect(result.encoding).toBe('GSM-7');
    }
  });
});
