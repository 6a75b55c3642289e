import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { AmqpChannel, AmqpConnect, AmqpConnection } from '../../../src/adapters/rabbitmq/amqp-client-like';
import { createRabbitMqBus } from '../../../src/adapters/rabbitmq/create-rabbitmq-bus';
import { createRabbitMqConnector } from '../../../src/adapters/rabbitmq/create-rabbitmq-connector';
import { readRabbitMqBusOptions, type RabbitMqBusLogEntry } from '../../../src/adapters/rabbitmq/rabbitmq-bus-options';
import type { RabbitMqSession } from '../../../src/adapters/rabbitmq/rabbitmq-session';

/** amqplib's error for a wrong user or password (https://www.rabbitmq.com/docs/access-control#troubleshooting). */
const refusedLogin = () => new Error('Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN."');

/** An amqplib-like connection: the broker side drops it with `drop()`, as `rabbitmqctl close_connection` would. */
class FakeConnection extends EventEmitter {
  closed = false;
  readonly channel = Object.assign(new EventEmitter(), { assertExchange: async () => ({}) });

  async createConfirmChannel(): Promise<AmqpChannel> {
    return this.channel as unknown as AmqpChannel;
  }

  async createChannel(): Promise<AmqpChannel> {
    return this.channel as unknown as AmqpChannel;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  drop(): void {
    this.emit('close', new Error('Connection closed: 320 (CONNECTION-FORCED) with message "CONNECTION_FORCED - Closed via management plugin"'));
  }
}

/** A broker whose answer to each login is scripted: a connection, or an error thrown by connect(). */
function fakeBroker(answers: Array<'accept' | Error>) {
  const connections: FakeConnection[] = [];
  const attemptsAt: number[] = [];
  const connect: AmqpConnect = async () => {
    attemptsAt.push(Date.now());
    const answer = answers.shift() ?? 'accept';
    if (answer instanceof Error) throw answer;
    const connection = new FakeConnection();
    connections.push(connection);
    return connection as unknown as AmqpConnection;
  };
  return { connect, connections, attemptsAt };
}

function connector(connect: AmqpConnect, reconnect = { initialDelayMs: 10, maxDelayMs: 40 }) {
  const logs: RabbitMqBusLogEntry[] = [];
  const options = readRabbitMqBusOptions({ url: 'amqp://guest:s3cret@broker:5672', reconnect, coalesceWrites: false, connect, onLog: (entry) => logs.push(entry) });
  return { connector: createRabbitMqConnector(options), logs };
}

const nextSession = (connector: ReturnType<typeof createRabbitMqConnector>) =>
  new Promise<RabbitMqSession>((resolve) => {
    const remove = connector.onSession((session) => {
      remove();
      resolve(session);
    });
  });

describe('createRabbitMqConnector with an amqplib-like client (docs/platform-mode.md#rabbitmq)', () => {
  it('after a first connection, keeps retrying refused logins (ACCESS_REFUSED) with capped backoff until the broker accepts one', async () => {
    const broker = fakeBroker(['accept', refusedLogin(), refusedLogin(), refusedLogin(), refusedLogin(), 'accept']);
    const { connector: bus, logs } = connector(broker.connect);
    const first = await bus.session(Date.now() + 1_000);
    expect(first.generation).toBe(1);

    const reconnected = nextSession(bus);
    broker.connections[0]?.drop();
    expect(first.alive).toBe(false);
    const second = await reconnected;

    expect(second.generation).toBe(2);
    expect(bus.current()).toBe(second);
    expect(broker.attemptsAt).toHaveLength(6);
    const retrying = logs.filter((entry) => entry.event === 'connection.retrying');
    expect(retrying.map((entry) => entry.attempt)).toEqual([1, 2, 3, 4]);
    for (const entry of retrying) expect(entry.message).toContain('ACCESS_REFUSED');
    // Equal jitter over a doubling ceiling capped at maxDelayMs: [5, 10], [10, 20], [20, 40], [20, 40].
    const delays = retrying.map((entry) => entry.delay_ms ?? -1);
    expect(delays.map((delay, index) => delay >= [5, 10, 20, 20][index]! && delay <= [10, 20, 40, 40][index]!)).toEqual([true, true, true, true]);
    // Each retry waited its delay before the next login (timer slack allowed below, never above).
    for (let index = 2; index < broker.attemptsAt.length; index += 1) {
      expect(broker.attemptsAt[index]! - broker.attemptsAt[index - 1]!).toBeGreaterThanOrEqual(delays[index - 2]! - 2);
    }
    await bus.close();
  }, 5_000);

  it('while logins are refused after a loss, session() waits to its deadline and rejects BUS_UNAVAILABLE (retryable) naming the refusal', async () => {
    const broker = fakeBroker(['accept', ...Array.from({ length: 50 }, refusedLogin)]);
    const { connector: bus } = connector(broker.connect, { initialDelayMs: 10, maxDelayMs: 20 });
    await bus.session(Date.now() + 1_000);
    broker.connections[0]?.drop();
    const started = Date.now();
    const error = await bus.session(Date.now() + 200).catch((thrown: unknown) => thrown);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(error).toMatchObject({ reason: 'BUS_UNAVAILABLE', retryable: true, cause: { reason: 'BUS_ACCESS_REFUSED' } });
    expect((error as Error).message).toContain('refused the login (ACCESS_REFUSED)');
    expect((error as Error).message).not.toContain('s3cret');
    expect(broker.attemptsAt.length).toBeGreaterThan(3);
    await bus.close();
  });

  it('before any connection, a refused login fails at once with BUS_ACCESS_REFUSED, not retried', async () => {
    const broker = fakeBroker([refusedLogin(), 'accept']);
    const { connector: bus, logs } = connector(broker.connect);
    await expect(bus.session(Date.now() + 5_000)).rejects.toMatchObject({ reason: 'BUS_ACCESS_REFUSED', retryable: false });
    expect(broker.attemptsAt).toHaveLength(1);
    expect(logs.some((entry) => entry.event === 'connection.retrying')).toBe(false);
    await bus.close();
  });

  it('close() ends a backoff wait at once: no further login, the pending session rejects BUS_CLOSED', async () => {
    const broker = fakeBroker(['accept', refusedLogin(), 'accept']);
    const { connector: bus, logs } = connector(broker.connect, { initialDelayMs: 60_000, maxDelayMs: 60_000 });
    await bus.session(Date.now() + 1_000);
    broker.connections[0]?.drop();
    const pending = bus.session(Date.now() + 120_000);
    await expect.poll(() => logs.filter((entry) => entry.event === 'connection.retrying').length).toBe(1);
    const started = Date.now();
    await bus.close();
    await expect(pending).rejects.toMatchObject({ reason: 'BUS_CLOSED' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(broker.attemptsAt).toHaveLength(2);
    expect(broker.connections[0]?.closed).toBe(true);
  }, 5_000);
});

describe('createRabbitMqConnector through the bus, without a broker', () => {
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

  it('never connects on creation', async () => {
    let connects = 0;
    const bus = createRabbitMqBus({ url: 'amqp://broker', connect: async () => (connects += 1) as never });
    await bus.close();
    expect(connects).toBe(0);
  });
});
