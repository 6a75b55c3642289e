import { describe, expect, it } from 'vitest';
import { checkOptionsObject } from '../../src/options/check-options-object';

const known = ['initialDelayMs', 'maxDelayMs'] as const;

describe('checkOptionsObject', () => {
  it('returns the object itself when every key is known, and {} for an optional undefined', () => {
    const value = { initialDelayMs: 10 };
    expect(checkOptionsObject('options.reconnect', value, known)).toBe(value);
    expect(checkOptionsObject('options.reconnect', undefined, known)).toEqual({});
  });

  it('refuses an unknown key, naming its full path and the known ones', () => {
    expect(() => checkOptionsObject('options.reconnect', { initialDelay: 10 }, known)).toThrow(
      'options.reconnect.initialDelay: is not a known option. Fix: use only initialDelayMs, maxDelayMs.',
    );
  });

  it('refuses a non-object, with the example when one is given', () => {
    expect(() => checkOptionsObject('options.reconnect', [], known)).toThrow('options.reconnect: must be an object, got an array. Fix: pass an object with any of initialDelayMs, maxDelayMs.');
    expect(() => checkOptionsObject('options.reconnect', 5, known, { example: '{ maxDelayMs: 1000 }' })).toThrow('Fix: pass an object such as { maxDelayMs: 1000 }.');
  });

  it('refuses undefined when required', () => {
    expect(() => checkOptionsObject('options.quotas', undefined, known, { required: true })).toThrow(/options\.quotas: must be an object, got undefined/);
  });
});
