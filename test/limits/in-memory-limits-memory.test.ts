import { describe, expect, it } from 'vitest';
import { createInMemoryQuotaLimiter } from '../../src/limits/in-memory-quota-limiter';
import { createInMemorySenderPacer } from '../../src/limits/in-memory-sender-pacer';

/** Entries held inside; read through a cast because memory growth is not otherwise observable. */
const sizeOf = (limiter: object, field: 'windows' | 'nextSlots') => (limiter as unknown as Record<string, Map<string, unknown>>)[field]?.size;

describe('in-memory limits keep memory bounded by the live counters, not every key ever seen', () => {
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

  it('InMemorySenderPacer forgets senders whose slots have passed', () => {
    let now = 0;
    const pacer = createInMemorySenderPacer({ clock: { now: () => now } });
    for (let index = 0; index < 2000; index += 1) pacer.reserveNow({ key: `sender:${index}`, intervalMs: 100, maxWaitMs: 1000 });
    now += 100;
    for (let index = 0; index < 100; index += 1) pacer.reserveNow({ key: `later:${index}`, intervalMs: 100, maxWaitMs: 1000 });
    expect(sizeOf(pacer, 'nextSlots')).toBeLessThan(150);
    expect(pacer.reserveNow({ key: 'later:0', intervalMs: 100, maxWaitMs: 1000 }).waitMs).toBe(100);
  });
});
