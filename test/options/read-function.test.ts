import { describe, expect, it } from 'vitest';
import { readFunction } from '../../src/options/read-function';

describe('readFunction', () => {
  it('returns the function given, else the fallback (or undefined)', () => {
    const given = () => 1;
    const fallback = () => 2;
    expect(readFunction('options.onLog', given, fallback)).toBe(given);
    expect(readFunction('options.onLog', undefined, fallback)).toBe(fallback);
    expect(readFunction('options.onLog', undefined)).toBeUndefined();
  });

  it('refuses anything else, naming the field', () => {
    expect(() => readFunction('options.onLog', 'console', () => 1)).toThrow('options.onLog: must be a function, got "console". Fix: pass a function or leave it out.');
    expect(() => readFunction('options.onLog', null)).toThrow(/got null/);
  });
});
