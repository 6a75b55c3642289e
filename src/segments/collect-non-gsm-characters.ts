import { GSM_BASIC_CODE_POINTS, GSM_EXTENSION_CODE_POINTS } from './gsm-character-set';

// Called as charCodeAt.call(text, index) so V8 keeps it inlined for any string representation
// (see calculate-segments.ts).
const charCodeAt = String.prototype.charCodeAt;

/**
 * One mark per code point of the BMP and of U+1F000–U+1FFFF (emoji), so the UCS-2 scan reads a single
 * value per code unit: `GSM` for GSM-7 characters (never reported), `currentCall` when already reported
 * in this call, anything else when new. Moving to the next call number forgets every report at once, so
 * no Set and no per-call clearing are needed; the marks are rebuilt only when the call number wraps
 * (every 65,534 calls). Surrogate code units are never marked: pairs are looked up by code point, and
 * lone surrogates and other planes in a per-call Set.
 */
let marks: Uint16Array | undefined;
let currentCall = 0;
const GSM = 0xffff;
const LAST_CALL = 0xfffe;
const EMOJI_BLOCK_START = 0x1f000;
const EMOJI_BLOCK_END = 0x20000;
const MARKED_CODE_POINTS = 0x10000 + (EMOJI_BLOCK_END - EMOJI_BLOCK_START);

/**
 * The distinct characters that force UCS-2, as whole code points in order of first appearance
 * (a surrogate pair is one entry; a lone surrogate is its own entry). Scanning starts at `from`, the
 * first non-GSM code unit, since everything before it is GSM.
 *
 * @example
 * collectNonGsmCharacters('ça ça 😀', 0); // ['ç', '😀']
 */
export function collectNonGsmCharacters(text: string, from: number): string[] {
  const marked = marks ?? createMarks();
  if (currentCall === LAST_CALL) {
    resetMarks(marked);
    currentCall = 0;
  }
  const call = ++currentCall;
  const found: string[] = [];
  let rareSeen: Set<number> | undefined;
  const length = text.length;
  for (let index = from; index < length; index++) {
    const unit = charCodeAt.call(text, index);
    const mark = marked[unit];
    if (mark === call || mark === GSM) continue;
    if (unit < 0xd800 || unit > 0xdfff) {
      marked[unit] = call;
      found.push(String.fromCharCode(unit));
      continue;
    }
    const trail = unit <= 0xdbff && index + 1 < length ? charCodeAt.call(text, index + 1) : 0;
    if (trail >= 0xdc00 && trail <= 0xdfff) {
      const codePoint = ((unit - 0xd800) << 10) + (trail - 0xdc00) + 0x10000;
      index++;
      if (codePoint >= EMOJI_BLOCK_START && codePoint < EMOJI_BLOCK_END) {
        const slot = codePoint - EMOJI_BLOCK_START + 0x10000;
        if (marked[slot] === call) continue;
        marked[slot] = call;
      } else {
        if ((rareSeen ??= new Set()).has(codePoint)) continue;
        rareSeen.add(codePoint);
      }
      found.push(text.slice(index - 1, index + 1));
    } else {
      // A lone surrogate is its own (non-GSM) code point; keyed apart from the pairs above.
      if ((rareSeen ??= new Set()).has(unit)) continue;
      rareSeen.add(unit);
      found.push(String.fromCharCode(unit));
    }
  }
  return found;
}

function createMarks(): Uint16Array {
  const created = new Uint16Array(MARKED_CODE_POINTS);
  resetMarks(created);
  marks = created;
  return created;
}

function resetMarks(marked: Uint16Array): void {
  marked.fill(0);
  for (const codePoint of GSM_BASIC_CODE_POINTS) marked[codePoint] = GSM;
  for (const codePoint of GSM_EXTENSION_CODE_POINTS) marked[codePoint] = GSM;
}
