import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
import type { BusDelivery } from '../../src/platform/event-bus';
import { collectDeliveries, waitUntil } from '../../src/testing/collect-deliveries';

function delivery(index: number) {
  const settled: string[] = [];
  const value = {
    type: 'sms.sent',
    message: { index },
    redelivered: false,
    attempt: 0,
    deadLetterReason: undefined,
    ack: () => (settled.push('ack'), Promise.resolve()),
    requeue: () => Promise.resolve(),
    retryLater: () => Promise.resolve(),
    deadLetter: () => Promise.resolve(),
  } satisfies BusDelivery;
  return { value, settled };
}

describe('collectDeliveries', () => {
  it('keeps every delivery in order and acks each by default', async () => {
    const { deliveries, handler } = collectDeliveries();
    const first = delivery(1);
    const second = delivery(2);
    await handler(first.value);
    await handler(second.value);
    expect(deliveries.map((entry) => entry.message)).toEqual([{ index: 1 }, { index: 2 }]);
    expect([first.settled, second.settled]).toEqual([['ack'], ['ack']]);
  });

  it('leaves deliveries unsettled with settle: false', async () => {
    const { deliveries, handler } = collectDeliveries({ settle: false });
    const held = delivery(1);
    await handler(held.value);
    expect(deliveries).toEqual([held.value]);
    expect(held.settled).toEqual([]);
  });
});

describe('waitUntil', () => {
  it('resolves once the condition holds', async () => {
    let checks = 0;
    await waitUntil('three checks', () => (checks += 1) >= 3, 5000);
    expect(checks).toBe(3);
  });

  it('fails with an AssertionError naming what it waited for', async () => {
    const error = await waitUntil('the answer', () => false, 0).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AssertionError);
    expect((error as Error).message).toBe('Timed out after 0 ms waiting for the answer.');
  });
});
