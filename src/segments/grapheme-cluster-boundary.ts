import { graphemeClassAt, GraphemeClass, isRegionalIndicatorAt } from './grapheme-class';

// Called as charCodeAt.call(text, index) so V8 keeps it inlined for any string representation
// (see calculate-segments.ts).
const charCodeAt = String.prototype.charCodeAt;

/**
 * Grapheme-cluster awareness for concatenated UCS-2 messages (docs/segments-and-cost.md#packing-parts, policy `grapheme`),
 * kept off the hot path. At a part boundary:
 * 1. if neither neighbouring code point can join a cluster, the boundary stands (two cached table reads
 *    for most text);
 * 2. otherwise the cluster around the boundary is found with the few UAX #29 rules that decide the common
 *    cases exactly (combining marks, ZWJ emoji sequences, skin tones, flags);
 * 3. anything else (spacing marks, Indic conjuncts, Hangul jamo, prepended marks, format characters,
 *    unassigned code points) is left to `Intl.Segmenter`, created once and given only a short window
 *    around this spot.
 */
export class GraphemeClusterBoundary {
  private readonly text: string;
  private segments: Intl.Segments | undefined;

  constructor(text: string) {
    this.text = text;
  }

  /**
   * The end to use for a part that starts at `segmentStart` and could hold units up to `end` (exclusive;
   * a code point boundary). A cluster of at most `capacity` units that straddles `end` moves whole to the
   * next part; a longer cluster (Zalgo text) falls back to code-point atoms, so `end` stays
   * (docs/segments-and-cost.md#packing-parts).
   *
   * @example
   * new GraphemeClusterBoundary('ab👨‍👩‍👧').segmentEnd(0, 5, 67); // 2: the family moves to the next part
   */
  segmentEnd(segmentStart: number, end: number, capacity: number): number {
    const text = this.text;
    const before = startOfCodePointBefore(text, end);
    const first = decideBoundary(text, before, end);
    if (first === BREAK) return end;
    if (first === UNDECIDED) return this.segmentEndFromSegmenter(segmentStart, end, capacity);

    let clusterStart = before;
    while (clusterStart > 0) {
      // The cluster holds at least one unit from `end` on, so it is already longer than a part.
      if (end + 1 - clusterStart > capacity) return end;
      const previous = startOfCodePointBefore(text, clusterStart);
      const decision = decideBoundary(text, previous, clusterStart);
      if (decision === BREAK) break;
      if (decision === UNDECIDED) return this.segmentEndFromSegmenter(segmentStart, end, capacity);
      clusterStart = previous;
    }
    let clusterEnd = end + codePointLength(text, end);
    while (clusterEnd < text.length) {
      if (clusterEnd - clusterStart > capacity) return end;
      const decision = decideBoundary(text, startOfCodePointBefore(text, clusterEnd), clusterEnd);
      if (decision === BREAK) break;
      if (decision === UNDECIDED) return this.segmentEndFromSegmenter(segmentStart, end, capacity);
      clusterEnd += codePointLength(text, clusterEnd);
    }
    return placeBoundary(segmentStart, end, capacity, clusterStart, clusterEnd);
  }

