/**
 * A deliberately slow, literal transcription of docs/segments-and-cost.md#the-rules and docs/segments-and-cost.md#packing-parts used as the test oracle for
 * the fast `calculateSegments`: whole-text `Intl.Segmenter`, explicit atoms, the greedy packing loop as
 * written. It shares nothing with the implementation except the Smart Encoding map, whose content is
 * checked separately against sms-segments-calculator@1.3.0.
 */
import { SMART_ENCODING_MAP } from '../../src/segments/smart-encoding-map';

/** 3GPP TS 23.038 §6.2.1, transcribed from a compact range listing (not from the implementation's table). */
export const SPEC_BASIC_CODE_POINTS: ReadonlySet<number> = new Set([
  0x000a, 0x000d,
  ...range(0x0020, 0x0023),
  ...range(0x0025, 0x003f),
  ...range(0x0041, 0x005a),
  0x005f,
  ...range(0x0061, 0x007a),
  0x00a1, 0x00a3, 0x00a4, 0x00a5, 0x00a7, 0x00bf, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c9, 0x00d1, 0x00d6, 0x00d8,
  0x00dc, 0x00df, 0x00e0, 0x00e4, 0x00e5, 0x00e6, 0x00e8, 0x00e9, 0x00ec, 0x00f1, 0x00f2, 0x00f6, 0x00f8, 0x00f9,
  0x00fc, 0x0393, 0x0394, 0x0398, 0x039b, 0x039e, 0x03a0, 0x03a3, 0x03a6, 0x03a8, 0x03a9,
  0x0024, 0x0040,
]);

/** 3GPP TS 23.038 §6.2.1.1: FF ^ { } \ [ ~ ] | €. */
export const SPEC_EXTENSION_CODE_POINTS: ReadonlySet<number> = new Set([
  0x000c, 0x005e, 0x007b, 0x007d, 0x005c, 0x005b, 0x007e, 0x005d, 0x007c, 0x20ac,
]);

export interface ReferenceOptions {
  smartEncoding?: boolean;
  smartEncodingMode?: 'all-or-nothing' | 'always';
  clusterPolicy?: 'grapheme' | 'codepoint';
  udhOctets?: 6 | 7;
  /** Grapheme clusters to use instead of `Intl.Segmenter` (to replay another library's clustering). */
  graphemes?: readonly string[];
}

export interface ReferenceResult {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  units: number;
  unitsPerSegment: number;
  remainingInLastSegment: number;
  nonGsmCharacters: string[];
  smartEncodingApplied: boolean;
  text: string;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function referenceSegments(body: string, options: ReferenceOptions = {}): ReferenceResult {
  const udhOctets = options.udhOctets ?? 6;
  let text = body;
  let smartEncodingApplied = false;
  if (options.smartEncoding === true) {
    // docs/segments-and-cost.md#twilio-smart-encoding-map: code point by code point, with for…of.
    let replaced = '';
    for (const character of body) replaced += SMART_ENCODING_MAP.get(character.codePointAt(0) as number) ?? character;
    const mode = options.smartEncodingMode ?? 'all-or-nothing';
    if (replaced !== body && (mode === 'always' || isGsm(replaced))) {
      text = replaced;
      smartEncodingApplied = true;
    }
  }
  const gsm = isGsm(text);
  const single = gsm ? 160 : 70;
  const multi = gsm ? Math.floor(((140 - udhOctets) * 8) / 7) : Math.floor((140 - udhOctets) / 2);
  const atoms: number[] = [];
  if (gsm) {
    for (const character of text) atoms.push(SPEC_EXTENSION_CODE_POINTS.has(character.codePointAt(0) as number) ? 2 : 1);
  } else if (options.clusterPolicy === 'codepoint') {
    for (const character of text) atoms.push(character.length);
  } else {
    const clusters = options.graphemes ?? Array.from(segmenter.segment(text), (segment) => segment.segment);
    for (const cluster of clusters) {
      if (cluster === '\r\n') atoms.push(1, 1);
      else if (cluster.length > multi) for (const character of cluster) atoms.push(character.length);
      else atoms.push(cluster.length);
    }
  }
  const units = atoms.reduce((sum, atom) => sum + atom, 0);
  const nonGsmCharacters: string[] = [];
  if (!gsm) {
    for (const character of text) {
      if (!isGsm(character) && !nonGsmCharacters.includes(character)) nonGsmCharacters.push(character);
    }
  }
  let segments: number;
  let remainingInLastSegment: number;
  let unitsPerSegment = single;
  if (units === 0) {
    segments = 0;
    remainingInLastSegment = single;
  } else if (units <= single) {
    segments = 1;
    remainingInLastSegment = single - units;
  } else {
    // docs/segments-and-cost.md#packing-parts, as written.
    segments = 1;
    let free = multi;
    for (const atom of atoms) {
      if (atom > free) {
        segments += 1;
        free = multi;
      }
      free -= atom;
    }
    unitsPerSegment = multi;
    remainingInLastSegment = free;
  }
  return {
    encoding: gsm ? 'GSM-7' : 'UCS-2',
    segments,
    units,
    unitsPerSegment,
    remainingInLastSegment,
    nonGsmCharacters,
    smartEncodingApplied,
    text,
  };
}

/** docs/segments-and-cost.md#gsm-0338-character-sets: GSM-7 iff every UTF-16 code unit is in the basic or extension set. */
export function isGsm(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (!SPEC_BASIC_CODE_POINTS.has(unit) && !SPEC_EXTENSION_CODE_POINTS.has(unit)) return false;
  }
  return true;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}
