import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redisLimitTimeout } from '../../../src/adapters/redis/redis-limit-timeout';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('redisLimitTimeout', () => {
  it('resolves with the answer when it comes in time', async () => {
    await expect(redisLimitTimeout(Promise.resolve('OK'), 500, 'consume')).resolves.toBe('OK');
  });

  it('rejects naming the operation and the limit when no answer comes in time, dropping a late answer', async () => {
    let answer: (value: string) => void = () => undefined;
    const bounded = redisLimitTimeout(new Promise<string>((resolve) => (answer = resolve)), 500, 'consume');
    const settled = bounded.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    await vi.advanceTimersByTimeAsync(499);
    answer('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(await settled).toEqual({ value: 'late' });

    const silent = redisLimitTimeout(new Promise<string>(() => undefined), 500, 'get');
    const outcome = silent.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(500);
    expect(((await outcome) as Error).message).toBe('Redis rate limiter get timed out after 500 ms');
  });

  it('passes an Error through and wraps anything else in one', async () => {
    const failure = new Error('READONLY');
    await expect(redisLimitTimeout(Promise.reject(failure), 500, 'consume')).rejects.toBe(failure);
    const wrapped = await redisLimitTimeout(Promise.reject('LOADING'), 500, 'consume').catch((error: unknown) => error);
    expect(wrapped).toBeInstanceOf(Error);
    expect((wrapped as Error).message).toBe('LOADING');
  });

  it('swallows a failure that comes after the timeout', async () => {
    let fail: (error: Error) => void = () => undefined;
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const outcome = redisLimitTimeout(new Promise<string>((_, reject) => (fail = reject)), 100, 'consume').catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(100);
      expect(((await outcome) as Error).message).toBe('Redis rate limiter consume timed out after 100 ms');
      fail(new Error('late failure'));
      await vi.advanceTimersByTimeAsync(0);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
