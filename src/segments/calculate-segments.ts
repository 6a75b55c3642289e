import { ValidationError } from '../errors/validation-error';
import { applySmartEncoding } from './apply-smart-encoding';
import { collectNonGsmCharacters } from './collect-non-gsm-characters';
import { GraphemeClusterBoundary } from './grapheme-cluster-boundary';
import { gsmSeptetsByCodeUnit } from './gsm-character-set';
import { DEFAULT_SEGMENT_SETTINGS, readSegmentOptions, type SegmentSettings } from './read-segment-options';
import type { CalculateSegmentsOptions } from './segment-options';

export type { CalculateSegmentsOptions };

// `charCodeAt.call(text, index)`, not `text.charCodeAt(index)`: hosts pass strings in several V8
// representations (flat, rope, sliced, internalized), and once a call site has seen enough of them its
// lookup goes megamorphic, V8 stops inlining the built-in and each code unit costs a call (about 3×
// slower in bench/segments.ts). Calling the one built-in directly keeps it inlined for any string.
const charCodeAt = String.prototype.charCodeAt;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCalculation {
  encoding: SmsEncoding;
  /** Parts billed; 0 for an empty body. */
  segments: number;
  /** Septets for GSM-7, UTF-16 code units for UCS-2, counted on `text`. */
  units: number;
  /** 160/153 (GSM-7) or 70/67 (UCS-2) with a 6-octet UDH; the single-part capacity for 0 or 1 segment. */
  unitsPerSegment: number;
  /** Units still free in the last segment (160 for an empty body). */
  remainingInLastSegment: number;
  /** Distinct characters (whole code points, in order of first appearance) that forced UCS-2; [] for GSM-7. */
  nonGsmCharacters: string[];
  /** True when Smart Encoding replaced at least one character and the replaced text is the one counted. */
  smartEncodingApplied: boolean;
  /** The text that was counted and should be sent: the Smart-Encoded text when applied, else the body. */
  text: string;
}

const GSM_SINGLE_PART_SEPTETS = 160;
const UCS2_SINGLE_PART_UNITS = 70;

/**
 * Counts the SMS segments (parts) a body is billed as, exactly as docs/segments-and-cost.md#the-rules states: GSM-7 when
 * every UTF-16 code unit is in the GSM 03.38 basic or extension set, else UCS-2; no normalisation; escape
 * pairs, surrogate pairs and (by default) grapheme clusters never straddle concatenated parts.
 *
 * @example
 * calculateSegments('Hello').segments;                      // 1 (GSM-7, 5 septets)
 * calculateSegments(']'.repeat(153)).segments;              // 3 (an escape pair never straddles parts)
 * calculateSegments('😀'.repeat(67)).segments;              // 3 (a surrogate pair never straddles parts)
 * calculateSegments('“Hi”', { smartEncoding: true }).text;  // '"Hi"' (GSM-7 after Smart Encoding)
 * calculateSegments('').segments;                           // 0 (providers refuse an empty body)
 */
export function calculateSegments(body: string, options?: CalculateSegmentsOptions): SegmentCalculation {
  if (typeof body !== 'string') {
    throw new ValidationError({
      field: 'body',
      reason: 'INVALID_BODY',
      problem: `must be a string, got ${body === null ? 'null' : typeof body}.`,
      fix: 'pass the message text as a string.',
    });
  }
  const settings = options === undefined ? DEFAULT_SEGMENT_SETTINGS : readSegmentOptions(options);
  if (settings.smartEncoding) {
    // Smart Encoding happens before any counting (docs/segments-and-cost.md#twilio-smart-encoding-map).
    const replaced = applySmartEncoding(body);
    if (replaced !== body) {
      const septets = countGsmSeptets(replaced);
      if (septets >= 0) return measureGsm(replaced, septets, settings, true);
      // 'all-or-nothing' sends the original when any character stays non-GSM (Twilio docs, docs/segments-and-cost.md#options).
      if (settings.smartEncodingAlways) return measureUcs2(replaced, -1 - septets, settings, true);
    }
  }
  const septets = countGsmSeptets(body);
  return septets >= 0 ? measureGsm(body, septets, settings, false) : measureUcs2(body, -1 - septets, settings, false);
}