  private segmentEndFromSegmenter(segmentStart: number, end: number, capacity: number): number {
    const text = this.text;
    const segmenter = (sharedSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
    // A short window around `end`, cut where the clusters cannot depend on what lies outside it: the
    // segmenter's cost grows with the text it is given.
    const windowStart = independentBreakBefore(text, end, end - capacity - 1);
    const windowEnd = windowStart < 0 ? -1 : independentBreakAfter(text, end, end + capacity + 1);
    let clusterStart: number;
    let clusterEnd: number;
    if (windowEnd >= 0) {
      const cluster = segmenter.segment(text.slice(windowStart, windowEnd)).containing(end - windowStart);
      if (cluster === undefined) return end;
      clusterStart = windowStart + cluster.index;
      clusterEnd = clusterStart + cluster.segment.length;
    } else {
      // No such cut nearby (a long run of marks, jamo or flags): one view of the whole text, made once
      // per message and reused for its later boundaries.
      this.segments ??= segmenter.segment(text);
      const cluster = this.segments.containing(end);
      if (cluster === undefined) return end;
      clusterStart = cluster.index;
      clusterEnd = clusterStart + cluster.segment.length;
    }
    return placeBoundary(segmentStart, end, capacity, clusterStart, clusterEnd);
  }
}

/**
 * True when both code points around `index` are of classes that join no neighbour by themselves (Base,
 * PossibleConjunctBase, Pictographic, Control). UAX #29 always breaks between two of them (CR LF
 * excepted), and the rules that look back (GB9c, GB11, GB12/GB13) need a mark, ZWJ or regional indicator
 * on the near side to reach across, so the text after `index` segments the same on its own.
 */
function isIndependentBreak(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  const previousIndex = startOfCodePointBefore(text, index);
  if (!joinsNoNeighbour(graphemeClassAt(text, previousIndex)) || !joinsNoNeighbour(graphemeClassAt(text, index))) {
    return false;
  }
  // GB3: CR × LF.
  return !(charCodeAt.call(text, previousIndex) === 0x0d && charCodeAt.call(text, index) === 0x0a);
}

function joinsNoNeighbour(graphemeClass: GraphemeClass): boolean {
  return (
    graphemeClass === GraphemeClass.Base ||
    graphemeClass === GraphemeClass.PossibleConjunctBase ||
    graphemeClass === GraphemeClass.Pictographic ||
    graphemeClass === GraphemeClass.Control
  );
}

/** The nearest independent break before `index`, not before `limit`; -1 when there is none. */
function independentBreakBefore(text: string, index: number, limit: number): number {
  let position = startOfCodePointBefore(text, index);
  while (position >= limit && position >= 0) {
    if (isIndependentBreak(text, position)) return position;
    position = position === 0 ? -1 : startOfCodePointBefore(text, position);
  }
  return -1;
}

/** The nearest independent break after `index`, not after `limit`; -1 when there is none. */
function independentBreakAfter(text: string, index: number, limit: number): number {
  let position = index + codePointLength(text, index);
  while (position <= limit) {
    if (isIndependentBreak(text, position)) return position;
    position += codePointLength(text, position);
  }
  return -1;
}

let sharedSegmenter: Intl.Segmenter | undefined;

const BREAK = 0;
const JOIN = 1;
const UNDECIDED = 2;
type Decision = typeof BREAK | typeof JOIN | typeof UNDECIDED;

function placeBoundary(segmentStart: number, end: number, capacity: number, clusterStart: number, clusterEnd: number): number {
  if (clusterStart >= end || clusterStart <= segmentStart) return end;
  if (clusterEnd - clusterStart > capacity) return end;
  return clusterStart;
}

/**
 * Whether UAX #29 puts a grapheme cluster boundary between the code point at `previousIndex` and the one
 * at `index`, for the classes it can decide exactly; `UNDECIDED` sends the caller to `Intl.Segmenter`.
 */
function decideBoundary(text: string, previousIndex: number, index: number): Decision {
  const previous = graphemeClassAt(text, previousIndex);
  const next = graphemeClassAt(text, index);
  // GB4/GB5: always break around controls. GB3 (CR × LF) is ignored: `\r\n` is two atoms (docs/segments-and-cost.md#packing-parts).
  if (previous === GraphemeClass.Control || next === GraphemeClass.Control) return BREAK;
  // An undecided code point before may be a control other than Cc (ZWSP, U+2028…) or a prepended mark.
  if (previous === GraphemeClass.Undecided) return UNDECIDED;
  // GB9: × (Extend | ZWJ).
  if (next === GraphemeClass.Extend || next === GraphemeClass.ZeroWidthJoiner) return JOIN;
  if (next === GraphemeClass.Undecided) return UNDECIDED;
  if (next === GraphemeClass.RegionalIndicator) {
    // GB12/GB13: regional indicators pair up from the start of their run.
    return previous === GraphemeClass.RegionalIndicator && regionalIndicatorsEndingAt(text, previousIndex) % 2 === 1
      ? JOIN
      : BREAK;
  }
  if (previous === GraphemeClass.ZeroWidthJoiner && next === GraphemeClass.Pictographic) {
    return joinsEmojiSequence(text, previousIndex);
  }
  // GB9c: a possible Indic consonant after a mark or ZWJ may continue a conjunct.
  if (next === GraphemeClass.PossibleConjunctBase && (previous === GraphemeClass.Extend || previous === GraphemeClass.ZeroWidthJoiner)) {
    return UNDECIDED;
  }
  // GB999: nothing else joins these classes (neither side is Prepend, SpacingMark or Hangul).
  return BREAK;
}

/** GB11: ExtPict Extend* ZWJ × ExtPict. `zeroWidthJoinerIndex` is the ZWJ. */
function joinsEmojiSequence(text: string, zeroWidthJoinerIndex: number): Decision {
  let index = zeroWidthJoinerIndex;
  while (index > 0) {
    index = startOfCodePointBefore(text, index);
    const graphemeClass = graphemeClassAt(text, index);
    if (graphemeClass === GraphemeClass.Extend) continue;
    if (graphemeClass === GraphemeClass.Pictographic) return JOIN;
    return graphemeClass === GraphemeClass.Undecided ? UNDECIDED : BREAK;
  }
  return BREAK;
}

/** How many regional indicators run back-to-back up to and including the one at `index`. */
function regionalIndicatorsEndingAt(text: string, index: number): number {
  let count = 1;
  while (index > 0) {
    index = startOfCodePointBefore(text, index);
    if (!isRegionalIndicatorAt(text, index)) break;
    count++;
  }
  return count;
}

function startOfCodePointBefore(text: string, index: number): number {
  const previous = charCodeAt.call(text, index - 1);
  if (previous >= 0xdc00 && previous <= 0xdfff && index >= 2) {
    const lead = charCodeAt.call(text, index - 2);
    if (lead >= 0xd800 && lead <= 0xdbff) return index - 2;
  }
  return index - 1;
}

function codePointLength(text: string, index: number): number {
  const unit = charCodeAt.call(text, index);
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const trail = charCodeAt.call(text, index + 1);
    if (trail >= 0xdc00 && trail <= 0xdfff) return 2;
  }
  return 1;
}
