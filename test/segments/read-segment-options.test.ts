import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { DEFAULT_SEGMENT_SETTINGS, readSegmentOptions } from '../../src/segments/read-segment-options';

function thrown(options: unknown): ValidationError {
  try {
    readSegmentOptions(options);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('readSegmentOptions', () => {
  it("applies Twilio's defaults when no options are given", () => {
    expect(DEFAULT_SEGMENT_SETTINGS).toEqual({
      smartEncoding: false,
      smartEncodingAlways: false,
      keepGraphemeClusters: true,
      gsmUnitsPerPart: 153,
      ucs2UnitsPerPart: 67,
    });
    expect(readSegmentOptions(undefined)).toBe(DEFAULT_SEGMENT_SETTINGS);
    expect(readSegmentOptions(null)).toBe(DEFAULT_SEGMENT_SETTINGS);
    expect(readSegmentOptions({})).toBe(DEFAULT_SEGMENT_SETTINGS);
    expect(readSegmentOptions({ smartEncoding: undefined, udhOctets: undefined })).toBe(DEFAULT_SEGMENT_SETTINGS);
  });

  it('maps each option to its setting, and a 7-octet UDH to 152/66 units per part', () => {
    expect(readSegmentOptions({ udhOctets: 7 })).toMatchObject({ gsmUnitsPerPart: 152, ucs2UnitsPerPart: 66 });
    expect(readSegmentOptions({ udhOctets: 6 })).toMatchObject({ gsmUnitsPerPart: 153, ucs2UnitsPerPart: 67 });
    expect(readSegmentOptions({ smartEncoding: true })).toMatchObject({ smartEncoding: true, smartEncodingAlways: false });
    expect(readSegmentOptions({ smartEncodingMode: 'always' })).toMatchObject({ smartEncoding: false, smartEncodingAlways: true });
    expect(readSegmentOptions({ clusterPolicy: 'codepoint' }).keepGraphemeClusters).toBe(false);
    expect(readSegmentOptions({ clusterPolicy: 'grapheme' }).keepGraphemeClusters).toBe(true);
    expect(readSegmentOptions({ smartEncoding: true, smartEncodingMode: 'always', clusterPolicy: 'codepoint', udhOctets: 7 })).toEqual({
      smartEncoding: true,
      smartEncodingAlways: true,
      keepGraphemeClusters: false,
      gsmUnitsPerPart: 152,
      ucs2UnitsPerPart: 66,
    });
  });

  it('returns frozen settings shared between calls', () => {
    const settings = readSegmentOptions({ udhOctets: 7 });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(readSegmentOptions({ udhOctets: 7, clusterPolicy: 'grapheme' })).toBe(settings);
  });

  it('refuses a non-object naming options', () => {
    expect(thrown([]).message).toBe(
      "options: must be an object, got an array. Fix: pass an object such as { smartEncoding: true }, or leave it out for Twilio's defaults.",
    );
    const error = thrown('grapheme');
    expect(error.field).toBe('options');
    expect(error.reason).toBe('INVALID_OPTION');
    expect(error.message).toContain('got string');
  });

  it('refuses an unknown key naming it and listing the options', () => {
    const error = thrown({ udh: 7 });
    expect(error.field).toBe('options.udh');
    expect(error.message).toBe('options.udh: is not a segment counting option. Fix: use only smartEncoding, smartEncodingMode, clusterPolicy, udhOctets.');
  });

  it('refuses a value outside the allowed set, naming the option and the allowed values', () => {
    const udh = thrown({ udhOctets: 8 });
    expect(udh.field).toBe('options.udhOctets');
    expect(udh.message).toBe('options.udhOctets: must be one of 6, 7, got 8. Fix: pass one of 6, 7, or leave it out for the default.');
    expect(thrown({ smartEncoding: 'yes' }).message).toContain('options.smartEncoding: must be one of true, false, got "yes".');
    expect(thrown({ smartEncodingMode: 'sometimes' }).message).toContain('must be one of "all-or-nothing", "always", got "sometimes"');
    expect(thrown({ clusterPolicy: null }).message).toContain('options.clusterPolicy: must be one of "grapheme", "codepoint", got null.');
    expect(thrown({ udhOctets: { n: 7 } }).message).toContain('got object.');
    expect(thrown({ clusterPolicy: 'x'.repeat(50) }).message).toContain(`got "${'x'.repeat(40)}…".`);
  });
});
