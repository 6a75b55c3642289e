import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SmsError } from '../errors/sms-error';
import type { SmsResponseEvent } from '../events/contracts/sms-response-event';
import type { SmsSendRequestInput } from '../events/contracts/sms-send-request-schema';
import { responseEventId } from '../platform/build-response-event';
import { createSmsClient } from '../platform/create-sms-client';
import { createSmsWorker } from '../platform/create-sms-worker';
import { createWorkerEventPublisher } from '../platform/create-worker-event-publisher';
import { deadLetterQueueName } from '../platform/dead-letter-queue-name';
import type { BusDelivery, BusHandler, EventBus } from '../platform/event-bus';
import type { SmsWorkerLogEntry } from '../platform/sms-worker-log-entry';
import { SMSService } from '../service/sms-service';
import type { SMSServiceOptions } from '../service/sms-service-options';
import type { ContractTestApi } from './contract-test-api';
import { createFakeProvider, type FakeProvider } from './create-fake-provider';

export interface EventBusContractOptions extends ContractTestApi {
  /** Name shown in the suite title, e.g. `memory` or `rabbitmq`. */
  name: string;
  /**
   * Makes a bus for one test. Tests use queue names of their own, but bindings are per bus: on a shared
   * broker give each bus its own exchange, so one test's messages never reach another's queues.
   */
  createBus: () => EventBus | Promise<EventBus>;
  /** Requests of the bulk test. Default 1000. */
  bulkRequests?: number;
  /** Longest wait for something the bus should deliver, in ms. Default 10 000. */
  timeoutMs?: number;
}

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
  const bulkRequests = options.bulkRequests ?? 1_000;
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
      const exact = collect();
      const pattern = collect();
      const other = collect();
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
      await bus.subscribe({ queue: queue('bound'), topics: ['sms.sent'] }, collect().handler);
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
      const first = collect();
      const second = collect();
      await bus.subscribe({ queue: queue('shared'), topics: ['work'], prefetch: 5 }, first.handler);
      await bus.subscribe({ queue: queue('shared'), topics: ['work'], prefetch: 5 }, second.handler);
      await Promise.all(Array.from({ length: 40 }, (_, index) => bus.publish({ type: 'work', index } as never)));
      await until('40 deliveries', () => first.deliveries.length + second.deliveries.length === 40);
      const indexes = [...first.deliveries, ...second.deliveries].map((delivery) => (delivery.message as { index: number }).index);
      assert.equal(new Set(indexes).size, 40);
    }));

    it('keeps messages for a queue while nobody consumes it', withBus(async (bus, queue) => {
      const name = queue('kept');
      const subscription = await bus.subscribe({ queue: name, topics: ['work'] }, collect().handler);
      await subscription.close();
      for (const index of [1, 2, 3]) await bus.publish({ type: 'work', index } as never);
      const later = collect();
      await bus.subscribe({ queue: name, topics: ['work'] }, later.handler);
      await until('3 kept messages', () => later.deliveries.length === 3);
      assert.deepEqual(later.deliveries.map((delivery) => (delivery.message as { index: number }).index), [1, 2, 3]);
    }));

    it('hands out at most `prefetch` unsettled deliveries', withBus(async (bus, queue) => {
      const held = collect({ settle: false });
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
      const held = collect({ settle: false });
      const subscription = await bus.subscribe({ queue: name, topics: ['work'] }, held.handler);
      await bus.publish({ type: 'work', index: 1 } as never);
      await until('the delivery', () => held.deliveries.length === 1);
      await subscription.close();
      // Settling after the close does nothing: the message is already back in the queue.
      await held.deliveries[0]?.ack();
      const next = collect();
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
      const first = collect();
      const subscription = await bus.subscribe({ queue: name, topics: ['work', 'marker'] }, first.handler);
      await bus.publish({ type: 'work' });
      await until('the delivery', () => first.deliveries.length === 1);
      await subscription.close();
      const second = collect();
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
      const dead = collect();
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
      const held = collect({ settle: false });
      const subscription = await bus.subscribe({ queue: name, topics: ['work'] }, held.handler);
      await bus.publish({ type: 'work', index: 1 } as never);
      await until('the first delivery', () => held.deliveries.length === 1);
      await subscription.cancel();
      await bus.publish({ type: 'work', index: 2 } as never);
      await sleep(200);
      assert.equal(held.deliveries.length, 1);
      await held.deliveries[0]?.ack();
      await subscription.close();
      const next = collect();
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

  describe(`EventBus contract: ${options.name}, platform worker and client`, () => {
    const platform = (body: (setup: PlatformSetup) => Promise<void>, serviceOptions: Partial<SMSServiceOptions> = {}, concurrency = 10) =>
      withBus(async (bus, queue) => {
        const provider = createFakeProvider({ id: 'twilio' });
        const service = new SMSService({ providers: [provider], events: createWorkerEventPublisher({ bus }), ...serviceOptions });
        const logs: SmsWorkerLogEntry[] = [];
        const workerQueue = queue('requests');
        const worker = createSmsWorker({ service, bus, concurrency, queue: workerQueue, onLog: (entry) => logs.push(entry) });
        const answers = collect();
        await bus.subscribe({ queue: queue('answers'), topics: ['sms.sent', 'sms.failed'], prefetch: 200 }, answers.handler);
        const client = createSmsClient({ bus, timeoutMs: timeoutMs });
        await worker.start();
        try {
          await body({ bus, provider, worker, client, logs, workerQueue, answers: () => answers.deliveries.map((delivery) => delivery.message as SmsResponseEvent) });
        } finally {
          await client.close();
          await worker.stop();
        }
      });

    it('answers a request with sms.sent carrying its correlation_id and request_id', platform(async ({ client, provider }) => {
      const response = await client.request({ tenantId: 'org-1', to: '+14155552671', body: 'Your code is 482913', correlationId: 'trace-7', idempotencyKey: 'order-42', metadata: { order: 42 } });
      assert.equal(response.type, 'sms.sent');
      assert.equal(response.status, 'success');
      assert.equal(response.correlation_id, 'trace-7');
      assert.equal(response.tenant_id, 'org-1');
      assert.equal(response.event_id, responseEventId(response.request_id));
      assert.equal(response.data.to_number, '+14155552671');
      assert.equal(response.data.provider, 'twilio');
      assert.equal(response.data.cost, '0.0075');
      assert.deepEqual(response.data.metadata, { order: 42 });
      assert.equal(provider.calls.length, 1);
      assert.equal(provider.calls[0]?.request.tenantId, 'org-1');
      // The ttl (3600 s) becomes the validity period, less what the send already took.
      const validity = provider.calls[0]?.request.validityPeriodSeconds ?? 0;
      assert.ok(validity > 3_500 && validity <= 3_600, `validity period ${validity}`);
    }));

    it(`answers ${bulkRequests} concurrent requests exactly once each, with exactly ${bulkRequests} provider calls`, platform(async ({ client, provider, answers }) => {
      const responses = await Promise.all(
        Array.from({ length: bulkRequests }, (_, index) => client.request({ tenantId: `org-${index % 7}`, to: '+14155552671', body: `Message ${index}`, idempotencyKey: `bulk-${index}` })),
      );
      await until('every answer on the answers queue', () => answers().length >= bulkRequests);
      await sleep(100);
      assert.equal(responses.filter((response) => response.type === 'sms.sent').length, bulkRequests);
      assert.equal(new Set(responses.map((response) => response.request_id)).size, bulkRequests);
      assert.equal(answers().length, bulkRequests);
      assert.equal(provider.calls.length, bulkRequests);
    }, {}, 50));

    it('answers a poison message with sms.failed VALIDATION_ERROR and dead-letters it after one delivery', platform(async ({ bus, provider, answers, logs, workerQueue }) => {
      const dead = collect();
      await bus.subscribe({ queue: deadLetterQueueName(workerQueue), topics: [] }, dead.handler);
      await bus.publish({ type: 'sms.send_request', schema_version: 1, request_id: 'poison-1', correlation_id: 'trace-p', tenant_id: 'org-1', idempotency_key: 'k', ttl: 60, data: { body: 'no number' } } as never);
      await until('the dead letter', () => dead.deliveries.length === 1 && answers().length === 1);
      await sleep(200);
      const [answer] = answers();
      assert.equal(answer?.type, 'sms.failed');
      assert.equal(answer?.correlation_id, 'trace-p');
      assert.equal(answer?.request_id, 'poison-1');
      assert.equal(answer?.data.error?.code, 'VALIDATION_ERROR');
      assert.equal(answer?.data.error?.field, 'data.to_number');
      assert.match(dead.deliveries[0]?.deadLetterReason ?? '', /^INVALID_REQUEST: /);
      assert.equal(logs.filter((entry) => entry.event === 'request.invalid').length, 1);
      assert.equal(provider.calls.length, 0);
    }));

    it('refuses an expired request with sms.failed TIMEOUT/REQUEST_EXPIRED and sends nothing', platform(async ({ bus, provider, answers }) => {
      const expired: SmsSendRequestInput = {
        type: 'sms.send_request',
        schema_version: 1,
        request_id: 'expired-1',
        correlation_id: 'trace-e',
        tenant_id: 'org-1',
        idempotency_key: 'expired-1',
        ttl: 60,
        created_at: new Date(Date.now() - 61_000).toISOString(),
        data: { to_number: '+14155552671', body: 'Too late' },
      };
      await bus.publish(expired, { mandatory: true });
      await until('the answer', () => answers().length === 1);
      const [answer] = answers();
      assert.equal(answer?.type, 'sms.failed');
      assert.equal(answer?.data.error?.code, 'TIMEOUT');
      assert.equal(answer?.data.error?.reason, 'REQUEST_EXPIRED');
      assert.equal(answer?.data.error?.outcome_unknown, false);
      assert.equal(provider.calls.length, 0);
    }));

    it('delays a rate-limited request and sends it later instead of dropping it', platform(async ({ client, provider, logs }) => {
      const first = await client.request({ tenantId: 'org-1', to: '+14155552671', body: 'First', idempotencyKey: 'limited-1' });
      const started = Date.now();
      const second = await client.request({ tenantId: 'org-1', to: '+14155552671', body: 'Second', idempotencyKey: 'limited-2' });
      assert.equal(first.type, 'sms.sent');
      assert.equal(second.type, 'sms.sent');
      assert.ok(Date.now() - started >= 200, 'the second request was not delayed');
      const delayed = logs.filter((entry) => entry.event === 'request.delayed');
      assert.equal(delayed.length, 1);
      assert.equal(delayed[0]?.reason, 'rate-limited');
      assert.equal(provider.calls.length, 2);
    }, { guards: { perDestination: { limit: 1, durationMs: 1_000 }, perPrefix: false } }));

    it('replays a redelivered request: one provider call, the same answer with the same event_id', platform(async ({ bus, provider, answers }) => {
      const request: SmsSendRequestInput = {
        type: 'sms.send_request',
        schema_version: 1,
        request_id: 'twice-1',
        correlation_id: 'trace-t',
        tenant_id: 'org-1',
        idempotency_key: 'twice-1',
        ttl: 600,
        created_at: new Date().toISOString(),
        data: { to_number: '+14155552671', body: 'Once only' },
      };
      // A crash between the answer's confirm and the ack redelivers the request: the same message twice.
      await bus.publish(request, { mandatory: true });
      await until('the first answer', () => answers().length === 1);
      await bus.publish(request, { mandatory: true });
      await until('the second answer', () => answers().length === 2);
      const [first, second] = answers();
      assert.equal(provider.calls.length, 1);
      assert.equal(first?.event_id, second?.event_id);
      assert.equal(first?.type, 'sms.sent');
      assert.equal(second?.type, 'sms.sent');
      assert.equal(first?.data.message_id, second?.data.message_id);
      assert.equal(first?.data.provider_message_id, second?.data.provider_message_id);
    }));

    it('stop() drains: requests in progress are answered and acked, the rest stay queued', platform(async ({ client, provider, worker, answers, bus, workerQueue }) => {
      provider.enqueue(...Array.from({ length: 3 }, () => ({ type: 'accept' as const, delayMs: 300 })));
      const published = await Promise.all([0, 1, 2, 3, 4].map((index) => client.publish({ tenantId: 'org-1', to: '+14155552671', body: `Drain ${index}`, idempotencyKey: `drain-${index}` })));
      await until('3 requests in progress', () => worker.inFlight === 3);
      await worker.stop();
      assert.equal(worker.inFlight, 0);
      // Each was answered (confirmed) before stop() resolved; the answers queue receives them shortly.
      await until('3 answers', () => answers().length === 3);
      await sleep(200);
      assert.equal(answers().length, 3);
      assert.equal(provider.calls.length, 3);
      // The two waiting requests were never taken: a new worker answers them, nothing twice.
      const service = new SMSService({ providers: [provider], events: createWorkerEventPublisher({ bus }) });
      const next = createSmsWorker({ service, bus, queue: workerQueue, concurrency: 3 });
      await next.start();
      try {
        await until('all 5 answers', () => answers().length === 5);
        await sleep(200);
        assert.deepEqual(new Set(answers().map((answer) => answer.request_id)), new Set(published.map((request) => request.request_id)));
        assert.equal(answers().length, 5);
        assert.equal(provider.calls.length, 5);
      } finally {
        await next.stop();
      }
    }, {}, 3));
  });
}

interface PlatformSetup {
  readonly bus: EventBus;
  readonly provider: FakeProvider;
  readonly worker: ReturnType<typeof createSmsWorker>;
  readonly client: ReturnType<typeof createSmsClient>;
  readonly logs: readonly SmsWorkerLogEntry[];
  readonly workerQueue: string;
  readonly answers: () => SmsResponseEvent[];
}

function collect(options: { settle?: boolean } = {}): { deliveries: BusDelivery[]; handler: BusHandler } {
  const deliveries: BusDelivery[] = [];
  return {
    deliveries,
    handler: async (delivery) => {
      deliveries.push(delivery);
      // Held deliveries stay unsettled until the test settles them.
      if (options.settle !== false) await delivery.ack();
    },
  };
}

async function waitUntil(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new assert.AssertionError({ message: `Timed out after ${timeoutMs} ms waiting for ${what}.` });
    await sleep(10);
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

