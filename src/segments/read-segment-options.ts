import { ValidationError } from '../errors/validation-error';
import type { CalculateSegmentsOptions } from './segment-options';

/** Options after defaults, with the capacities they imply. */
export interface SegmentSettings {
  readonly smartEncoding: boolean;
  readonly smartEncodingAlways: boolean;
  readonly keepGraphemeClusters: boolean;
  /** Septets per concatenated GSM-7 part: 153 with a 6-octet UDH, 152 with 7. */
  readonly gsmUnitsPerPart: number;
  /** UTF-16 units per concatenated UCS-2 part: 67 with a 6-octet UDH, 66 with 7. */
  readonly ucs2UnitsPerPart: number;
}

const ALLOWED_VALUES = {
  smartEncoding: [true, false],
  smartEncodingMode: ['all-or-nothing', 'always'],
  clusterPolicy: ['grapheme', 'codepoint'],
  udhOctets: [6, 7],
} as const satisfies Record<keyof CalculateSegmentsOptions, readonly unknown[]>;

/**
 * The 16 possible settings, made once: reading options allocates nothing, which keeps a call with an
 * options object nearly as cheap as one without.
 */
const ALL_SETTINGS: readonly SegmentSettings[] = Array.from({ length: 16 }, (_, index) =>
  settingsFor((index & 1) !== 0, (index & 2) !== 0, (index & 4) === 0, (index & 8) === 0 ? 6 : 7),
);

/** Settings for `calculateSegments(body)` with no options (docs/segments-and-cost.md#options defaults). */
export const DEFAULT_SEGMENT_SETTINGS: SegmentSettings = ALL_SETTINGS[0] as SegmentSettings;

/**
 * Checks `calculateSegments` options and applies their defaults. An unknown key or a value outside the
 * allowed set throws a `ValidationError` naming `options.<name>`; a key set to `undefined` means "default".
 *
 * @example
 * readSegmentOptions({ udhOctets: 7 }).gsmUnitsPerPart; // 152
 * readSegmentOptions({ udhOctets: 8 });                 // throws ValidationError (field 'options.udhOctets')
 */
export function readSegmentOptions(options: unknown): SegmentSettings {
  if (options === undefined || options === null) return DEFAULT_SEGMENT_SETTINGS;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ValidationError({
      field: 'options',
      reason: 'INVALID_OPTION',
      problem: `must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}.`,
      fix: "pass an object such as { smartEncoding: true }, or leave it out for Twilio's defaults.",
    });
  }
  const record = options as Record<string, unknown>;
  for (const name in record) {
    if (!Object.hasOwn(ALLOWED_VALUES, name)) {
      throw new ValidationError({
        field: `options.${name}`,
        reason: 'INVALID_OPTION',
        problem: 'is not a segment counting option.',
        fix: `use only ${Object.keys(ALLOWED_VALUES).join(', ')}.`,
      });
    }
  }
  const { smartEncoding, smartEncodingMode, clusterPolicy, udhOctets } = record;
  if (smartEncoding !== undefined && smartEncoding !== true && smartEncoding !== false) {
    throw invalidValue('smartEncoding', smartEncoding);
  }
  if (smartEncodingMode !== undefined && smartEncodingMode !== 'all-or-nothing' && smartEncodingMode !== 'always') {
    throw invalidValue('smartEncodingMode', smartEncodingMode);
  }
  if (clusterPolicy !== undefined && clusterPolicy !== 'grapheme' && clusterPolicy !== 'codepoint') {
    throw invalidValue('clusterPolicy', clusterPolicy);
  }
  if (udhOctets !== undefined && udhOctets !== 6 && udhOctets !== 7) throw invalidValue('udhOctets', udhOctets);
  const index =
    (smartEncoding === true ? 1 : 0) |
    (smartEncodingMode === 'always' ? 2 : 0) |
    (clusterPolicy === 'codepoint' ? 4 : 0) |
    (udhOctets === 7 ? 8 : 0);
  return ALL_SETTINGS[index] as SegmentSettings;
}

function invalidValue(name: keyof typeof ALLOWED_VALUES, value: unknown): ValidationError {
  const allowed = ALLOWED_VALUES[name].map((item) => JSON.stringify(item)).join(', ');
  return new ValidationError({
    field: `options.${name}`,
    reason: 'INVALID_OPTION',
    problem: `must be one of ${allowed}, got ${describe(value)}.`,
    fix: `pass one of ${allowed}, or leave it out for the default.`,
  });
}

function settingsFor(
  smartEncoding: boolean,
  smartEncodingAlways: boolean,
  keepGraphemeClusters: boolean,
  udhOctets: number,
): SegmentSettings {
  return Object.freeze({
    smartEncoding,
    smartEncodingAlways,
    keepGraphemeClusters,
    // The UDH takes octets from the 140-octet user data (docs/segments-and-cost.md#packing-parts): 153/67 for 6, 152/66 for 7.
    gsmUnitsPerPart: Math.floor(((140 - udhOctets) * 8) / 7),
    ucs2UnitsPerPart: Math.floor((140 - udhOctets) / 2),
  });
}

function describe(value: unknown): string {
  // The value may be user data: show its type, and short strings only.
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeof value;
}
