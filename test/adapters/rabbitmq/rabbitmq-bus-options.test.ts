import { describe, expect, it } from 'vitest';
import { createRabbitMqBus } from '../../../src/adapters/rabbitmq/create-rabbitmq-bus';
import { readRabbitMqBusOptions } from '../../../src/adapters/rabbitmq/rabbitmq-bus-options';

describe('RabbitMQ bus options', () => {
  it('applies the defaults and masks the password for logs', () => {
    const options = readRabbitMqBusOptions({ url: 'amqp://guest:s3cret@broker:5672/vhost' });
    expect(options).toMatchObject({ exchange: 'tools-core.sms', queueType: 'quorum', deliveryLimit: 20, publishTimeoutMs: 30_000, initialDelayMs: 100, maxDelayMs: 10_000, coalesceWrites: true });
    expect(options.safeUrl).toBe('amqp://guest:•••@broker:5672/vhost');
    expect(options).toMatchObject({ vhost: 'vhost', connectTimeoutMs: 30_000 });
    expect(readRabbitMqBusOptions({ url: 'amqp://broker', publishTimeoutMs: 5_000 })).toMatchObject({ vhost: '/', connectTimeoutMs: 5_000 });
  });

  it.each([
    [{ url: 'http://broker' }, /options\.url/],
    [{ url: 'amqp://guest:guest@broker:notaport' }, /options\.url: is not a valid amqp/],
    [{ url: 'amqp://broker', connectTimeoutMs: 0 }, /options\.connectTimeoutMs/],
    [{ url: 'amqp://broker', exchange: 'amq.topic' }, /options\.exchange/],
    [{ url: 'amqp://broker', queueType: 'stream' }, /options\.queueType/],
    [{ url: 'amqp://broker', publishTimeoutMs: 0 }, /options\.publishTimeoutMs/],
    [{ url: 'amqp://broker', reconnect: { initialDelayMs: 500, maxDelayMs: 100 } }, /options\.reconnect\.maxDelayMs/],
    [{ url: 'amqp://broker', coalesceWrites: 'yes' }, /options\.coalesceWrites/],
  ])('refuses %j', (options, message) => {
    expect(() => createRabbitMqBus(options as never)).toThrow(message);
  });
});
