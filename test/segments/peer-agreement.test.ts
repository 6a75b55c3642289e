// Cross-module scenario: calculateSegments against sms-segments-calculator and the spec transcription (src/segments/calculate-segments.ts).
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { calculateSegments, type CalculateSegmentsOptions } from '../../src/segments/calculate-segments';
import { createRandomSource, randomMessage } from './random-message';
import { referenceSegments } from './reference-segments';

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

describe('calculateSegments against the literal spec transcription (random bodies)', () => {
  const optionSets: CalculateSegmentsOptions[] = [
    {},
    { clusterPolicy: 'codepoint' },
    { udhOctets: 7 },
    { udhOctets: 7, clusterPolicy: 'codepoint' },
    { smartEncoding: true },
    { smartEncoding: true, smartEncodingMode: 'always' },
  ];

  it.each(optionSets)('agrees on every field with options %j', (options) => {
    const random = createRandomSource(0x5e6 + JSON.stringify(options).length);
    const mismatches: string[] = [];
    for (let run = 0; run < 2500; run += 1) {
      const body = randomMessage(random);
      const expected = referenceSegments(body, options);
      const actual = calculateSegments(body, options);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(JSON.stringify(body));
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('agrees on long runs of flags, families and marks that cross many boundaries', () => {
    const bodies = [
      '🇮🇹'.repeat(401),
      `a${'🇮🇹'.repeat(400)}`,
      `🇦${'🇮🇹'.repeat(99)}🇦`,
      '👨‍👩‍👧‍👦'.repeat(140),
      `x${'e\u0301\u0302'.repeat(300)}`,
      `${'a\u0301'.repeat(40)}${'\u0300'.repeat(150)}${'ж'.repeat(100)}`,
      '😀‍😀‍'.repeat(100),
      '🏳️‍🌈'.repeat(120),
      'क्षि'.repeat(200),
    ];
    for (const body of bodies) {
      for (const options of optionSets.slice(0, 4)) {
        expect(calculateSegments(body, options)).toEqual(referenceSegments(body, options));
      }
    }
  });
});

/**
 * A faithful replay of sms-segments-calculator@1.3.0's packing (`SegmentedMessage._buildSegments` and
 * `Segment.addHeader`): part 1 starts without a header (1,120 bits); when a grapheme does not fit, part 1
 * gets the 48-bit header, the graphemes that no longer fit move to the new part, and the grapheme that
 * did not fit is appended after them without checking the new part's room again.
 */
function replayTwilioPacking(graphemeBits: readonly number[]): number {
  const capacity = 1120;
  const header = 48;
  const parts: Array<{ header: boolean; bits: number[] }> = [{ header: false, bits: [] }];
  const used = (part: { header: boolean; bits: number[] }): number =>
    part.bits.reduce((sum, bits) => sum + bits, 0) + (part.header ? header : 0);
  let current = parts[0]!;
  for (const bits of graphemeBits) {
    if (capacity - used(current) < bits) {
      const next = { header: true, bits: [] as number[] };
      const previous = current;
      parts.push(next);
      if (!previous.header) {
        previous.header = true;
        const moved: number[] = [];
        while (capacity - used(previous) < 0) moved.unshift(previous.bits.pop()!);
        next.bits.push(...moved);
      }
      current = next;
    }
    current.bits.push(bits);
  }
  return parts.length;
}

/** Plain greedy packing of the same graphemes (docs/segments-and-cost.md#packing-parts), no code-point fallback. */
function greedyPacking(graphemeBits: readonly number[]): number {
  const total = graphemeBits.reduce((sum, bits) => sum + bits, 0);
  if (total <= 1120) return 1;
  let parts = 1;
  let free = 1072;
  for (const bits of graphemeBits) {
    if (bits > free) {
      parts += 1;
      free = 1072;
    }
    free -= bits;
  }
  return parts;
}

function ourClusters(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (segment) => segment.segment).flatMap((cluster) =>
    cluster === '\r\n' ? ['\r', '\n'] : [cluster],
  );
}

/**
 * Every disagreement with sms-segments-calculator must have a documented cause:
 * - `emptyBody`: we count 0 segments, it counts 1 (policy, docs/segments-and-cost.md#packing-parts).
 * - `clusterData`: its grapheme-splitter@1.0.4 follows Unicode 10 rules, while `Intl.Segmenter` follows the
 *   runtime's Unicode (17 on Node 20.20): Indic conjuncts (GB9c, Unicode 15.1), emoji modifiers after any
 *   character (Extend since Unicode 11), a lone surrogate followed by a mark. The spec counts extended
 *   grapheme clusters (docs/segments-and-cost.md#packing-parts), so we follow current UAX #29.
 * - `oversizedCluster`: a cluster longer than a part falls back to code-point atoms (docs/segments-and-cost.md#packing-parts); it places the
 *   cluster whole, overflowing a 140-octet part, which no network can send.
 * - `repackOverflow`: its first-part repacking appends the grapheme that did not fit after the graphemes
 *   moved to part 2 without checking room, so part 2 can exceed 67 units (under-counts versus greedy packing).
 */
interface Explanation {
  emptyBody: boolean;
  clusterData: boolean;
  oversizedCluster: boolean;
  repackOverflow: boolean;
}

function explain(text: string, theirs: SegmentedMessage): Explanation {
  const ours = ourClusters(text);
  const bits = theirs.encodedChars.map((character) => character.sizeInBits());
  return {
    emptyBody: text === '',
    clusterData: ours.join('\u0000') !== theirs.graphemes.join('\u0000'),
    oversizedCluster: [...ours, ...theirs.graphemes].some((cluster) => cluster.length > 67),
    repackOverflow: replayTwilioPacking(bits) !== greedyPacking(bits),
  };
}

describe('calculateSegments against sms-segments-calculator@1.3.0 (Twilio calculator)', () => {
  function compare(smartEncoding: boolean, seed: number, runs: number) {
    const random = createRandomSource(seed);
    const options: CalculateSegmentsOptions | undefined = smartEncoding
      ? { smartEncoding: true, smartEncodingMode: 'always' } // the calculator always replaces (docs/segments-and-cost.md#options)
      : undefined;
    const unexplained: string[] = [];
    const causes = { emptyBody: 0, clusterData: 0, oversizedCluster: 0, repackOverflow: 0 };
    let gsmDisagreements = 0;
    for (let run = 0; run < runs; run += 1) {
      const body = randomMessage(random);
      const ours = calculateSegments(body, options);
      const theirs = new SegmentedMessage(body, 'auto', smartEncoding);
      // Our model of its packing must reproduce its count every time, or the explanations mean nothing.
      const replayed = replayTwilioPacking(theirs.encodedChars.map((character) => character.sizeInBits()));
      if (replayed !== theirs.segmentsCount) unexplained.push(`replay ${replayed} ≠ ${theirs.segmentsCount}: ${JSON.stringify(body)}`);
      if (ours.encoding !== theirs.encodingName) unexplained.push(`encoding: ${JSON.stringify(body)}`);
      if (ours.segments === theirs.segmentsCount) continue;
      const explanation = explain(ours.text, theirs);
      if (ours.encoding === 'GSM-7' && !explanation.emptyBody) gsmDisagreements += 1;
      for (const cause of Object.keys(causes) as Array<keyof Explanation>) if (explanation[cause]) causes[cause] += 1;
      if (!Object.values(explanation).some(Boolean)) {
        unexplained.push(`${ours.segments} vs ${theirs.segmentsCount}: ${JSON.stringify(body)}`);
      }
    }
    return { unexplained, causes, gsmDisagreements };
  }

  it('agrees on encoding always, and on segments except for documented causes', () => {
    const { unexplained, causes, gsmDisagreements } = compare(false, 42, 2500);
    expect(unexplained.slice(0, 5)).toEqual([]);
    expect(gsmDisagreements).toBe(0);
    // The generator reaches every documented cause, so each branch above is exercised.
    expect(causes.emptyBody).toBeGreaterThan(0);
    expect(causes.clusterData).toBeGreaterThan(0);
    expect(causes.oversizedCluster).toBeGreaterThan(0);
  });

  it('agrees with its Smart Encoding emulation in the same way', () => {
    const { unexplained, gsmDisagreements } = compare(true, 7, 1500);
    expect(unexplained.slice(0, 5)).toEqual([]);
    expect(gsmDisagreements).toBe(0);
  });

  it('shows each documented cause on a minimal body', () => {
    // Empty body: 0 here, 1 there.
    expect([calculateSegments('').segments, new SegmentedMessage('').segmentsCount]).toEqual([0, 1]);
    // Indic conjunct (GB9c, Unicode 15.1): क्ष is one cluster for Intl.Segmenter, two (क्, ष) for
    // grapheme-splitter. Part 1 ends before क here (65 | 67 | 2), after क् there (67 | 67).
    const conjunct = `${'ж'.repeat(65)}क्ष${'ж'.repeat(66)}`;
    expect(explain(conjunct, new SegmentedMessage(conjunct)).clusterData).toBe(true);
    expect([calculateSegments(conjunct).segments, new SegmentedMessage(conjunct).segmentsCount]).toEqual([3, 2]);
    // Oversized cluster: 10 ж + a 100-unit cluster + ж. Code-point atoms need 2 parts (67 | 44); it puts
    // the cluster alone in an overflowing part 2 and the last ж in part 3.
    const zalgo = `${'ж'.repeat(10)}a${'\u0301'.repeat(99)}ж`;
    expect([calculateSegments(zalgo).segments, new SegmentedMessage(zalgo).segmentsCount]).toEqual([2, 3]);
    // Repack overflow: 4 ж + 66-unit cluster fill part 1 (70 units); the 10-unit cluster that follows
    // moves with the 66-unit one into part 2 (76 units > 67), so it counts 2 parts where greedy packing needs 3.
    const overflow = `${'ж'.repeat(4)}a${'\u0301'.repeat(65)}b${'\u0301'.repeat(9)}`;
    expect(explain(overflow, new SegmentedMessage(overflow))).toMatchObject({ repackOverflow: true, oversizedCluster: false });
    expect([calculateSegments(overflow).segments, new SegmentedMessage(overflow).segmentsCount]).toEqual([3, 2]);
  });
});
