/**
 * The few grapheme-cluster classes the part-boundary check can decide on its own (UAX #29), derived from
 * the runtime's own Unicode properties (`\p{…}` in V8 and `Intl.Segmenter` both come from ICU), so the
 * classes always match the segmenter they stand in for. Anything not provably in a decidable class is
 * `Undecided`, which sends that boundary to `Intl.Segmenter`.
 */

// Called as charCodeAt.call(text, index) so V8 keeps it inlined for any string representation
// (see calculate-segments.ts).
const charCodeAt = String.prototype.charCodeAt;

export const GraphemeClass = {
  /** Cc: UAX #29 breaks before and after (GB4/GB5); CR LF is two atoms here (docs/segments-and-cost.md#packing-parts). */
  Control: 1,
  /** Mn, Me and emoji modifiers: always GCB=Extend, never Prepend. */
  Extend: 2,
  ZeroWidthJoiner: 3,
  RegionalIndicator: 4,
  /** Extended_Pictographic that joins nothing by itself (GB11 needs a ZWJ before it). */
  Pictographic: 5,
  /** Joins nothing (no mark, jamo, prepend or format class) and is not in a script with conjuncts. */
  Base: 6,
  /** Joins no neighbour by itself, but may be an Indic conjunct consonant after a linker (GB9c). */
  PossibleConjunctBase: 7,
  /** Spacing marks, prepended marks, Hangul jamo, format characters, surrogates, unassigned: ask ICU. */
  Undecided: 8,
} as const;

export type GraphemeClass = (typeof GraphemeClass)[keyof typeof GraphemeClass];

/**
 * Everything that can join a neighbour into one cluster (GB6–GB9c, GB11–GB13) and is known from its
 * properties: every mark, everything that is not Grapheme_Base (Grapheme_Extend, ZWJ/ZWNJ and other
 * format characters, prepended concatenation marks, surrogates, private use, code points unassigned in
 * this runtime), emoji modifiers, regional indicators, conjoining Hangul jamo, and Thai and Lao SARA AM
 * (letters that are spacing marks). Letters that UAX #29 gives a joining class in newer scripts (prepend
 * letters such as U+0D4E or U+113D1, Kirat Rai vowels that count as Hangul V) are caught by
 * `joinsNoNeighbourHere` instead, so new Unicode versions need no list here.
 */
