import { describe, expect, it } from 'vitest';
import { calculateSegments } from '../../src/segments/calculate-segments';
import {
  GSM_BASIC_CODE_POINTS,
  GSM_EXTENSION_CODE_POINTS,
  gsmSeptetsByCodeUnit,
} from '../../src/segments/gsm-character-set';
import { SPEC_BASIC_CODE_POINTS, SPEC_EXTENSION_CODE_POINTS } from './reference-segments';

/** The basic set in GSM code order, as printed in 3GPP TS 23.038 §6.2.1 (0x1B, the escape, left out). */
const SPEC_TABLE_IN_GSM_ORDER =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

describe('GSM 03.38 character set (3GPP TS 23.038 §6.2.1, §6.2.1.1)', () => {
  it('holds exactly 127 basic and 10 extension code points, none shared', () => {
    expect(GSM_BASIC_CODE_POINTS).toHaveLength(127);
    expect(new Set(GSM_BASIC_CODE_POINTS).size).toBe(127);
    expect(GSM_EXTENSION_CODE_POINTS).toHaveLength(10);
    expect(GSM_EXTENSION_CODE_POINTS.filter((codePoint) => GSM_BASIC_CODE_POINTS.includes(codePoint))).toEqual([]);
  });

  it('lists the basic set in GSM code order, matching the spec table', () => {
    expect(String.fromCharCode(...GSM_BASIC_CODE_POINTS)).toBe(SPEC_TABLE_IN_GSM_ORDER);
  });

  it('matches the spec range listing and the extension table', () => {
    expect(new Set(GSM_BASIC_CODE_POINTS)).toEqual(SPEC_BASIC_CODE_POINTS);
    expect(new Set(GSM_EXTENSION_CODE_POINTS)).toEqual(SPEC_EXTENSION_CODE_POINTS);
  });

  it('classifies every one of the 65,536 BMP code units as the spec does', () => {
    const wrong: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit += 1) {
      const expected = SPEC_BASIC_CODE_POINTS.has(unit) ? 1 : SPEC_EXTENSION_CODE_POINTS.has(unit) ? 2 : 0;
      if (gsmSeptetsByCodeUnit[unit] !== expected) wrong.push(unit.toString(16));
      const result = calculateSegments(String.fromCharCode(unit));
      const encoding = expected === 0 ? 'UCS-2' : 'GSM-7';
      const units = expected === 0 ? 1 : expected;
      if (result.encoding !== encoding || result.units !== units || result.segments !== 1) wrong.push(`U+${unit.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['ç U+00E7', 0x00e7],
    ['` U+0060', 0x0060],
    ['Greek capital Alpha U+0391', 0x0391],
    ['Greek capital Beta U+0392', 0x0392],
    ['NBSP U+00A0', 0x00a0],
    ['TAB U+0009', 0x0009],
    ['ESC U+001B', 0x001b],
    ['NUL U+0000', 0x0000],
  ])('%s is not GSM', (_name, codePoint) => {
    expect(gsmSeptetsByCodeUnit[codePoint]).toBe(0);
  });
});
