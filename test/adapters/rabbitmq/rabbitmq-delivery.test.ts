import { describe, expect, it } from 'vitest';
import type { AmqpChannel, AmqpMessage } from '../../../src/adapters/rabbitmq/amqp-client-like';
import { ATTEMPT_HEADER, DEAD_LETTER_REASON_HEADER, RabbitMqDelivery, type RabbitMqDeliverySource } from '../../../src/adapters/rabbitmq/rabbitmq-delivery';
import type { QueueDeclaration } from '../../../src/adapters/rabbitmq/rabbitmq-queue-declarations';
import type { RawPublish } from '../../../src/adapters/rabbitmq/rabbitmq-session';
import { ValidationError } from '../../../src/errors/validation-error';
import type { BusMessage } from '../../../src/platform/event-bus';

function message(overrides: { content?: string; type?: unknown; messageId?: unknown; headers?: Record<string, unknown>; redelivered?: boolean } = {}): AmqpMessage {
  return {
    content: Buffer.from(overrides.content ?? '{"type":"sms.send_request","request_id":"r1"}'),
    fields: { deliveryTag: 7, redelivered: overrides.redelivered ?? false, routingKey: 'sms.send_request' },
    properties: { type: overrides.type, messageId: 'messageId' in overrides ? overrides.messageId : 'r1', headers: overrides.headers },
  };
}

function setup(options: { live?: boolean; publish?: (publish: RawPublish) => Promise<void>; ackThrows?: boolean } = {}) {
  const settled: string[] = [];
  const published: RawPublish[] = [];
  const declared: QueueDeclaration[] = [];
  let live = options.live ?? true;
  const channel = {
    ack: () => {
      if (options.ackThrows === true) throw new Error('Channel closed');
      settled.push('ack');
    },
    nack: (_message: AmqpMessage, allUpTo?: boolean, requeue?: boolean) => settled.push(`nack:${String(allUpTo)}:${String(requeue)}`),
  } as unknown as AmqpChannel;
  const source: RabbitMqDeliverySource = {
    queue: 'tools-core.sms.send_request',
    deadLetterQueue: 'tools-core.sms.send_request.dead-letter',
    isLive: (from) => from === channel && live,
    publish: async (publish) => {
      published.push(publish);
      await options.publish?.(publish);
    },
    declare: async (declaration) => {
      declared.push(declaration);
    },
  };
  return { channel, source, settled, published, declared, setLive: (value: boolean) => (live = value) };
}

describe('RabbitMqDelivery: what it carries', () => {
  it('reads the type, the parsed body, redelivery and the attempt', () => {
    const { source, channel } = setup();
    const delivery = new RabbitMqDelivery(source, message({ type: 'sms.custom', headers: { [ATTEMPT_HEADER]: 3 }, redelivered: true }), channel);
    expect(delivery).toMatchObject({ type: 'sms.custom', message: { type: 'sms.send_request', request_id: 'r1' }, redelivered: true, attempt: 3, deadLetterReason: undefined });
    const plain = new RabbitMqDelivery(source, message({ content: 'not json', headers: { [ATTEMPT_HEADER]: 1.5 } }), channel);
    expect(plain.type).toBe('sms.send_request');
    expect(plain.message).toBeUndefined();
    expect(plain.attempt).toBe(0);
  });

  it("gives the worker's dead-letter reason, else the broker's, never an expiry", () => {
    const { source, channel } = setup();
    expect(new RabbitMqDelivery(source, message({ headers: { [DEAD_LETTER_REASON_HEADER]: 'invalid request' } }), channel).deadLetterReason).toBe('invalid request');
    expect(new RabbitMqDelivery(source, message({ headers: { 'x-death': [{ reason: 'expired' }, { reason: 'delivery_limit' }] } }), channel).deadLetterReason).toBe('broker: delivery_limit');
    expect(new RabbitMqDelivery(source, message({ headers: { 'x-death': [{ reason: 'expired' }] } }), channel).deadLetterReason).toBeUndefined();
    expect(new RabbitMqDelivery(source, message({ headers: {} }), channel).deadLetterReason).toBeUndefined();
  });
});

