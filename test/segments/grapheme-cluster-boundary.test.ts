import { describe, expect, it } from 'vitest';
import { GraphemeClusterBoundary } from '../../src/segments/grapheme-cluster-boundary';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Where a cluster straddling `end` starts, by Intl.Segmenter: the reference for the undecided cases. */
function clusterStartAt(text: string, end: number): number {
  return segmenter.segment(text).containing(end)?.index ?? end;
}

describe('GraphemeClusterBoundary.segmentEnd', () => {
  it('keeps the end between two plain characters', () => {
    expect(new GraphemeClusterBoundary('abcdef').segmentEnd(0, 3, 67)).toBe(3);
    expect(new GraphemeClusterBoundary('ab😀😀').segmentEnd(0, 4, 67)).toBe(4);
  });

  it('moves a ZWJ family whole to the next part', () => {
    const text = 'ab👨‍👩‍👧';
    expect(new GraphemeClusterBoundary(text).segmentEnd(0, 5, 67)).toBe(2);
    expect(new GraphemeClusterBoundary(text).segmentEnd(0, 8, 67)).toBe(2);
  });

  it('moves a base with its combining mark, and a skin-toned emoji, whole', () => {
    expect(new GraphemeClusterBoundary('abce\u0301f').segmentEnd(0, 4, 67)).toBe(3);
    expect(new GraphemeClusterBoundary('x👍🏽y').segmentEnd(0, 3, 67)).toBe(1);
  });

  it('pairs regional indicators from the start of their run', () => {
    const text = 'ab🇫🇷🇩🇪';
    expect(new GraphemeClusterBoundary(text).segmentEnd(0, 4, 67)).toBe(2);
    expect(new GraphemeClusterBoundary(text).segmentEnd(0, 6, 67)).toBe(6);
    expect(new GraphemeClusterBoundary(text).segmentEnd(0, 8, 67)).toBe(6);
  });

  it('keeps the end when the cluster starts the part or is longer than a part (Zalgo text)', () => {
    expect(new GraphemeClusterBoundary('👨‍👩‍👧').segmentEnd(0, 3, 67)).toBe(3);
    const zalgo = `ab${'e'}${'\u0301'.repeat(10)}`;
    expect(new GraphemeClusterBoundary(zalgo).segmentEnd(0, 6, 67)).toBe(2);
    expect(new GraphemeClusterBoundary(zalgo).segmentEnd(0, 6, 5)).toBe(6);
  });

  it('breaks around controls, and a CR LF pair is two atoms', () => {
    expect(new GraphemeClusterBoundary('ab\r\ncd').segmentEnd(0, 3, 67)).toBe(3);
    expect(new GraphemeClusterBoundary('ab\u0001\u0301').segmentEnd(0, 3, 67)).toBe(3);
  });

  it('defers Hangul jamo, spacing marks and Indic conjuncts to Intl.Segmenter', () => {
    const jamo = 'ab\u1100\u1161\u11a8c';
    expect(new GraphemeClusterBoundary(jamo).segmentEnd(0, 3, 67)).toBe(2);
    expect(new GraphemeClusterBoundary(jamo).segmentEnd(0, 4, 67)).toBe(clusterStartAt(jamo, 4));
    const spacing = 'abक\u093fd'; // KA + VOWEL SIGN I (a spacing mark)
    expect(new GraphemeClusterBoundary(spacing).segmentEnd(0, 3, 67)).toBe(2);
    const conjunct = 'abक\u094dषd'; // KA + VIRAMA + SSA
    expect(new GraphemeClusterBoundary(conjunct).segmentEnd(0, 4, 67)).toBe(clusterStartAt(conjunct, 4));
  });

  it('uses the whole text when no independent break is near, and still keeps the end past a part', () => {
    const jamoRun = `a${'\u1100'.repeat(200)}`;
    expect(new GraphemeClusterBoundary(jamoRun).segmentEnd(0, 100, 67)).toBe(100);
    const flags = 'a' + '🇫🇷'.repeat(40);
    const boundary = new GraphemeClusterBoundary(flags);
    expect(boundary.segmentEnd(0, 67, 67)).toBe(65);
    expect(boundary.segmentEnd(0, 69, 67)).toBe(69);
  });
});
