import { describe, expect, it } from 'vitest';
import { decideQuota } from '../../src/limits/decide-quota';
import type { QuotaCounter } from '../../src/limits/quota-limiter';

const now = 1_000_000;
const hourly: QuotaCounter = { name: 'hourly', key: 'h', limit: 100, durationMs: 3_600_000, cost: 1 };
const daily: QuotaCounter = { name: 'daily', key: 'd', limit: 500, durationMs: 86_400_000, cost: 1 };

describe('decideQuota', () => {
  it('reports every counter with remaining never below 0 and resetAt from now', () => {
    const decision = decideQuota({ counters: [hourly, daily], allowed: true, used: [100, 600], msBeforeReset: [60_000, null], now });
    expect(decision).toEqual({
      allowed: true,
      counters: [
        { name: 'hourly', key: 'h', limit: 100, used: 100, remaining: 0, resetAt: now + 60_000 },
        { name: 'daily', key: 'd', limit: 500, used: 600, remaining: 0, resetAt: null },
      ],
      refusedBy: undefined,
      retryAfterMs: undefined,
      storeError: undefined,
    });
  });

  it('refuses by the full counter whose window ends last', () => {
    const decision = decideQuota({ counters: [hourly, daily], allowed: false, used: [100, 500], msBeforeReset: [60_000, 3_600_000], now });
    expect(decision.refusedBy?.name).toBe('daily');
    expect(decision.retryAfterMs).toBe(3_600_000);
  });

  it('ignores counters that still have room for the cost', () => {
    const decision = decideQuota({ counters: [hourly, daily], allowed: false, used: [100, 10], msBeforeReset: [60_000, 3_600_000], now });
    expect(decision.refusedBy?.name).toBe('hourly');
    expect(decision.retryAfterMs).toBe(60_000);
  });

  it('has no retryAfterMs when the cost is above a whole limit, and passes the store error through', () => {
    const storeError = new Error('down');
    const decision = decideQuota({ counters: [hourly, { ...daily, limit: 2, cost: 3 }], allowed: false, used: [100, 0], msBeforeReset: [60_000, null], now, storeError });
    expect(decision.refusedBy?.name).toBe('daily');
    expect(decision.retryAfterMs).toBeUndefined();
    expect(decision.storeError).toBe(storeError);
  });

  it('treats missing used and msBeforeReset entries as 0 and null', () => {
    const decision = decideQuota({ counters: [hourly], allowed: true, used: [], msBeforeReset: [], now });
    expect(decision.counters[0]).toMatchObject({ used: 0, remaining: 100, resetAt: null });
  });
});