describe('RabbitMqDelivery: settling', () => {
  it('acks once, and later settle calls do nothing', async () => {
    const { source, channel, settled } = setup();
    const delivery = new RabbitMqDelivery(source, message(), channel);
    expect(delivery.settled).toBe(false);
    await delivery.ack();
    await delivery.ack();
    await delivery.requeue();
    expect(settled).toEqual(['ack']);
    expect(delivery.settled).toBe(true);
  });

  it('requeues with a nack of this message only', async () => {
    const { source, channel, settled } = setup();
    await new RabbitMqDelivery(source, message(), channel).requeue();
    expect(settled).toEqual(['nack:false:true']);
  });

  it('settles nothing on a channel that is no longer live, or that closes while acking', async () => {
    const dead = setup({ live: false });
    const delivery = new RabbitMqDelivery(dead.source, message(), dead.channel);
    await delivery.ack();
    expect(dead.settled).toEqual([]);
    expect(delivery.settled).toBe(true);
    const closing = setup({ ackThrows: true });
    await expect(new RabbitMqDelivery(closing.source, message(), closing.channel).ack()).resolves.toBeUndefined();
  });
});

describe('RabbitMqDelivery: retryLater and deadLetter', () => {
  it('publishes a confirmed copy to the delay bucket with the next attempt, then acks', async () => {
    const { source, channel, settled, published, declared } = setup();
    await new RabbitMqDelivery(source, message({ headers: { [ATTEMPT_HEADER]: 1 } }), channel).retryLater({ delayMs: 1_500 });
    expect(declared.map((declaration) => declaration.name)).toEqual(['tools-core.sms.send_request.delay.2000']);
    expect(published).toHaveLength(1);
    const [copy] = published;
    expect(copy).toMatchObject({ exchange: '', routingKey: 'tools-core.sms.send_request.delay.2000', mandatory: true });
    expect(copy?.body.toString()).toBe('{"type":"sms.send_request","request_id":"r1"}');
    expect(copy?.properties).toMatchObject({ persistent: true, contentType: 'application/json', type: 'sms.send_request', messageId: 'r1', headers: { [ATTEMPT_HEADER]: 2 } });
    expect(typeof copy?.properties.timestamp).toBe('number');
    expect(settled).toEqual(['ack']);
  });

  it('redelivers a replacement message with its own type', async () => {
    const { source, channel, published } = setup();
    const replacement: BusMessage = Object.assign({ type: 'sms.send_request' }, { request_id: 'r1', body: 'fixed' });
    await new RabbitMqDelivery(source, message({ messageId: undefined }), channel).retryLater({ delayMs: 0, message: replacement });
    expect(published[0]?.routingKey).toBe('tools-core.sms.send_request.delay.100');
    expect(JSON.parse(published[0]?.body.toString() ?? '')).toEqual({ type: 'sms.send_request', request_id: 'r1', body: 'fixed' });
    expect(published[0]?.properties).not.toHaveProperty('messageId');
  });

  it('refuses a delay out of range before doing anything', async () => {
    const { source, channel, published, settled } = setup();
    const error = await new RabbitMqDelivery(source, message(), channel).retryLater({ delayMs: -1 }).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe('options.delayMs');
    expect([published, settled]).toEqual([[], []]);
  });

  it('dead-letters a copy with the reason, cut to 1000 characters, and the attempt', async () => {
    const { source, channel, published, settled } = setup();
    await new RabbitMqDelivery(source, message({ headers: { [ATTEMPT_HEADER]: 4 } }), channel).deadLetter('x'.repeat(1_200));
    expect(published[0]?.routingKey).toBe('tools-core.sms.send_request.dead-letter');
    expect(published[0]?.properties.headers).toEqual({ [ATTEMPT_HEADER]: 4, [DEAD_LETTER_REASON_HEADER]: 'x'.repeat(1_000) });
    expect(settled).toEqual(['ack']);
  });

  it('leaves the delivery unsettled when the copy is not confirmed, so it can still be requeued', async () => {
    const refused = new Error('BUS_PUBLISH_REFUSED');
    const { source, channel, settled } = setup({ publish: async () => Promise.reject(refused) });
    const delivery = new RabbitMqDelivery(source, message(), channel);
    await expect(delivery.deadLetter('bad')).rejects.toBe(refused);
    expect(delivery.settled).toBe(false);
    await delivery.requeue();
    expect(settled).toEqual(['nack:false:true']);
  });

  it('publishes nothing once settled or when the channel is no longer live', async () => {
    const { source, channel, published, setLive } = setup();
    const settledFirst = new RabbitMqDelivery(source, message(), channel);
    await settledFirst.ack();
    await settledFirst.retryLater({ delayMs: 100 });
    await settledFirst.deadLetter('x');
    setLive(false);
    const stale = new RabbitMqDelivery(source, message(), channel);
    await stale.deadLetter('x');
    await stale.retryLater({ delayMs: 100 });
    expect(published).toEqual([]);
    expect(stale.settled).toBe(true);
  });
});
