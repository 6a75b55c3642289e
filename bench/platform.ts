/**
 * Platform mode through RabbitMQ (127.0.0.1:5672, or AMQP_URL), in one run on one broker:
 * - raw amqplib: persistent messages published on a confirm channel (every confirm awaited) and consumed
 *   with manual acks from a durable quorum queue: messages/s;
 * - raw amqplib round trips: the same request → reply flow with the same bytes, no library;
 * - end to end: `client.request()` → `sms.send_request` → worker → `SMSService.send()` with a fake
 *   provider and an idempotency key → `sms.sent` → the client: requests/s, with the same kinds of queue;
 * - the same with `send()` stubbed, to tell the bus, worker and client apart from the send pipeline.
 * Each end-to-end request is two confirmed, persistent messages plus a send; the target is at least half
 * the raw rate. Client, worker and broker run on this machine. Skipped with a note when RabbitMQ is
 * unreachable.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import amqplib from 'amqplib';
import { createRabbitMqBus, type RabbitMqBus } from '../src/adapters/rabbitmq/create-rabbitmq-bus';
import { createSmsClient, createSmsWorker, createWorkerEventPublisher, SMSService } from '../src/index';
import { createFakeProvider } from '../src/testing/index';
import { formatNumber, type Measurement } from './measure';

const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

function toMeasurement(name: string, operations: number, elapsedMs: number): Measurement {
  return { name, operations, elapsedMs, operationsPerSecond: (operations / elapsedMs) * 1000, microsecondsPerOperation: (elapsedMs * 1000) / operations };
}

/** Publishes `count` persistent messages with confirms and consumes them with acks; times the whole. */
async function measureRaw(count: number, prefetch: number): Promise<Measurement> {
  const queue = `bench-raw-${randomUUID().slice(0, 8)}`;
  const publisher = await amqplib.connect(amqpUrl);
  const consumer = await amqplib.connect(amqpUrl);
  try {
    const channel = await publisher.createConfirmChannel();
    await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    const consuming = await consumer.createChannel();
    await consuming.prefetch(prefetch);
      const body = Buffer.from(JSON.stringify(sameSizeRequest(randomUUID())));
    const run = async (total: number): Promise<number> => {
      let received = 0;
      let done: () => void = () => undefined;
      const allReceived = new Promise<void>((resolve) => (done = resolve));
      const { consumerTag } = await consuming.consume(queue, (message) => {
        if (message === null) return;
        consuming.ack(message);
        received += 1;
        if (received === total) done();
      });
      const start = performance.now();
      const confirms: Promise<void>[] = [];
      for (let index = 0; index < total; index += 1) {
        confirms.push(new Promise((resolve, reject) => channel.sendToQueue(queue, body, { persistent: true, contentType: 'application/json' }, (error: unknown) => (error ? reject(error) : resolve()))));
        // Let the socket drain now and then, as a real publisher's awaits would.
        if (index % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(confirms);
      await allReceived;
      const elapsed = performance.now() - start;
      await consuming.cancel(consumerTag);
      return elapsed;
    };
    await run(Math.min(500, count));
    return toMeasurement('raw amqplib: one-way message, confirmed publish + acked consume', count, await run(count));
  } finally {
    const cleanup = await publisher.createChannel();
    await cleanup.deleteQueue(queue);
    await publisher.close();
    await consumer.close();
  }
}

/**
 * The same message flow in raw amqplib, without the library: a requester publishes a persistent JSON
 * request through a topic exchange (confirmed) to a durable quorum queue; a responder consumes it
 * (prefetch `concurrency`), publishes a persistent reply (confirmed) to a classic queue, then acks; the
 * requester consumes the reply and acks. At most `window` round trips at once, as end to end.
 */
async function measureRawRoundTrips(count: number, concurrency: number, window: number): Promise<Measurement> {
  const exchange = `bench-raw-rt-${randomUUID().slice(0, 8)}`;
  const requests = `${exchange}.requests`;
  const replies = `${exchange}.replies`;
  const requesterConnection = await amqplib.connect(amqpUrl);
  const responderConnection = await amqplib.connect(amqpUrl);
  try {
    const requester = await requesterConnection.createConfirmChannel();
    await requester.assertExchange(exchange, 'topic', { durable: true });
    await requester.assertQueue(requests, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await requester.assertQueue(replies, { durable: true, arguments: { 'x-queue-type': 'classic' } });
    await requester.bindQueue(requests, exchange, 'request');
    await requester.bindQueue(replies, exchange, 'reply');
    const responder = await responderConnection.createConfirmChannel();
    await responder.prefetch(concurrency);
    await responder.consume(requests, (message) => {
      if (message === null) return;
      const request = JSON.parse(message.content.toString()) as { request_id: string; correlation_id: string; tenant_id: string; data: { to_number: string } };
      const reply = Buffer.from(JSON.stringify(sameSizeAnswer(request)));
      responder.publish(exchange, 'reply', reply, { persistent: true, contentType: 'application/json' }, (error: unknown) => {
        if (!error) responder.ack(message);
      });
    });
    const replyChannel = await requesterConnection.createChannel();
    await replyChannel.prefetch(200);
    const waiting = new Map<string, () => void>();
    await replyChannel.consume(replies, (message) => {
      if (message === null) return;
      const reply = JSON.parse(message.content.toString()) as { request_id: string };
      waiting.get(reply.request_id)?.();
      waiting.delete(reply.request_id);
      replyChannel.ack(message);
    });
    const roundTrip = async (id: string) => {
      const answered = new Promise<void>((resolve) => waiting.set(id, resolve));
      const body = Buffer.from(JSON.stringify(sameSizeRequest(id)));
      await new Promise<void>((resolve, reject) => requester.publish(exchange, 'request', body, { persistent: true, contentType: 'application/json' }, (error: unknown) => (error ? reject(error) : resolve())));
      await answered;
    };
    const batch = async (total: number): Promise<number> => {
      let started = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: window }, async () => {
          while (started < total) {
            started += 1;
            await roundTrip(randomUUID());
          }
        }),
      );
      return performance.now() - start;
    };
    await batch(Math.min(500, count));
    return toMeasurement(`raw amqplib: the same request → reply round trip`, count, await batch(count));
  } finally {
    const cleanup = await requesterConnection.createChannel();
    await cleanup.deleteQueue(requests);
    await cleanup.deleteQueue(replies);
    await cleanup.deleteExchange(exchange);
    await requesterConnection.close();
    await responderConnection.close();
  }
}