/**
 * The whole text's septet count if every code unit is GSM-7 (docs/segments-and-cost.md#gsm-0338-character-sets: decided per UTF-16
 * code unit), else `-1 - index` of the first non-GSM unit, so the UCS-2 path resumes from there.
 */
function countGsmSeptets(text: string): number {
  const septetsByCodeUnit = gsmSeptetsByCodeUnit;
  let septets = 0;
  for (let index = 0, length = text.length; index < length; index++) {
    const cost = septetsByCodeUnit[charCodeAt.call(text, index)] as number;
    if (cost === 0) return -1 - index;
    septets += cost;
  }
  return septets;
}

function measureGsm(text: string, septets: number, settings: SegmentSettings, applied: boolean): SegmentCalculation {
  if (septets <= GSM_SINGLE_PART_SEPTETS) {
    // A single part may end an escape pair at septet 160: the straddle rule is for parts only (docs/segments-and-cost.md#packing-parts).
    const segments = septets === 0 ? 0 : 1;
    return result('GSM-7', segments, septets, GSM_SINGLE_PART_SEPTETS, GSM_SINGLE_PART_SEPTETS - septets, [], applied, text);
  }
  const perPart = settings.gsmUnitsPerPart;
  if (septets === text.length) {
    // No extension character, so no escape pair can straddle a boundary: plain division is exact.
    const segments = Math.ceil(septets / perPart);
    return result('GSM-7', segments, septets, perPart, segments * perPart - septets, [], applied, text);
  }
  // 3GPP TS 23.038: an escape pair never straddles a segment (docs/segments-and-cost.md#packing-parts), so pack greedily.
  const septetsByCodeUnit = gsmSeptetsByCodeUnit;
  let segments = 1;
  let free = perPart;
  for (let index = 0, length = text.length; index < length; index++) {
    const cost = septetsByCodeUnit[charCodeAt.call(text, index)] as number;
    if (cost > free) {
      segments++;
      free = perPart;
    }
    free -= cost;
  }
  return result('GSM-7', segments, septets, perPart, free, [], applied, text);
}

function measureUcs2(
  text: string,
  firstNonGsmIndex: number,
  settings: SegmentSettings,
  applied: boolean,
): SegmentCalculation {
  const units = text.length;
  const nonGsmCharacters = collectNonGsmCharacters(text, firstNonGsmIndex);
  if (units <= UCS2_SINGLE_PART_UNITS) {
    return result('UCS-2', 1, units, UCS2_SINGLE_PART_UNITS, UCS2_SINGLE_PART_UNITS - units, nonGsmCharacters, applied, text);
  }
  // Walk part boundaries instead of atoms: a part ends `perPart` units after it starts, moved back only
  // when that position would split an indivisible atom (docs/segments-and-cost.md#packing-parts, greedy packing).
  const perPart = settings.ucs2UnitsPerPart;
  let clusterBoundary: GraphemeClusterBoundary | undefined;
  let segments = 0;
  let partStart = 0;
  for (;;) {
    segments++;
    let partEnd = partStart + perPart;
    if (partEnd >= units) break;
    // A surrogate pair (astral code point) is never split (docs/segments-and-cost.md#packing-parts).
    const unitAtEnd = charCodeAt.call(text, partEnd);
    if (unitAtEnd >= 0xdc00 && unitAtEnd <= 0xdfff) {
      const lead = charCodeAt.call(text, partEnd - 1);
      if (lead >= 0xd800 && lead <= 0xdbff) partEnd--;
    }
    if (settings.keepGraphemeClusters) {
      clusterBoundary ??= new GraphemeClusterBoundary(text);
      partEnd = clusterBoundary.segmentEnd(partStart, partEnd, perPart);
    }
    partStart = partEnd;
  }
  return result('UCS-2', segments, units, perPart, perPart - (units - partStart), nonGsmCharacters, applied, text);
}

// One constructor shape for every result keeps the returned objects monomorphic for callers.
function result(
  encoding: SmsEncoding,
  segments: number,
  units: number,
  unitsPerSegment: number,
  remainingInLastSegment: number,
  nonGsmCharacters: string[],
  smartEncodingApplied: boolean,
  text: string,
): SegmentCalculation {
  return { encoding, segments, units, unitsPerSegment, remainingInLastSegment, nonGsmCharacters, smartEncodingApplied, text };
}
