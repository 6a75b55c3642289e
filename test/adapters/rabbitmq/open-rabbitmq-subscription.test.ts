import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AmqpChannel, AmqpConnection, AmqpMessage } from '../../../src/adapters/rabbitmq/amqp-client-like';
import type { RabbitMqConnector } from '../../../src/adapters/rabbitmq/create-rabbitmq-connector';
import { openRabbitMqSubscription, type RabbitMqSubscriptionContext } from '../../../src/adapters/rabbitmq/open-rabbitmq-subscription';
import { readRabbitMqBusOptions, type RabbitMqBusLogEntry } from '../../../src/adapters/rabbitmq/rabbitmq-bus-options';
import { RabbitMqSession } from '../../../src/adapters/rabbitmq/rabbitmq-session';
import { busError } from '../../../src/platform/bus-error';
import { checkSubscribeOptions } from '../../../src/platform/check-bus-arguments';
import type { BusDelivery, BusHandler, SubscribeOptions } from '../../../src/platform/event-bus';
import { SmsError } from '../../../src/errors/sms-error';

/** A consumer channel recording what the subscription asks of it; `deliver()` plays the broker. */
class FakeChannel extends EventEmitter {
  readonly calls: string[] = [];
  readonly settled: string[] = [];
  closed = false;
  failOn: string | undefined;
  private onMessage: ((message: AmqpMessage | null) => void) | undefined;

  constructor(private readonly id: number) {
    super();
  }

  private record(call: string): void {
    this.calls.push(call);
    if (this.failOn !== undefined && call.startsWith(this.failOn)) throw new Error('PRECONDITION_FAILED - inequivalent arg x-queue-type');
  }

  async prefetch(count: number) {
    this.record(`prefetch ${count}`);
  }
  async assertQueue(queue: string, options: { arguments: Record<string, unknown> }) {
    this.record(`assertQueue ${queue} ${JSON.stringify(options.arguments)}`);
  }
  async bindQueue(queue: string, exchange: string, topic: string) {
    this.record(`bindQueue ${queue} ${exchange} ${topic}`);
  }
  async consume(queue: string, onMessage: (message: AmqpMessage | null) => void, options: Record<string, unknown>) {
    this.record(`consume ${queue} noAck=${String(options.noAck)}`);
    this.onMessage = onMessage;
    return { consumerTag: `ctag-${this.id}` };
  }
  async cancel(tag: string) {
    this.record(`cancel ${tag}`);
  }
  async deleteQueue(queue: string) {
    this.record(`deleteQueue ${queue}`);
  }
  ack(message: AmqpMessage) {
    this.settled.push(`ack ${message.fields.deliveryTag}`);
  }
  nack(message: AmqpMessage, _allUpTo?: boolean, requeue?: boolean) {
    this.settled.push(`nack ${message.fields.deliveryTag} requeue=${String(requeue)}`);
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    this.calls.push('close');
    this.emit('close');
  }
  deliver(message: AmqpMessage | null): void {
    this.onMessage?.(message);
  }
}

function amqpMessage(tag: number, body: unknown = { type: 'sms.send_request', request_id: `r${tag}` }): AmqpMessage {
  return { content: Buffer.from(JSON.stringify(body)), fields: { deliveryTag: tag, redelivered: false, routingKey: 'sms.send_request' }, properties: { messageId: `r${tag}` } };
}

const channels: FakeChannel[] = [];

function newSession(generation: number, failOn?: string): RabbitMqSession {
  const confirm = Object.assign(new EventEmitter(), {
    deleted: [] as string[],
    async deleteQueue(queue: string) {
      confirm.deleted.push(queue);
    },
  });
  const connection = {
    async createChannel() {
      const channel = new FakeChannel(channels.length + 1);
      channel.failOn = failOn;
      channels.push(channel);
      return channel as unknown as AmqpChannel;
    },
  } as unknown as AmqpConnection;
  return new RabbitMqSession(connection, confirm as unknown as AmqpChannel, generation);
}

