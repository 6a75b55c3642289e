import { describe, expect, it } from 'vitest';
import { readReconcileOptions } from '../../src/reconcile/reconcile-options';

const MINUTE = 60_000;

describe('readReconcileOptions', () => {
  it('fills the documented defaults', () => {
    expect(readReconcileOptions()).toEqual({ olderThanMs: 15 * MINUTE, limit: 100, resendNotSent: false, windowMs: 10 * MINUTE, maxRateLimitWaits: 3, signal: undefined });
    expect(readReconcileOptions({})).toEqual(readReconcileOptions());
  });

  it('keeps what is given, including the limits of each range and the signal', () => {
    const { signal } = new AbortController();
    expect(readReconcileOptions({ olderThan: 0, limit: 10_000, resendNotSent: true, windowMs: 1_000, maxRateLimitWaits: 0, signal })).toEqual({
      olderThanMs: 0,
      limit: 10_000,
      resendNotSent: true,
      windowMs: 1_000,
      maxRateLimitWaits: 0,
      signal,
    });
    expect(readReconcileOptions({ olderThan: 30 * 24 * 60 * MINUTE, limit: 1, windowMs: 24 * 60 * MINUTE, maxRateLimitWaits: 20 })).toMatchObject({
      olderThanMs: 30 * 24 * 60 * MINUTE,
      limit: 1,
      windowMs: 24 * 60 * MINUTE,
      maxRateLimitWaits: 20,
    });
  });

  it.each([
    [{ olderThan: -1 }, 'options.olderThan: -1 is not a whole number from 0 to 2592000000.'],
    [{ olderThan: 30 * 24 * 60 * MINUTE + 1 }, 'options.olderThan: 2592000001 is not a whole number from 0 to 2592000000.'],
    [{ limit: 0 }, 'options.limit: 0 is not a whole number from 1 to 10000.'],
    [{ limit: 10_001 }, 'options.limit: 10001 is not a whole number from 1 to 10000.'],
    [{ limit: 2.5 }, 'options.limit: 2.5 is not a whole number from 1 to 10000.'],
    [{ windowMs: 999 }, 'options.windowMs: 999 is not a whole number from 1000 to 86400000.'],
    [{ maxRateLimitWaits: 21 }, 'options.maxRateLimitWaits: 21 is not a whole number from 0 to 20.'],
    [{ maxRateLimitWaits: '3' }, 'options.maxRateLimitWaits: must be a number, got a string.'],
    [{ resendNotSent: 'yes' }, 'options.resendNotSent: must be true or false, got "yes".'],
    [{ signal: { aborted: false } }, 'options.signal: is not an AbortSignal. Fix: pass controller.signal from an AbortController, or omit it.'],
    [{ olderThen: 5 }, 'options.olderThen: is not a known option.'],
  ])('refuses %o, naming the field', (input, message) => {
    expect(() => readReconcileOptions(input as never)).toThrow(message);
    expect(() => readReconcileOptions(input as never)).toThrow(expect.objectContaining({ reason: 'INVALID_OPTION' }));
  });

  it('refuses options that are not an object', () => {
    expect(() => readReconcileOptions(null as never)).toThrow(/^options: must be an object, got null\./);
    expect(() => readReconcileOptions(15 as never)).toThrow(/^options: must be an object, got 15\./);
  });
});
