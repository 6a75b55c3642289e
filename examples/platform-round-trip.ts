/**
 * Platform mode in one process, on the embedded bus: no server, no network, no credentials. A worker
 * answers a host's requests: an answer, the same request again (replayed, one message), a poison message
 * (answered and dead-lettered), an expired request (refused unsent) and a rate-limited one (delayed, then
 * sent).
 *
 * Run: npx tsx examples/platform-round-trip.ts
 */
import { pathToFileURL } from 'node:url';
import {
  createInMemoryEventBus,
  createSmsClient,
  createSmsWorker,
  createWorkerEventPublisher,
  deadLetterQueueName,
  DEFAULT_SEND_REQUEST_QUEUE,
  SMSService,
  type SmsResponseEvent,
  type SmsSendRequestInput,
} from '@ocelot-platform/tools-core';
import { createFakeProvider } from '@ocelot-platform/tools-core/testing';

export async function runPlatformRoundTrip(write: (line: string) => void = console.log): Promise<void> {
  const bus = createInMemoryEventBus();
  const twilio = createFakeProvider({ id: 'twilio' });
  // An abuse guard of one message per number per second: a second message to the number waits.
  const sms = new SMSService({ providers: [twilio], events: createWorkerEventPublisher({ bus }), guards: { perDestination: { limit: 1, durationMs: 1_000 }, perPrefix: false } });
  const worker = createSmsWorker({ service: sms, bus, concurrency: 10, onLog: (entry) => void (entry.event === 'request.delayed' && write(`  worker: ${entry.reason}, retry in ${entry.delay_ms} ms`)) });
  await worker.start();

  // Every answer, as a host's own consumer would see them.
  const answers = new Map<string, SmsResponseEvent>();
  await bus.subscribe({ queue: 'host.answers', topics: ['sms.sent', 'sms.failed'] }, async (delivery) => {
    const answer = delivery.message as SmsResponseEvent;
    answers.set(answer.request_id, answer);
    await delivery.ack();
  });
  await bus.subscribe({ queue: deadLetterQueueName(DEFAULT_SEND_REQUEST_QUEUE), topics: [] }, async (delivery) => {
    write(`  dead-letter queue: ${delivery.deadLetterReason?.split(':')[0]}`);
    await delivery.ack();
  });
  const answerTo = async (requestId: string) => {
    while (!answers.has(requestId)) await new Promise((resolve) => setTimeout(resolve, 5));
    return answers.get(requestId) as SmsResponseEvent;
  };
  const show = (label: string, answer: SmsResponseEvent) =>
    write(`${label}: ${answer.type} ${answer.data.error === null ? `via ${answer.data.provider}, ${answer.data.cost} ${answer.data.currency}` : `${answer.data.error.code}/${answer.data.error.reason}`}`);

  const client = createSmsClient({ bus, timeoutMs: 5_000 });
  const order = { tenantId: 'shop-1', to: '+14155552671', body: 'Your order has shipped.', idempotencyKey: 'order-42-shipped' };
  const first = await client.request(order);
  show('order shipped', first);
  // The host sends it again (after a timeout on its side, say) with the same key: one message.
  const again = await client.request(order);
  show('same key again', again);
  write(`  same message: ${again.data.message_id === first.data.message_id}, provider calls: ${twilio.calls.length}`);

  // A host bug: no destination. Answered, then dead-lettered after one delivery.
  const poison = { type: 'sms.send_request', schema_version: 1, request_id: 'poison-1', correlation_id: 'poison-1', tenant_id: 'shop-1', idempotency_key: 'poison-1', ttl: 60, data: { body: 'Hi' } };
  await bus.publish(poison);
  show('no destination', await answerTo('poison-1'));

  // A request that waited longer than its ttl: refused, never sent.
  const stale: SmsSendRequestInput = {
    type: 'sms.send_request',
    schema_version: 1,
    request_id: 'stale-1',
    correlation_id: 'stale-1',
    tenant_id: 'shop-1',
    idempotency_key: 'stale-1',
    ttl: 60,
    created_at: new Date(Date.now() - 120_000).toISOString(),
    data: { to_number: '+14155552671', body: 'Flash sale ends in a minute!' },
  };
  await bus.publish(stale);
  show('waited 2 min, ttl 60 s', await answerTo('stale-1'));

  const next = await client.request({ ...order, body: 'Your parcel is out for delivery.', idempotencyKey: 'order-42-out' });
  show('second message within a second', next);
  write(`provider calls: ${twilio.calls.length}`);

  await client.close();
  await worker.stop();
  await bus.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runPlatformRoundTrip();
}