/** A request shaped and sized like the client's envelope, so raw and end to end move the same bytes. */
function sameSizeRequest(id: string) {
  return {
    type: 'sms.send_request',
    schema_version: 1,
    request_id: id,
    correlation_id: id,
    tenant_id: 'org-1',
    idempotency_key: id,
    ttl: 3600,
    created_at: new Date().toISOString(),
    data: { to_number: '+14155552671', body: 'Your verification code is 482913.', metadata: {} },
  };
}

/** An answer shaped and sized like the worker's `sms.sent`. */
function sameSizeAnswer(request: { request_id: string; correlation_id: string; tenant_id: string; data: { to_number: string } }) {
  return {
    type: 'sms.sent',
    schema_version: 1,
    event_id: randomUUID(),
    correlation_id: request.correlation_id,
    request_id: request.request_id,
    tenant_id: request.tenant_id,
    timestamp: new Date().toISOString(),
    status: 'success',
    data: { message_id: randomUUID(), provider_message_id: 'twilio-1', to_number: request.data.to_number, from_number: null, provider: 'twilio', cost: '0.0075', currency: 'USD', segments: 1, encoding: 'GSM-7', error: null, metadata: {} },
  };
}

/** `count` requests through the client, the worker and back, at most `window` at once. */
async function measureEndToEnd(count: number, concurrency: number, window: number, stubbedSend = false): Promise<Measurement> {
  const exchange = `bench-platform-${randomUUID().slice(0, 8)}`;
  const queue = `${exchange}.requests`;
  const workerBus = createRabbitMqBus({ url: amqpUrl, exchange, connectionName: 'bench-worker' });
  const clientBus = createRabbitMqBus({ url: amqpUrl, exchange, connectionName: 'bench-client' });
  const provider = createFakeProvider({ id: 'twilio' });
  const service = new SMSService({ providers: [provider], events: createWorkerEventPublisher({ bus: workerBus }) });
  // Stubbed: every request gets one prepared result, to show the bus, worker and client without the send pipeline.
  const prepared = stubbedSend ? await service.send({ to: '+14155552671', body: 'Your verification code is 482913.' }) : undefined;
  const worker = createSmsWorker({ service: prepared === undefined ? service : { send: async () => prepared }, bus: workerBus, queue, concurrency });
  const client = createSmsClient({ bus: clientBus, timeoutMs: 120_000 });
  const run = randomUUID().slice(0, 8);
  let sequence = 0;
  const batch = async (total: number): Promise<number> => {
    let started = 0;
    const start = performance.now();
    const lane = async () => {
      while (started < total) {
        started += 1;
        sequence += 1;
        if (provider.calls.length > 10_000) provider.reset();
        const response = await client.request({ tenantId: 'org-1', to: '+14155552671', body: 'Your verification code is 482913.', idempotencyKey: `${run}-${sequence}` });
        if (response.type !== 'sms.sent') throw new Error(`Unexpected answer ${response.type}`);
      }
    };
    await Promise.all(Array.from({ length: window }, lane));
    return performance.now() - start;
  };
  try {
    await worker.start();
    await batch(Math.min(500, count));
    return toMeasurement(stubbedSend ? 'tools-core bus + worker + client, send() stubbed' : 'tools-core end to end: client → worker → send → answer', count, await batch(count));
  } finally {
    await client.close();
    await worker.stop();
    await cleanUp([workerBus, clientBus], exchange);
  }
}

