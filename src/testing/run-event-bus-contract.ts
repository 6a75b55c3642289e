import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SmsError } from '../errors/sms-error';
import { deadLetterQueueName } from '../platform/dead-letter-queue-name';
import type { BusDelivery, EventBus } from '../platform/event-bus';
import { sleep } from '../timers/sleep';
import { collectDeliveries, waitUntil } from './collect-deliveries';
import { describePlatformContract } from './describe-platform-contract';
import type { EventBusContractOptions } from './event-bus-contract-options';

export type { EventBusContractOptions } from './event-bus-contract-options';

/**
 * The behaviour every `EventBus` must have (docs/platform-mode.md#rabbitmq: at-least-once, manual acks, redelivery
 * flag, prefetch, dead-letter queue, delayed retry), then the platform round trips over it: a worker and
 * a client answer every request exactly once, dead-letter poison, refuse expired requests, delay
 * rate-limited ones and replay redeliveries. Run it against your own adapter. Framework-agnostic: pass
 * your runner's `describe` and `it`.
 *
 * @example
 * import { describe, it } from 'vitest';
 * runEventBusContract({ describe, it, name: 'memory', createBus: () => createInMemoryEventBus() });
 */
export function runEventBusContract(options: EventBusContractOptions): void {
  const { describe, it } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const until = (what: string, condition: () => boolean) => waitUntil(what, condition, timeoutMs);
  const withBus = (body: (bus: EventBus, queue: (base: string) => string) => Promise<void>) => async () => {
    const bus = await options.createBus();
    const run = randomUUID().slice(0, 8);
    try {
      await body(bus, (base) => `contract.${base}.${run}`);
    } finally {
      await bus.close();
    }
  };

  describe(`EventBus contract: ${options.name}`, () => {
    it('delivers a message to every queue bound to its type, once each, as JSON', withBus(async (bus, queue) => {
      const exact = collectDeliveries();
      const pattern = collectDeliveries();
      const other = collectDeliveries();
      await bus.subscribe({ queue: queue('exact'), topics: ['sms.sent'] }, exact.handler);
      await bus.subscribe({ queue: queue('pattern'), topics: ['sms.*'] }, pattern.handler);
      await bus.subscribe({ queue: queue('other'), topics: ['sms.failed'] }, other.handler);
      await bus.publish({ type: 'sms.sent', event_id: 'e-1', data: { cost: '0.0075', nested: [1, null] } } as never);
      // Published after, so once it arrives the first message would have arrived before it.
      await bus.publish({ type: 'sms.failed', event_id: 'e-2' } as never);
      await until('both messages', () => exact.deliveries.length === 1 && pattern.deliveries.length === 2 && other.deliveries.length === 1);
      assert.deepEqual(exact.deliveries[0]?.message, { type: 'sms.sent', event_id: 'e-1', data: { cost: '0.0075', nested: [1, null] } });
      assert.equal(exact.deliveries[0]?.type, 'sms.sent');
      assert.equal(exact.deliveries[0]?.redelivered, false);
      assert.equal(exact.deliveries[0]?.attempt, 0);
      assert.deepEqual(other.deliveries.map((delivery) => delivery.type), ['sms.failed']);
      assert.deepEqual(pattern.deliveries.map((delivery) => delivery.type), ['sms.sent', 'sms.failed']);
    }));

    it('refuses a mandatory message that no queue is bound for (BUS_UNROUTABLE)', withBus(async (bus, queue) => {
      await bus.subscribe({ queue: queue('bound'), topics: ['sms.sent'] }, collectDeliveries().handler);
      await bus.publish({ type: 'sms.unbound' });
      await assert.rejects(bus.publish({ type: 'sms.unbound' }, { mandatory: true }), (error: unknown) => SmsError.isInstance(error) && error.reason === 'BUS_UNROUTABLE');
      await bus.publish({ type: 'sms.sent' }, { mandatory: true });
      // Messages with an id, several at once sharing it: each unroutable one is refused, the routable one is not.
      const unroutable = (error: unknown) => SmsError.isInstance(error) && error.reason === 'BUS_UNROUTABLE';
      const outcomes = await Promise.allSettled([
        bus.publish({ type: 'sms.unbound', event_id: 'same' } as never, { mandatory: true }),
        bus.publish({ type: 'sms.sent', event_id: 'same' } as never, { mandatory: true }),
        bus.publish({ type: 'sms.unbound', event_id: 'same' } as never, { mandatory: true }),
      ]);
      assert.deepEqual(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? 'confirmed' : unroutable(outcome.reason) ? 'unroutable' : String(outcome.reason))), ['unroutable', 'confirmed', 'unroutable']);
    }));

    it('shares one queue between subscriptions: each message goes to exactly one of them', withBus(async (bus, queue) => {
      const first = collectDeliveries();
      const second = collectDeliveries();
      await bus.subscribe({ queue: queue('shared'), topics: ['work'], prefetch: 5 }, first.handler);
      await bus.subscribe({ queue: queue('shared'), topics: ['work'], prefetch: 5 }, second.handler);
      await Promise.all(Array.from({ length: 40 }, (_, index) => bus.publish({ type: 'work', index } as never)));
      await until('40 deliveries', () => first.deliveries.length + second.deliveries.length === 40);
      const indexes = [...first.deliveries, ...second.deliveries].map((delivery) => (delivery.message as { index: number }).index);
      assert.equal(new Set(indexes).size, 40);
    }));

    it('keeps messages for a queue while nobody consumes it', withBus(async (bus, queue) => {
      const name = queue('kept');
      const subscription = await bus.subscribe({ queue: name, topics: ['work'] }, collectDeliveries().handler);
      await subscription.close();
      for (const index of [1, 2, 3]) await bus.publish({ type: 'work', index } as never);
      const later = collectDeliveries();
      await bus.subscribe({ queue: name, topics: ['work'] }, later.handler);
      await until('3 kept messages', () => later.deliveries.length === 3);
      assert.deepEqual(later.deliveries.map((delivery) => (delivery.message as { index: number }).index), [1, 2, 3]);
    }));

    it('hands out at most `prefetch` unsettled deliveries', withBus(async (bus, queue) => {
      const held = collectDeliveries({ settle: false });
      await bus.subscribe({ queue: queue('prefetch'), topics: ['work'], prefetch: 2 }, held.handler);
      for (const index of [1, 2, 3, 4]) await bus.publish({ type: 'work', index } as never);
      await until('2 deliveries', () => held.deliveries.length === 2);
      await sleep(200);
      assert.equal(held.deliveries.length, 2);
      await held.deliveries[0]?.ack();
      await until('a third delivery', () => held.deliveries.length === 3);
      await sleep(100);
      assert.equal(held.deliveries.length, 3);
    }));

    it('gives unsettled deliveries back when their subscription closes, flagged as redelivered', withBus(async (bus, queue) => {
      const name = queue('crash');
      const held = collectDeliveries({ settle: false });
      const subscription = await bus.subscribe({ queue: name, topics: ['work'] }, held.handler);
      await bus.publish({ type: 'work', index: 1 } as never);
      await until('the delivery', () => held.deliveries.length === 1);
      await subscription.close();
      // Settling after the close does nothing: the message is already back in the queue.
      await held.deliveries[0]?.ack();
      const next = collectDeliveries();
      await bus.subscribe({ queue: name, topics: ['work'] }, next.handler);
      await until('the redelivery', () => next.deliveries.length === 1);
      assert.equal(next.deliveries[0]?.redelivered, true);
      assert.deepEqual(next.deliveries[0]?.message, { type: 'work', index: 1 });
    }));

    it('requeue() redelivers, flagged; settling twice does nothing', withBus(async (bus, queue) => {
      const seen: BusDelivery[] = [];
      await bus.subscribe({ queue: queue('requeue'), topics: ['work'] }, async (delivery) => {
        seen.push(delivery);
        if (seen.length === 1) {
          await delivery.requeue();
          await delivery.ack();
          await delivery.requeue();
        } else await delivery.ack();
      });
      await bus.publish({ type: 'work' });
      await until('the redelivery', () => seen.length === 2);
      await bus.publish({ type: 'marker' });
      await sleep(200);
      assert.equal(seen.length, 2);
      assert.deepEqual(seen.map((delivery) => delivery.redelivered), [false, true]);
    }));

    it('an ack is final: the message never comes back', withBus(async (bus, queue) => {
      const name = queue('acked');
      const first = collectDeliveries();
      const subscription = await bus.subscribe({ queue: name, topics: ['work', 'marker'] }, first.handler);
      await bus.publish({ type: 'work' });
      await until('the delivery', () => first.deliveries.length === 1);
      await subscription.close();
      const second = collectDeliveries();
      await bus.subscribe({ queue: name, topics: ['work', 'marker'] }, second.handler);
      await bus.publish({ type: 'marker' });
      await until('the marker', () => second.deliveries.length === 1);
      assert.equal(second.deliveries[0]?.type, 'marker');
    }));

    it('a handler that throws without settling gives the message back', withBus(async (bus, queue) => {
      const seen: BusDelivery[] = [];
      await bus.subscribe({ queue: queue('throws'), topics: ['work'] }, async (delivery) => {
        seen.push(delivery);
        if (seen.length === 1) throw new Error('handler bug');
        await delivery.ack();
      });
      await bus.publish({ type: 'work' });
      await until('the redelivery', () => seen.length === 2);
      await bus.publish({ type: 'marker' });
      await sleep(200);
      assert.equal(seen.length, 2);
      assert.deepEqual(seen.map((delivery) => delivery.redelivered), [false, true]);
    }));

    it('a handler that throws synchronously, before returning a promise, gives the message back too', withBus(async (bus, queue) => {
      const seen: BusDelivery[] = [];
      await bus.subscribe({ queue: queue('throws-now'), topics: ['work'] }, (delivery) => {
        seen.push(delivery);
        if (seen.length === 1) throw new Error('handler bug');
        void delivery.ack();
      });
      await bus.publish({ type: 'work' });
      await until('the redelivery', () => seen.length === 2);
      assert.deepEqual(seen.map((delivery) => delivery.redelivered), [false, true]);
    }));

    it('deadLetter() moves the message to the dead-letter queue with its reason, after one delivery', withBus(async (bus, queue) => {
      const name = queue('poison');
      let deliveries = 0;
      await bus.subscribe({ queue: name, topics: ['work'] }, async (delivery) => {
        deliveries += 1;
        await delivery.deadLetter('INVALID_REQUEST: data.to_number is missing');
      });
      const dead = collectDeliveries();
      await bus.subscribe({ queue: deadLetterQueueName(name), topics: [] }, dead.handler);
      await bus.publish({ type: 'work', index: 7 } as never);
      await until('the dead letter', () => dead.deliveries.length === 1);
      await sleep(200);
      assert.equal(deliveries, 1);
      assert.deepEqual(dead.deliveries[0]?.message, { type: 'work', index: 7 });
      assert.equal(dead.deliveries[0]?.type, 'work');
      assert.equal(dead.deliveries[0]?.deadLetterReason, 'INVALID_REQUEST: data.to_number is missing');
    }));

    it('retryLater() redelivers after the delay, attempt + 1, the replacement if given, holding no delivery', withBus(async (bus, queue) => {
      const seen: { delivery: BusDelivery; at: number }[] = [];
      await bus.subscribe({ queue: queue('delayed'), topics: ['work'], prefetch: 1 }, async (delivery) => {
        seen.push({ delivery, at: Date.now() });
        const index = (delivery.message as { index: number }).index;
        if (index === 1 && delivery.attempt === 0) await delivery.retryLater({ delayMs: 300, message: { type: 'work', index: 1, filled: true } as never });
        else await delivery.ack();
      });
      await bus.publish({ type: 'work', index: 1 } as never);
      await bus.publish({ type: 'work', index: 2 } as never);
      await until('the retry', () => seen.length === 3);
      const [first, second, retried] = seen;
      // The second message did not wait for the first one's delay (prefetch 1: nothing was held).
      assert.equal((second?.delivery.message as { index: number }).index, 2);
      assert.ok((second?.at ?? 0) - (first?.at ?? 0) < 290, 'the second message waited for the delay');
      assert.ok((retried?.at ?? 0) - (first?.at ?? 0) >= 290, 'the retry came before its delay');
      assert.equal(retried?.delivery.attempt, 1);
      assert.equal(retried?.delivery.redelivered, false);
      assert.deepEqual(retried?.delivery.message, { type: 'work', index: 1, filled: true });
    }));

    it('cancel() stops new deliveries but in-flight ones can still be settled', withBus(async (bus, queue) => {
      const name = queue('cancel');
      const held = collectDeliveries({ settle: false });
      const subscription = await bus.subscribe({ queue: name, topics: ['work'] }, held.handler);
      await bus.publish({ type: 'work', index: 1 } as never);
      await until('the first delivery', () => held.deliveries.length === 1);
      await subscription.cancel();
      await bus.publish({ type: 'work', index: 2 } as never);
      await sleep(200);
      assert.equal(held.deliveries.length, 1);
      await held.deliveries[0]?.ack();
      await subscription.close();
      const next = collectDeliveries();
      await bus.subscribe({ queue: name, topics: ['work'] }, next.handler);
      await until('the second message', () => next.deliveries.length === 1);
      await sleep(200);
      assert.deepEqual(next.deliveries.map((delivery) => (delivery.message as { index: number }).index), [2]);
      assert.equal(next.deliveries[0]?.redelivered, false);
    }));

    it('refuses to publish once closed (BUS_CLOSED)', async () => {
      const bus = await options.createBus();
      await bus.close();
      await assert.rejects(bus.publish({ type: 'sms.sent' }), (error: unknown) => SmsError.isInstance(error) && error.reason === 'BUS_CLOSED');
    });
  });

  describePlatformContract(options, until);
}
