import { describe, expect, it } from 'vitest';
import { classifyCodePoint, GraphemeClass, graphemeClassAt } from '../../src/segments/grapheme-class';

/**
 * The part-boundary check decides grapheme clusters itself for the classes in `grapheme-class.ts` and
 * asks `Intl.Segmenter` for everything else. These tests hold every claim it relies on against the
 * runtime's own `Intl.Segmenter`, for every code point of every plane, so a Node with newer Unicode data
 * fails here instead of miscounting.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** SOH: a control, so UAX #29 breaks on both sides of it (GB4/GB5) and probes cannot touch each other. */
const SEPARATOR = '\u0001';
const ZWJ = '\u200d';
const EMOJI = '😀';
const VIRAMA = '\u094d'; // Devanagari sign virama: an Indic conjunct linker (GB9c)

interface Probe {
  codePoint: number;
  /** The clusters `Intl.Segmenter` must return for this probe, in order. */
  clusters: string[];
}

/**
 * Runs the probes through one segmentation per chunk and lists those that cluster differently. Chunks
 * stay small because V8's segment iterator slows down per step as its text grows.
 */
function failingProbes(probes: readonly Probe[]): string[] {
  const failures: string[] = [];
  const chunkSize = 50;
  for (let start = 0; start < probes.length; start += chunkSize) {
    const chunk = probes.slice(start, start + chunkSize);
    const text = chunk.map((probe) => probe.clusters.join('') + SEPARATOR).join('');
    const iterator = segmenter.segment(text)[Symbol.iterator]();
    for (const probe of chunk) {
      const expected = [...probe.clusters, SEPARATOR];
      const length = expected.reduce((sum, cluster) => sum + cluster.length, 0);
      const actual: string[] = [];
      let consumed = 0;
      while (consumed < length) {
        const next = iterator.next();
        if (next.done === true) break;
        actual.push(next.value.segment);
        consumed += next.value.segment.length;
      }
      if (actual.join('\u0002') !== expected.join('\u0002')) {
        failures.push(`U+${probe.codePoint.toString(16).toUpperCase()}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
      }
    }
  }
  return failures;
}

let classesOfAllCodePoints: Uint8Array | undefined;

/** Every code point (surrogates excepted) of one class, classified once for the whole file. */
function codePointsOf(wanted: GraphemeClass): number[] {
  if (classesOfAllCodePoints === undefined) {
    classesOfAllCodePoints = new Uint8Array(0x110000);
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (codePoint < 0xd800 || codePoint > 0xdfff) classesOfAllCodePoints[codePoint] = classifyCodePoint(codePoint);
    }
  }
  const found: number[] = [];
  classesOfAllCodePoints.forEach((graphemeClass, codePoint) => {
    if (graphemeClass === wanted) found.push(codePoint);
  });
  return found;
}

describe('grapheme classes hold for every code point (runtime Unicode data)', { timeout: 120_000 }, () => {
  it('Control: breaks before and after, even before a mark (GB4, GB5)', () => {
    const controls = codePointsOf(GraphemeClass.Control);
    expect(controls).toHaveLength(65);
    const probes = controls.flatMap((codePoint) => {
      const character = String.fromCodePoint(codePoint);
      return [
        { codePoint, clusters: ['a', character, 'a'] },
        { codePoint, clusters: [character, '\u0301'] },
      ];
    });
    expect(failingProbes(probes)).toEqual([]);
  });

  it('Extend: joins what precedes (GB9), joins nothing after it, and counts as Extend in GB11', () => {
    const extend = codePointsOf(GraphemeClass.Extend);
    expect(extend.length).toBeGreaterThan(1500);
    const probes = extend.flatMap((codePoint) => {
      const character = String.fromCodePoint(codePoint);
      return [
        { codePoint, clusters: [`a${character}`, 'a'] },
        { codePoint, clusters: [`a${character}`, EMOJI] },
        { codePoint, clusters: [`a${character}`, '🇦'] },
        { codePoint, clusters: [`${EMOJI}${character}${ZWJ}${EMOJI}`] },
      ];
    });
    expect(failingProbes(probes)).toEqual([]);
  });

  it('Pictographic: joins only through a ZWJ sequence (GB11), and is no conjunct consonant', () => {
    const pictographic = codePointsOf(GraphemeClass.Pictographic);
    expect(pictographic.length).toBeGreaterThan(1000);
    const probes = pictographic.flatMap((codePoint) => {
      const character = String.fromCodePoint(codePoint);
      return [
        { codePoint, clusters: ['a', character, 'a'] },
        { codePoint, clusters: [character, character] },
        { codePoint, clusters: [`${EMOJI}${ZWJ}${character}`] },
        { codePoint, clusters: [`${character}\u0301${ZWJ}${EMOJI}`] },
        { codePoint, clusters: [`a${ZWJ}`, character] },
        { codePoint, clusters: [`${character}${VIRAMA}`, character] },
      ];
    });
    expect(failingProbes(probes)).toEqual([]);
  });

  it('Base and PossibleConjunctBase: join no decidable neighbour (no Extend, Prepend, SpacingMark, Hangul, RI)', () => {
    const bases = [...codePointsOf(GraphemeClass.Base), ...codePointsOf(GraphemeClass.PossibleConjunctBase)];
    expect(bases.length).toBeGreaterThan(100_000);
    const probes = bases.flatMap((codePoint) => {
      const character = String.fromCodePoint(codePoint);
      return [
        { codePoint, clusters: ['a', character, 'a'] },
        { codePoint, clusters: [character, character] },
        { codePoint, clusters: ['가', character, '각'] },
        { codePoint, clusters: [EMOJI, character, EMOJI] },
        { codePoint, clusters: ['🇦', character, '🇦'] },
        { codePoint, clusters: ['क', character, 'क'] },
      ];
    });
    expect(failingProbes(probes)).toEqual([]);
  });

  it('Base: never continues a conjunct or a ZWJ sequence (GB9c, GB11)', () => {
    const probes = codePointsOf(GraphemeClass.Base).flatMap((codePoint) => {
      const character = String.fromCodePoint(codePoint);
      return [
        { codePoint, clusters: [`${character}${VIRAMA}`, character] },
        { codePoint, clusters: [`क${VIRAMA}`, character] },
        { codePoint, clusters: ['a\u0301', character] },
        { codePoint, clusters: [`a${ZWJ}`, character] },
      ];
    });
    expect(failingProbes(probes)).toEqual([]);
  });

  it('ZWJ and regional indicators behave as the boundary check assumes (GB9, GB11, GB12, GB13)', () => {
    expect(classifyCodePoint(0x200d)).toBe(GraphemeClass.ZeroWidthJoiner);
    const regional = codePointsOf(GraphemeClass.RegionalIndicator);
    expect(regional).toEqual(Array.from({ length: 26 }, (_, offset) => 0x1f1e6 + offset));
    const probes = regional.flatMap((codePoint) => {
      const character = String.fromCodePoint(codePoint);
      return [
        { codePoint, clusters: [`${character}${character}`, character] },
        { codePoint, clusters: ['a', `${character}${character}`, `${character}${character}`] },
        { codePoint, clusters: [character, 'a'] },
        { codePoint, clusters: [`a${ZWJ}`, character] },
      ];
    });
    expect(failingProbes(probes)).toEqual([]);
  });

  it('reads code points from surrogate pairs and treats lone surrogates as undecided', () => {
    expect(graphemeClassAt('a🏽', 1)).toBe(GraphemeClass.Extend);
    expect(graphemeClassAt('🇮🇹', 2)).toBe(GraphemeClass.RegionalIndicator);
    expect(graphemeClassAt('\ud83d', 0)).toBe(GraphemeClass.Undecided);
    expect(graphemeClassAt('\ude00a', 0)).toBe(GraphemeClass.Undecided);
    expect(graphemeClassAt('𠀋', 0)).toBe(GraphemeClass.Base);
    expect(graphemeClassAt('क', 0)).toBe(GraphemeClass.PossibleConjunctBase);
    expect(graphemeClassAt('\u0903', 0)).toBe(GraphemeClass.Undecided); // Devanagari visarga: a spacing mark
  });
});