async function cleanUp(buses: RabbitMqBus[], exchange: string): Promise<void> {
  const queues = new Set(buses.flatMap((bus) => bus.declaredQueues()));
  await Promise.all(buses.map((bus) => bus.close()));
  const connection = await amqplib.connect(amqpUrl);
  const channel = await connection.createChannel();
  for (const queue of queues) await channel.deleteQueue(queue);
  await channel.deleteExchange(exchange);
  await connection.close();
}

async function reachable(): Promise<string | undefined> {
  try {
    const connection = await amqplib.connect(amqpUrl, { timeout: 2_000 });
    await connection.close();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function runPlatformBenchmark(requests = 10_000): Promise<void> {
  console.log('\nPlatform mode through RabbitMQ, one broker, one run: durable queues, persistent messages, publisher confirms, manual acks');
  const unreachable = await reachable();
  if (unreachable !== undefined) {
    console.log(`Skipped: RabbitMQ at ${amqpUrl.replace(/:[^:@/]*@/, ':•••@')} is unreachable (${unreachable}).`);
    return;
  }
  const concurrency = 500;
  const window = 1_000;
  const oneWay = await measureRaw(requests * 2, 200);
  const roundTrips = await measureRawRoundTrips(requests, concurrency, window);
  const endToEnd = await measureEndToEnd(requests, concurrency, window);
  const machinery = await measureEndToEnd(requests, concurrency, window, true);
  console.table(
    [oneWay, roundTrips, endToEnd, machinery].map((result) => ({
      task: result.name,
      operations: result.operations,
      'per second': formatNumber(result.operationsPerSecond),
      'µs each': formatNumber(result.microsecondsPerOperation, 1),
      'vs raw round trips': `${formatNumber(result.operationsPerSecond / roundTrips.operationsPerSecond, 2)}x`,
    })),
  );
  console.log(
    `End to end: ${formatNumber((endToEnd.operationsPerSecond / roundTrips.operationsPerSecond) * 100)} % of raw amqplib round trips (target: at least 50 %). ` +
      `Each request is two messages, so ${formatNumber(endToEnd.operationsPerSecond * 2)} messages/s, ${formatNumber(((endToEnd.operationsPerSecond * 2) / oneWay.operationsPerSecond) * 100)} % of raw one-way messages/s. ` +
      'Client, worker and broker share this machine.',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runPlatformBenchmark();
  process.exit(0);
}