function setup(first: RabbitMqSession | Error = newSession(1)) {
  const listeners = new Set<(session: RabbitMqSession) => void>();
  const logs: RabbitMqBusLogEntry[] = [];
  const remembered: string[] = [];
  let current = first;
  const connector: RabbitMqConnector = {
    current: () => (current instanceof Error ? undefined : current),
    session: async () => {
      if (current instanceof Error) throw current;
      return current;
    },
    onSession(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lose: () => undefined,
    close: async () => undefined,
  };
  const context: RabbitMqSubscriptionContext = {
    connector,
    options: readRabbitMqBusOptions({ url: 'amqp://guest:guest@127.0.0.1:5672', coalesceWrites: false, onLog: (entry) => logs.push(entry) }),
    publish: async () => undefined,
    declare: async () => undefined,
    remember: (queue) => remembered.push(queue),
  };
  const reconnect = (session: RabbitMqSession) => {
    current = session;
    for (const listener of listeners) listener(session);
  };
  return { context, logs, remembered, listeners, reconnect, confirm: () => (current instanceof Error ? undefined : current.channel) };
}

const subscribeOptions = (overrides: Partial<SubscribeOptions> = {}) => checkSubscribeOptions({ queue: 'tools-core.sms.send_request', topics: ['sms.send_request', 'sms.*'], ...overrides });

const tick = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  channels.length = 0;
  vi.useRealTimers();
});

describe('openRabbitMqSubscription: establishing', () => {
  it('sets the prefetch, declares the dead-letter queue then the work queue, binds each topic, and consumes with manual acks', async () => {
    const { context, remembered } = setup();
    const subscription = await openRabbitMqSubscription(context, subscribeOptions({ prefetch: 5 }), () => undefined);
    expect(subscription.queue).toBe('tools-core.sms.send_request');
    expect(channels).toHaveLength(1);
    expect(channels[0]?.calls).toEqual([
      'prefetch 5',
      'assertQueue tools-core.sms.send_request.dead-letter {"x-queue-type":"quorum"}',
      'assertQueue tools-core.sms.send_request {"x-queue-type":"quorum","x-dead-letter-exchange":"","x-dead-letter-routing-key":"tools-core.sms.send_request.dead-letter","x-delivery-limit":20}',
      'bindQueue tools-core.sms.send_request tools-core.sms sms.send_request',
      'bindQueue tools-core.sms.send_request tools-core.sms sms.*',
      'consume tools-core.sms.send_request noAck=false',
    ]);
    expect(remembered).toEqual(['tools-core.sms.send_request.dead-letter', 'tools-core.sms.send_request']);
  });

  it('fails with BUS_UNAVAILABLE naming the queue when a declaration is refused, closing the channel', async () => {
    const { context, listeners } = setup(newSession(1, 'assertQueue tools-core.sms.send_request {'));
    const outcome: unknown = await openRabbitMqSubscription(context, subscribeOptions(), () => undefined).catch((caught: unknown) => caught);
    if (!SmsError.isInstance(outcome)) throw new Error('expected an SmsError');
    const error = outcome;
    expect(error).toMatchObject({ reason: 'BUS_UNAVAILABLE', provider: 'rabbitmq', retryable: true });
    expect(error.message).toBe(
      'Could not subscribe to queue tools-core.sms.send_request: PRECONDITION_FAILED - inequivalent arg x-queue-type. If the queue exists with other arguments (another type or dead-letter settings), delete it or use another name.',
    );
    expect(channels[0]?.closed).toBe(true);
    expect(listeners.size).toBe(0);
  });

  it("passes on the connector's own bus errors as they are", async () => {
    const closed = busError({ reason: 'BUS_CLOSED', bus: 'rabbitmq', message: 'The bus is closed.' });
    const { context } = setup(closed);
    await expect(openRabbitMqSubscription(context, subscribeOptions(), () => undefined)).rejects.toBe(closed);
  });
});

