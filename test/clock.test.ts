import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../src/clock';

describe('systemClock', () => {
  afterEach(() => void vi.useRealTimers());

  it('reads Date.now() on every call, so the test runner can fake it', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    expect(systemClock.now()).toBe(Date.UTC(2026, 0, 1));
    vi.advanceTimersByTime(1_500);
    expect(systemClock.now()).toBe(Date.UTC(2026, 0, 1) + 1_500);
  });
});
