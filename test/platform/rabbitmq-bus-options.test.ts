import { describe, expect, it } from 'vitest';
import { createRabbitMqBus } from '../../src/adapters/rabbitmq/create-rabbitmq-bus';
import { loadAmqplib } from '../../src/adapters/rabbitmq/load-amqplib';
import { readRabbitMqBusOptions } from '../../src/adapters/rabbitmq/rabbitmq-bus-options';
import { delayQueue, subscriptionQueues } from '../../src/adapters/rabbitmq/rabbitmq-queue-declarations';

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

  it('never connects on creation', async () => {
    let connects = 0;
    const bus = createRabbitMqBus({ url: 'amqp://broker', connect: async () => (connects += 1) as never });
    await bus.close();
    expect(connects).toBe(0);
  });

  it('names the package to install when amqplib is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package 'amqplib' imported from /app/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadAmqplib(() => Promise.reject(missing))).rejects.toMatchObject({ reason: 'SDK_NOT_INSTALLED', message: expect.stringContaining('npm install amqplib') });
  });
});

describe('RabbitMQ queue declarations', () => {
  it('a durable work queue dead-letters to its own dead-letter queue through the default exchange, with a delivery limit', () => {
    const queues = subscriptionQueues({ queue: 'work', queueType: 'quorum', deliveryLimit: 20, expiresAfterIdleMs: undefined });
    expect(queues.declarations.map((declaration) => declaration.name)).toEqual(['work.dead-letter', 'work']);
    expect(queues.work.options).toEqual({ durable: true, arguments: { 'x-queue-type': 'quorum', 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'work.dead-letter', 'x-delivery-limit': 20 } });
    expect(queues.deadLetter.options).toEqual({ durable: true, arguments: { 'x-queue-type': 'quorum' } });
  });

  it('a temporary queue is classic with x-expires; a dead-letter queue subscribed to is declared as its work queue declared it', () => {
    const temporary = subscriptionQueues({ queue: 'answers', queueType: 'quorum', deliveryLimit: 20, expiresAfterIdleMs: 60_000 });
    expect(temporary.work.options.arguments).toEqual({ 'x-queue-type': 'classic', 'x-expires': 60_000, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'answers.dead-letter' });
    const dead = subscriptionQueues({ queue: 'work.dead-letter', queueType: 'quorum', deliveryLimit: 20, expiresAfterIdleMs: undefined });
    expect(dead.declarations).toEqual([{ name: 'work.dead-letter', options: { durable: true, arguments: { 'x-queue-type': 'quorum' } } }]);
  });

  it('rounds a delay up to its bucket, never down, and outlives it', () => {
    expect(delayQueue('work', 0).name).toBe('work.delay.100');
    expect(delayQueue('work', 1_000).name).toBe('work.delay.1000');
    expect(delayQueue('work', 1_001).name).toBe('work.delay.2000');
    expect(delayQueue('work', 86_400_000).name).toBe('work.delay.86400000');
    expect(delayQueue('work', 700).options.arguments).toEqual({ 'x-queue-type': 'classic', 'x-message-ttl': 1_000, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'work', 'x-expires': 62_000 });
  });
});

describe('RabbitMQ bus without a broker', () => {
  it('retries the connection with backoff and fails a publish with BUS_UNAVAILABLE after publishTimeoutMs', async () => {
    const logs: { event: string; attempt?: number; delay_ms?: number }[] = [];
    let attempts = 0;
    const bus = createRabbitMqBus({
      url: 'amqp://guest:s3cret@127.0.0.1:1',
      publishTimeoutMs: 300,
      reconnect: { initialDelayMs: 20, maxDelayMs: 80 },
      onLog: (entry) => logs.push(entry),
      connect: async () => {
        attempts += 1;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      },
    });
    const started = Date.now();
    const error = await bus.publish({ type: 'sms.sent' }).catch((thrown: unknown) => thrown);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'BUS_UNAVAILABLE', retryable: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as Error).message).not.toContain('s3cret');
    expect(attempts).toBeGreaterThan(2);
    // Capped exponential backoff: never above maxDelayMs.
    const delays = logs.filter((entry) => entry.event === 'connection.retrying').map((entry) => entry.delay_ms ?? 0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(80);
    await expect(bus.subscribe({ queue: 'q', topics: ['sms.sent'] }, () => undefined)).rejects.toMatchObject({ reason: 'BUS_UNAVAILABLE' });
    await bus.close();
    await expect(bus.publish({ type: 'sms.sent' })).rejects.toMatchObject({ reason: 'BUS_CLOSED' });
  });

  it('fails at once when the broker refuses the login before any connection was opened', async () => {
    const refused = () => new Error('Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN."');
    let attempts = 0;
    const bus = createRabbitMqBus({ url: 'amqp://guest:wrong@127.0.0.1:5672', connectTimeoutMs: 30_000, onLog: () => undefined, connect: async () => {
      attempts += 1;
      throw refused();
    } });
    const started = Date.now();
    await expect(bus.subscribe({ queue: 'q', topics: ['sms.sent'] }, () => undefined)).rejects.toMatchObject({ reason: 'BUS_ACCESS_REFUSED', retryable: false, message: expect.stringContaining('amqp://guest:•••@127.0.0.1:5672 refused the login') });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(attempts).toBe(1);
    await bus.close();
  });

  it('bounds the wait of subscribe() by connectTimeoutMs, not publishTimeoutMs', async () => {
    const bus = createRabbitMqBus({ url: 'amqp://127.0.0.1:1', connectTimeoutMs: 150, publishTimeoutMs: 60_000, reconnect: { initialDelayMs: 20, maxDelayMs: 40 }, onLog: () => undefined, connect: async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    } });
    const started = Date.now();
    await expect(bus.subscribe({ queue: 'q', topics: ['sms.sent'] }, () => undefined)).rejects.toMatchObject({ reason: 'BUS_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(2_000);
    await bus.close();
  });
});
