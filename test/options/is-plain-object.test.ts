import { describe, expect, it } from 'vitest';
import { isPlainObject } from '../../src/options/is-plain-object';

describe('isPlainObject', () => {
  it('accepts object literals and null-prototype objects', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
  });

  it.each([null, undefined, [], 'object', 1, () => undefined, new Date(0), new Map(), new (class Settings {})()])('refuses %o', (value) => {
    expect(isPlainObject(value)).toBe(false);
  });
});