const joinerPattern =
  /[\P{Grapheme_Base}\p{M}\p{Emoji_Modifier}\p{Regional_Indicator}\u0E33\u0EB3\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/u;
const extendPattern = /[\p{Mn}\p{Me}\p{Emoji_Modifier}]/u;
const pictographicPattern = /\p{Extended_Pictographic}/u;

/**
 * Classes of the BMP and plane 1 (where emoji live), computed on first sight (0 = not yet computed).
 * Other planes are cached in a bounded map.
 */
let cachedClasses: Uint8Array | undefined;
const otherPlaneClasses = new Map<number, GraphemeClass>();
const MAX_OTHER_PLANE_CLASSES = 4096;

/**
 * The class of the code point starting at `index` (a lone surrogate is its own code point).
 *
 * @example
 * graphemeClassAt('e\u0301', 1); // GraphemeClass.Extend
 */
export function graphemeClassAt(text: string, index: number): GraphemeClass {
  let codePoint = charCodeAt.call(text, index);
  if (codePoint >= 0xd800 && codePoint <= 0xdbff) {
    const trail = charCodeAt.call(text, index + 1);
    if (trail >= 0xdc00 && trail <= 0xdfff) codePoint = ((codePoint - 0xd800) << 10) + (trail - 0xdc00) + 0x10000;
  }
  if (codePoint < 0x20000) {
    const classes = (cachedClasses ??= new Uint8Array(0x20000));
    const known = classes[codePoint] as number;
    if (known !== 0) return known as GraphemeClass;
    return (classes[codePoint] = classifyCodePoint(codePoint));
  }
  let otherClass = otherPlaneClasses.get(codePoint);
  if (otherClass === undefined) {
    otherClass = classifyCodePoint(codePoint);
    // Bounded, so hostile input cannot grow it without limit.
    if (otherPlaneClasses.size < MAX_OTHER_PLANE_CLASSES) otherPlaneClasses.set(codePoint, otherClass);
  }
  return otherClass;
}

/**
 * True when the code point at `index` is a regional indicator (U+1F1E6–U+1F1FF): read straight from the
 * surrogate pair, as flag runs are walked back to their start to pair them (GB12/GB13).
 */
export function isRegionalIndicatorAt(text: string, index: number): boolean {
  if (charCodeAt.call(text, index) !== 0xd83c) return false;
  const trail = charCodeAt.call(text, index + 1);
  return trail >= 0xdde6 && trail <= 0xddff;
}

/**
 * Classifies one code point from the runtime's Unicode properties.
 *
 * @example
 * classifyCodePoint(0x1f1ee); // GraphemeClass.RegionalIndicator
 */
export function classifyCodePoint(codePoint: number): GraphemeClass {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return GraphemeClass.Control;
  if (codePoint < 0x7f) return GraphemeClass.Base;
  if (codePoint === 0x200d) return GraphemeClass.ZeroWidthJoiner;
  if (codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff) return GraphemeClass.RegionalIndicator;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return GraphemeClass.Undecided;
  const character = String.fromCodePoint(codePoint);
  if (extendPattern.test(character)) return GraphemeClass.Extend;
  if (joinerPattern.test(character)) return GraphemeClass.Undecided;
  const pictographic = pictographicPattern.test(character);
  if (isInSettledBlock(codePoint)) return pictographic ? GraphemeClass.Pictographic : GraphemeClass.Base;
  // Outside the settled blocks, a letter may carry a joining class its properties do not show, so the
  // runtime's own segmenter confirms it once; the caller caches the answer.
  if (!joinsNoNeighbourHere(character)) return GraphemeClass.Undecided;
  return pictographic ? GraphemeClass.Pictographic : GraphemeClass.PossibleConjunctBase;
}

const PROBE_SEPARATOR = '\u0001'; // a control: UAX #29 breaks on both sides of it (GB4, GB5)
let probeSegmenter: Intl.Segmenter | undefined;

/**
 * True when `Intl.Segmenter` keeps `character` apart from every neighbour class the boundary check
 * decides without it: a letter, itself, Hangul syllables (LV, LVT), an emoji, a regional indicator and an
 * Indic consonant, on either side. A prepend letter, spacing mark, Hangul-like vowel or regional indicator
 * in disguise joins one of them.
 */
function joinsNoNeighbourHere(character: string): boolean {
  const expected = [
    'a', character, 'a', PROBE_SEPARATOR,
    character, character, PROBE_SEPARATOR,
    '가', character, '각', PROBE_SEPARATOR,
    '😀', character, '😀', PROBE_SEPARATOR,
    '🇦', character, '🇦', PROBE_SEPARATOR,
    'क', character, 'क',
  ];
  probeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let index = 0;
  for (const { segment } of probeSegmenter.segment(expected.join(''))) {
    if (segment !== expected[index]) return false;
    index += 1;
  }
  return index === expected.length;
}

/**
 * Blocks whose letters neither join neighbours nor form Indic conjuncts (GB9c: six Indic scripts in
 * Unicode 15.1, extended since to Myanmar, Khmer, Tai Tham and other Brahmic scripts, all outside these
 * blocks): Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac and the rest below U+0900, Thai and Lao
 * (no virama conjuncts), Latin/Greek extended, punctuation and symbols, CJK, kana, Hangul syllables,
 * compatibility and presentation forms, emoji and symbol planes, CJK extensions. test/segments checks
 * every code point of them against the runtime's `Intl.Segmenter`.
 */
function isInSettledBlock(codePoint: number): boolean {
  return (
    codePoint < 0x0900 ||
    (codePoint >= 0x0e00 && codePoint <= 0x0eff) ||
    (codePoint >= 0x1e00 && codePoint <= 0x2bff) ||
    (codePoint >= 0x2e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xffff) ||
    (codePoint >= 0x1f000 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff)
  );
}