describe('openRabbitMqSubscription: deliveries', () => {
  it('hands each message to the handler as a delivery bound to its channel', async () => {
    const { context } = setup();
    const seen: BusDelivery[] = [];
    await openRabbitMqSubscription(context, subscribeOptions(), async (delivery) => {
      seen.push(delivery);
      await delivery.ack();
    });
    channels[0]?.deliver(amqpMessage(1));
    await tick();
    expect(seen.map((delivery) => [delivery.type, delivery.message])).toEqual([['sms.send_request', { type: 'sms.send_request', request_id: 'r1' }]]);
    expect(channels[0]?.settled).toEqual(['ack 1']);
  });

  it('requeues a message whose handler threw or rejected without settling, and logs it', async () => {
    const { context, logs } = setup();
    let calls = 0;
    const handler: BusHandler = (delivery) => {
      calls += 1;
      if (calls === 1) throw new Error('sync failure');
      if (calls === 2) return Promise.reject(new Error('async failure'));
      return delivery.deadLetter('unused').then(() => {
        throw new Error('after settling');
      });
    };
    await openRabbitMqSubscription(context, subscribeOptions(), handler);
    channels[0]?.deliver(amqpMessage(1));
    channels[0]?.deliver(amqpMessage(2));
    channels[0]?.deliver(amqpMessage(3));
    await tick();
    expect(channels[0]?.settled).toEqual(['nack 1 requeue=true', 'nack 2 requeue=true', 'ack 3']);
    expect(logs.filter((entry) => entry.event === 'handler.failed').map((entry) => entry.message)).toEqual(['sync failure', 'async failure', 'after settling']);
  });

  it('settles nothing once the session is lost: the broker gives the message back', async () => {
    const session = newSession(1);
    const { context } = setup(session);
    const held: BusDelivery[] = [];
    await openRabbitMqSubscription(context, subscribeOptions(), (delivery) => void held.push(delivery));
    channels[0]?.deliver(amqpMessage(1));
    session.markLost(new Error('connection lost'));
    await held[0]?.ack();
    expect(channels[0]?.settled).toEqual([]);
  });

  it('closes the channel when the broker cancels the consumer, and reopens it after a pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { context, logs } = setup();
    await openRabbitMqSubscription(context, subscribeOptions(), () => undefined);
    channels[0]?.deliver(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(channels[0]?.closed).toBe(true);
    expect(logs).toContainEqual({ level: 'warn', event: 'subscription.failed', queue: 'tools-core.sms.send_request', message: 'The broker cancelled the consumer.' });
    expect(channels).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(channels).toHaveLength(2);
    expect(channels[1]?.calls.at(-1)).toBe('consume tools-core.sms.send_request noAck=false');
    expect(logs).toContainEqual({ level: 'info', event: 'subscription.restored', queue: 'tools-core.sms.send_request', generation: 1 });
  });
});

describe('openRabbitMqSubscription: reconnections and closing', () => {
  it('re-establishes on every new session, closing the previous channel', async () => {
    const { context, logs, reconnect } = setup();
    await openRabbitMqSubscription(context, subscribeOptions(), () => undefined);
    reconnect(newSession(2));
    await tick();
    expect(channels).toHaveLength(2);
    expect(channels[0]?.closed).toBe(true);
    expect(channels[1]?.calls.at(-1)).toBe('consume tools-core.sms.send_request noAck=false');
    expect(logs).toContainEqual({ level: 'info', event: 'subscription.restored', queue: 'tools-core.sms.send_request', generation: 2 });
  });

  it('cancel stops consuming; close cancels, closes the channel and stops following sessions', async () => {
    const { context, listeners, reconnect } = setup();
    const subscription = await openRabbitMqSubscription(context, subscribeOptions(), () => undefined);
    await subscription.cancel();
    expect(channels[0]?.calls.at(-1)).toBe('cancel ctag-1');
    await subscription.close();
    expect(channels[0]?.closed).toBe(true);
    expect(channels[0]?.calls.filter((call) => call.startsWith('cancel'))).toEqual(['cancel ctag-1']);
    expect(listeners.size).toBe(0);
    reconnect(newSession(2));
    await tick();
    expect(channels).toHaveLength(1);
    await subscription.close();
  });

  it('deletes the queues of a temporary subscription when it closes', async () => {
    const { context, confirm } = setup();
    const subscription = await openRabbitMqSubscription(context, subscribeOptions({ queue: 'tools-core.tmp.1', expiresAfterIdleMs: 60_000 }), () => undefined);
    expect(channels[0]?.calls[1]).toBe('assertQueue tools-core.tmp.1.dead-letter {"x-queue-type":"classic","x-expires":60000}');
    await subscription.close();
    expect((confirm() as unknown as { deleted: string[] }).deleted).toEqual(['tools-core.tmp.1', 'tools-core.tmp.1.dead-letter']);
  });
});
