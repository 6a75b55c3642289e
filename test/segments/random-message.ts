/**
 * Deterministic random SMS bodies for property tests: a seeded PRNG (mulberry32) and pieces chosen to
 * hit every trap of docs/segments-and-cost.md#packing-parts (extension characters, surrogate pairs, ZWJ sequences, flags,
 * combining marks, CRLF, lone surrogates, Smart Encoding candidates) near part boundaries.
 */

export type RandomSource = () => number;

/** mulberry32: tiny, fast, and good enough to spread test cases; same seed, same cases. */
export function createRandomSource(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: RandomSource, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

/** Pieces that are GSM-7: basic characters, extension characters, words, line breaks. */
export const GSM_PIECES: readonly string[] = [
  ...GSM_BASIC,
  ...GSM_EXTENSION,
  ...GSM_EXTENSION,
  'hello ',
  'Your code is 123456. ',
  '\r\n',
  '\n',
];

/** Pieces that force UCS-2 or stress clusters. */
export const UCS2_PIECES: readonly string[] = [
  '😀', '👍', '👍🏽', '🏽', '👨‍👩‍👧', '👨‍👩‍👧‍👦', '👩🏽‍💻', '🏳️‍🌈', '❤️', '1️⃣', '🇮🇹', '🇺🇸', '🇦', '🇮🇹🇫', '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  '中', '文', '字', '漢', '𠀋', 'ж', 'з', 'й', 'م', 'ر', 'ح', 'שָׁ', 'לוֹ',
  'e\u0301', 'a\u0308\u0304', '\u0301', '\u0308', '\u200d', '\ufe0f', '\u200c',
  'क्ष', 'नम', 'स्ते', 'กำ', 'ที่', '\u1100\u1161\u11a8', '가', '각\u11a8', 'ᄀ', 'ᅡ',
  '\ud83d', '\ude00', '\u00a0', '\t', '`', 'ç', 'Α', '\u001b', '\u0000', '\u2028',
  '“', '”', '…', '｜', '＼', 'ˆ', '˜', '｛', '½', '\u200b', '\u2013', '‹',
];

/** A run of combining marks after a base: a cluster that can exceed a part (Zalgo text). */
export function zalgo(random: RandomSource): string {
  const marks = 1 + Math.floor(random() * 90);
  let text = 'a';
  for (let index = 0; index < marks; index++) text += String.fromCharCode(0x0300 + Math.floor(random() * 0x50));
  return text;
}

/** Lengths that land near single-part and concatenated boundaries of both encodings. */
const TARGET_LENGTHS = [0, 1, 2, 65, 66, 67, 68, 69, 70, 71, 72, 130, 133, 134, 135, 136, 150, 152, 153, 154, 158, 159, 160, 161, 162, 200, 201, 268, 300, 305, 306, 307, 400, 459, 460, 612];

/**
 * A random body: mostly GSM-7, or GSM-7 salted with UCS-2 pieces, grown to a length near a boundary.
 */
export function randomMessage(random: RandomSource): string {
  const target = pick(random, TARGET_LENGTHS) + Math.floor(random() * 5) - 2;
  const ucs2Share = pick(random, [0, 0, 0.02, 0.1, 0.3, 0.7, 1]);
  let text = '';
  while (text.length < target) {
    if (random() < ucs2Share) text += random() < 0.04 ? zalgo(random) : pick(random, UCS2_PIECES);
    else text += pick(random, GSM_PIECES);
  }
  return text;
}
