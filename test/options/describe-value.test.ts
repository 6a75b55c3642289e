import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/options/describe-value';

describe('describeValue', () => {
  it('shows numbers and short word-like strings, quoted', () => {
    expect(describeValue(42)).toBe('42');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue('always')).toBe('"always"');
    expect(describeValue('sender_id-x')).toBe('"sender_id-x"');
  });

  it('never echoes a string that could be personal (digits, spaces, long text): only "a string"', () => {
    expect(describeValue('+14155552671')).toBe('a string');
    expect(describeValue('hello world')).toBe('a string');
    expect(describeValue('a'.repeat(33))).toBe('a string');
    expect(describeValue('')).toBe('a string');
  });

  it('names null, arrays and other types', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue({})).toBe('object');
    expect(describeValue(true)).toBe('boolean');
    expect(describeValue(() => 1)).toBe('function');
  });
});
