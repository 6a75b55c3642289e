import { SMART_ENCODING_MAP } from './smart-encoding-map';

// Called as charCodeAt.call(text, index) so V8 keeps it inlined for any string representation
// (see calculate-segments.ts).
const charCodeAt = String.prototype.charCodeAt;

/** Distinct replacements, indexed from 1 by `replacementIndexByCodeUnit` (0 means "keep"). */
let replacements: string[] | undefined;
let replacementIndexByCodeUnit: Uint8Array | undefined;

/**
 * Replaces every code point found in the Twilio Smart Encoding map (docs/segments-and-cost.md#twilio-smart-encoding-map) and
 * returns the same string instance when nothing was replaced, so callers can detect "no change" with
 * `===`. Replacements may lengthen the text (`…` → `...`) or produce extension characters (`｜` → `|`).
 *
 * The spec says to replace code point by code point. Every key of the map is a BMP, non-surrogate code
 * point, so a surrogate code unit never matches and walking code units gives the same result without
 * decoding pairs.
 *
 * @example
 * applySmartEncoding('“Hi”…'); // '"Hi"...'
 * applySmartEncoding('plain'); // 'plain' (same instance)
 */
export function applySmartEncoding(text: string): string {
  const indexByCodeUnit = replacementIndexByCodeUnit ?? buildReplacementTable();
  const replacementList = replacements as string[];
  let result = '';
  let copiedUpTo = 0;
  for (let index = 0; index < text.length; index++) {
    const replacementIndex = indexByCodeUnit[charCodeAt.call(text, index)] as number;
    if (replacementIndex === 0) continue;
    result += text.slice(copiedUpTo, index) + (replacementList[replacementIndex - 1] as string);
    copiedUpTo = index + 1;
  }
  if (copiedUpTo === 0) return text;
  return result + text.slice(copiedUpTo);
}

// Built on first use: Smart Encoding is opt-in, so hosts that never enable it never pay for the table.
function buildReplacementTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const list: string[] = [];
  const indexByReplacement = new Map<string, number>();
  for (const [codePoint, replacement] of SMART_ENCODING_MAP) {
    let replacementIndex = indexByReplacement.get(replacement);
    if (replacementIndex === undefined) {
      list.push(replacement);
      replacementIndex = list.length;
      indexByReplacement.set(replacement, replacementIndex);
    }
    table[codePoint] = replacementIndex;
  }
  replacements = list;
  replacementIndexByCodeUnit = table;
  return table;
}
