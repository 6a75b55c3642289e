import { describe, expect, it } from 'vitest';
import { readRetryOptions } from '../../src/failover/retry-options';

describe('readRetryOptions', () => {
  it('applies the documented defaults', () => {
    const options = readRetryOptions(undefined, 'options.retry');
    expect(options).toEqual({ attempts: 3, initialDelayMs: 500, factor: 2, maxDelayMs: 8000, maxTotalMs: 30_000, jitter: 0.25, random: Math.random });
  });

  it('raises the default maxDelayMs to a longer initialDelayMs', () => {
    expect(readRetryOptions({ initialDelayMs: 20_000 }, 'options.retry').maxDelayMs).toBe(20_000);
  });

  it('keeps given values, random included', () => {
    const random = () => 0.5;
    expect(readRetryOptions({ attempts: 1, initialDelayMs: 0, factor: 1.5, maxDelayMs: 0, maxTotalMs: 0, jitter: 0, random }, 'options.retry')).toEqual({
      attempts: 1,
      initialDelayMs: 0,
      factor: 1.5,
      maxDelayMs: 0,
      maxTotalMs: 0,
      jitter: 0,
      random,
    });
  });

  it.each([
    [{ initialDelayMs: 1000, maxDelayMs: 500 }, 'options.retry.maxDelayMs: 500 is shorter than initialDelayMs (1000). Fix: pass a maxDelayMs at least as long as initialDelayMs.'],
    [{ attempts: 0 }, 'options.retry.attempts'],
    [{ attempts: 11 }, 'options.retry.attempts'],
    [{ factor: 0.5 }, 'options.retry.factor'],
    [{ jitter: 2 }, 'options.retry.jitter'],
    [{ maxTotalMs: -1 }, 'options.retry.maxTotalMs'],
    [{ random: 0.3 }, 'options.retry.random'],
    [{ retries: 2 }, 'options.retry.retries: is not a known option.'],
  ])('refuses %o', (value, message) => {
    expect(() => readRetryOptions(value, 'options.retry')).toThrow(message);
  });
});
