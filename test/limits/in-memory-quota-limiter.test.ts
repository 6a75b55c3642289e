import { describe, expect, it } from 'vitest';
import { createInMemoryQuotaLimiter } from '../../src/limits/in-memory-quota-limiter';
import { createInMemorySenderPacer } from '../../src/limits/in-memory-sender-pacer';
import { runRateLimiterContract } from '../../src/testing';

let now = Date.UTC(2026, 0, 1);
const clock = { now: () => now };

runRateLimiterContract({
  describe,
  it,
  name: 'memory',
  createLimiter: () => createInMemoryQuotaLimiter({ clock }),
  // The pacer half of the contract runs here too: the contract needs a limiter (test/limits/in-memory-sender-pacer.test.ts has the pacer's own cases).
  createPacer: () => createInMemorySenderPacer({ clock }),
  advanceTime: async (milliseconds) => {
    now += milliseconds;
  },
});

/** Entries held inside; read through a cast because memory growth is not otherwise observable. */
const sizeOf = (limiter: object, field: 'windows' | 'nextSlots') => (limiter as unknown as Record<string, Map<string, unknown>>)[field]?.size;

describe('in-memory quota limiter memory stays bounded by the live windows, not every key ever seen', () => {
  it('InMemoryQuotaLimiter forgets closed windows', async () => {
    let now = 0;
    const limiter = createInMemoryQuotaLimiter({ clock: { now: () => now } });
    for (let index = 0; index < 2000; index += 1) await limiter.consume([{ name: 'destination', key: `destination:${index}`, limit: 5, durationMs: 1000, cost: 1 }]);
    expect(sizeOf(limiter, 'windows')).toBe(2000);
    now += 1000;
    for (let index = 0; index < 100; index += 1) await limiter.consume([{ name: 'destination', key: `later:${index}`, limit: 5, durationMs: 1000, cost: 1 }]);
    expect(sizeOf(limiter, 'windows')).toBeLessThan(150);
    // Live windows survive the sweep with their counts.
    expect((await limiter.peek([{ name: 'destination', key: 'later:0', limit: 5, durationMs: 1000, cost: 1 }])).counters[0]?.used).toBe(1);
  });
});
