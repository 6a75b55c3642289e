import assert from 'node:assert/strict';
import type { BusDelivery, BusHandler } from '../platform/event-bus';
import { sleep } from '../timers/sleep';

/**
 * A bus handler that keeps every delivery it gets, acking each unless `settle: false` (held deliveries stay
 * unsettled until the test settles them). Shared by the event-bus and platform contract suites.
 */
export function collectDeliveries(options: { settle?: boolean } = {}): { deliveries: BusDelivery[]; handler: BusHandler } {
  const deliveries: BusDelivery[] = [];
  return {
    deliveries,
    handler: async (delivery) => {
      deliveries.push(delivery);
      if (options.settle !== false) await delivery.ack();
    },
  };
}

/** Polls `condition` every 10 ms; fails the test naming `what` after `timeoutMs`. */
export async function waitUntil(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new assert.AssertionError({ message: `Timed out after ${timeoutMs} ms waiting for ${what}.` });
    await sleep(10);
  }
}
