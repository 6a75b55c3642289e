import { describe, expect, it } from 'vitest';
import { createInMemorySenderPacer } from '../../src/limits/in-memory-sender-pacer';

/** Entries held inside; read through a cast because memory growth is not otherwise observable. */
const sizeOf = (limiter: object, field: 'windows' | 'nextSlots') => (limiter as unknown as Record<string, Map<string, unknown>>)[field]?.size;

describe('createInMemorySenderPacer', () => {
  it('gives one sender slots one interval apart on the injected clock, and other senders their own', async () => {
    let now = 1_000;
    const pacer = createInMemorySenderPacer({ clock: { now: () => now } });
    const request = { key: 'twilio:+14155550100', intervalMs: 250, maxWaitMs: 10_000 };
    expect((await pacer.reserve(request)).waitMs).toBe(0);
    expect(pacer.reserveNow(request).waitMs).toBe(250);
    expect(pacer.reserveNow(request).waitMs).toBe(500);
    expect(pacer.reserveNow({ ...request, key: 'twilio:+14155550101' }).waitMs).toBe(0);
    now += 400;
    expect(pacer.reserveNow(request)).toEqual({ accepted: true, waitMs: 350, retryAfterMs: undefined, storeError: undefined });
  });

  it('refuses a slot further away than maxWaitMs with the time until one is within it, reserving nothing', () => {
    const pacer = createInMemorySenderPacer({ clock: { now: () => 0 } });
    const request = { key: 'sender', intervalMs: 1_000, maxWaitMs: 1_500 };
    pacer.reserveNow(request);
    pacer.reserveNow(request);
    expect(pacer.reserveNow(request)).toEqual({ accepted: false, waitMs: 0, retryAfterMs: 500, storeError: undefined });
    expect(pacer.reserveNow({ ...request, maxWaitMs: 2_000 }).waitMs).toBe(2_000);
  });
});

describe('in-memory sender pacer memory stays bounded by the live slots, not every sender ever seen', () => {
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
