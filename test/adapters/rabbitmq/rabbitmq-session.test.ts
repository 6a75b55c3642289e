import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { AmqpChannel, AmqpConnection } from '../../../src/adapters/rabbitmq/amqp-client-like';
import { RabbitMqSession, SessionLostError, type RawPublish } from '../../../src/adapters/rabbitmq/rabbitmq-session';
import { SmsError } from '../../../src/errors/sms-error';

interface Published {
  readonly exchange: string;
  readonly routingKey: string;
  readonly body: Buffer;
  readonly options: Record<string, unknown>;
  readonly confirm: (error: unknown) => void;
}

/** A confirm channel whose broker answers are played by the test: confirm(), returnMessage(), drain. */
class FakeConfirmChannel extends EventEmitter {
  readonly published: Published[] = [];
  flowing = true;
  throwOnPublish: Error | undefined;

  publish(exchange: string, routingKey: string, body: Buffer, options: Record<string, unknown>, confirm: (error: unknown) => void): boolean {
    if (this.throwOnPublish !== undefined) throw this.throwOnPublish;
    this.published.push({ exchange, routingKey, body, options, confirm });
    return this.flowing;
  }

  returnMessage(properties: Record<string, unknown>): void {
    this.emit('return', { content: Buffer.alloc(0), fields: { deliveryTag: 0, redelivered: false, routingKey: 'x' }, properties });
  }
}

function session() {
  const channel = new FakeConfirmChannel();
  return { channel, session: new RabbitMqSession({} as AmqpConnection, channel as unknown as AmqpChannel, 3) };
}

const raw = (overrides: Partial<RawPublish> = {}): RawPublish => ({
  exchange: 'tools-core.sms',
  routingKey: 'sms.sent',
  body: Buffer.from('{"type":"sms.sent"}'),
  properties: { messageId: 'evt-1', persistent: true },
  mandatory: false,
  ...overrides,
});

async function settle(promise: Promise<void>): Promise<unknown> {
  return promise.then(
    () => 'confirmed',
    (error: unknown) => error,
  );
}

describe('RabbitMqSession.publish', () => {
  it('keeps its connection, channel and generation', () => {
    const { session: s, channel } = session();
    expect(s.generation).toBe(3);
    expect(s.channel).toBe(channel);
    expect(s.alive).toBe(true);
  });

  it("resolves on the broker's ack, each publish on its own confirm, in any order", async () => {
    const { session: s, channel } = session();
    const first = settle(s.publish(raw()));
    const second = settle(s.publish(raw({ routingKey: 'sms.failed' })));
    await Promise.resolve();
    expect(channel.published.map((entry) => entry.routingKey)).toEqual(['sms.sent', 'sms.failed']);
    expect(channel.published[0]?.options).toEqual({ messageId: 'evt-1', persistent: true });
    channel.published[1]?.confirm(null);
    expect(await second).toBe('confirmed');
    channel.published[0]?.confirm(undefined);
    expect(await first).toBe('confirmed');
  });

  it('rejects a nacked publish with BUS_PUBLISH_REFUSED', async () => {
    const { session: s, channel } = session();
    const outcome = settle(s.publish(raw()));
    await Promise.resolve();
    channel.published[0]?.confirm(new Error('nack'));
    const error = (await outcome) as SmsError;
    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'BUS_PUBLISH_REFUSED', retryable: true, message: 'The broker refused the message (basic.nack).' });
  });

  it('turns the ack of a returned mandatory message into BUS_UNROUTABLE, matched by messageId', async () => {
    const { session: s, channel } = session();
    const returned = settle(s.publish(raw({ mandatory: true, routingKey: 'sms.send_request' })));
    const kept = settle(s.publish(raw({ mandatory: true, properties: { messageId: 'evt-2' } })));
    await Promise.resolve();
    expect(channel.published[0]?.options).toEqual({ messageId: 'evt-1', persistent: true, mandatory: true });
    channel.returnMessage({ messageId: 'evt-1' });
    channel.published[0]?.confirm(null);
    channel.published[1]?.confirm(null);
    expect(await returned).toMatchObject({ reason: 'BUS_UNROUTABLE', message: expect.stringContaining('No queue is bound for sms.send_request') });
    expect(await kept).toBe('confirmed');
  });

  it('matches a mandatory message without messageId by a publish-id header', async () => {
    const { session: s, channel } = session();
    const outcome = settle(s.publish(raw({ mandatory: true, properties: { headers: { a: 1 } } })));
    await Promise.resolve();
    const options = channel.published[0]?.options as { headers: Record<string, unknown>; mandatory: boolean };
    expect(options.mandatory).toBe(true);
    expect(options.headers.a).toBe(1);
    const id = options.headers['x-tools-core-publish-id'];
    expect(typeof id).toBe('string');
    channel.returnMessage({ headers: { 'x-tools-core-publish-id': id } });
    channel.published[0]?.confirm(null);
    expect(await outcome).toMatchObject({ reason: 'BUS_UNROUTABLE' });
  });

  it('fails unconfirmed publishes with SessionLostError when the session is lost, and refuses new ones', async () => {
    const { session: s, channel } = session();
    const pending = settle(s.publish(raw()));
    await Promise.resolve();
    const cause = new Error('connection closed');
    s.markLost(cause);
    const error = (await pending) as SessionLostError;
    expect(error).toBeInstanceOf(SessionLostError);
    expect(error.name).toBe('SessionLostError');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('The RabbitMQ connection closed before the broker confirmed the message.');
    expect(s.alive).toBe(false);
    channel.published[0]?.confirm(null);
    expect(await settle(s.publish(raw()))).toBeInstanceOf(SessionLostError);
  });

  it('fails a publish the channel throws on with SessionLostError', async () => {
    const { session: s, channel } = session();
    channel.throwOnPublish = new Error('Channel closed');
    const thrown = (await settle(s.publish(raw()))) as SessionLostError;
    expect(thrown).toBeInstanceOf(SessionLostError);
    expect(thrown.cause).toBe(channel.throwOnPublish);
  });

  it('waits for drain after the channel buffer fills, and releases waiters when lost', async () => {
    const { session: s, channel } = session();
    channel.flowing = false;
    const first = settle(s.publish(raw()));
    await Promise.resolve();
    channel.flowing = true;
    const second = settle(s.publish(raw({ routingKey: 'sms.failed' })));
    await new Promise((resolve) => setImmediate(resolve));
    expect(channel.published).toHaveLength(1);
    channel.emit('drain');
    await new Promise((resolve) => setImmediate(resolve));
    expect(channel.published.map((entry) => entry.routingKey)).toEqual(['sms.sent', 'sms.failed']);
    channel.published[0]?.confirm(null);
    channel.published[1]?.confirm(null);
    expect([await first, await second]).toEqual(['confirmed', 'confirmed']);

    const blocked = session();
    blocked.channel.flowing = false;
    void settle(blocked.session.publish(raw()));
    await Promise.resolve();
    const waiting = settle(blocked.session.publish(raw()));
    blocked.session.markLost(new Error('gone'));
    expect(await waiting).toBeInstanceOf(SessionLostError);
  });
});
