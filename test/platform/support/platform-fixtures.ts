import { randomUUID } from 'node:crypto';
import type { SmsResponseEvent } from '../../../src/events/contracts/sms-response-event';
import type { SmsSendRequestInput } from '../../../src/events/contracts/sms-send-request-schema';
import type { BusDelivery, BusHandler, EventBus } from '../../../src/platform/event-bus';

export async function until(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** A valid `sms.send_request`, with `changes` applied. */
export function envelope(changes: Partial<SmsSendRequestInput> = {}): SmsSendRequestInput {
  const requestId = changes.request_id ?? randomUUID();
  return {
    type: 'sms.send_request',
    schema_version: 1,
    request_id: requestId,
    correlation_id: `trace-${requestId}`,
    tenant_id: 'org-1',
    idempotency_key: `key-${requestId}`,
    ttl: 600,
    created_at: new Date().toISOString(),
    data: { to_number: '+14155552671', body: 'Your code is 482913' },
    ...changes,
  };
}

/** Collects every answer (`sms.sent`, `sms.failed`) published on `bus`, through a queue of its own. */
export async function collectAnswers(bus: EventBus): Promise<SmsResponseEvent[]> {
  const answers: SmsResponseEvent[] = [];
  await bus.subscribe({ queue: `answers-${randomUUID()}`, topics: ['sms.sent', 'sms.failed'], prefetch: 100 }, async (delivery) => {
    answers.push(delivery.message as SmsResponseEvent);
    await delivery.ack();
  });
  return answers;
}

/** Everything that went through `queue`, in order, and its dead-letter queue's deliveries. */
export async function collectQueue(bus: EventBus, queue: string): Promise<BusDelivery[]> {
  const deliveries: BusDelivery[] = [];
  await bus.subscribe({ queue, topics: [] }, async (delivery) => {
    deliveries.push(delivery);
    await delivery.ack();
  });
  return deliveries;
}

/**
 * Wraps a bus: records the deliveries its subscribers get, and can make publishes fail (`failPublish`
 * returns true to refuse one).
 */
export function instrumentBus(bus: EventBus, failPublish: (message: { type: string }) => boolean = () => false): EventBus & { deliveries: BusDelivery[] } {
  const deliveries: BusDelivery[] = [];
  return {
    deliveries,
    publish: async (message, options) => {
      if (failPublish(message)) throw new Error(`broker unavailable for ${message.type}`);
      return bus.publish(message, options);
    },
    subscribe: (options, handler: BusHandler) =>
      bus.subscribe(options, (delivery) => {
        deliveries.push(delivery);
        return handler(delivery);
      }),
    close: () => bus.close(),
  };
}
