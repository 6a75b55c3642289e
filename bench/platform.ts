/**
 * Platform mode through RabbitMQ (127.0.0.1:5672, or AMQP_URL), in one run on one broker:
 * - raw amqplib round trips: a persistent JSON request published on a confirm channel to a durable
 *   quorum queue, consumed with manual acks, answered with a persistent confirmed reply of the same size
 *   to a classic queue, acked; no library;
 * - end to end: `client.request()` → `sms.send_request` → worker → `SMSService.send()` with a fake
 *   provider and an idempotency key → `sms.sent` → the client, with the same kinds of queue;
 * - both at three loads (worker concurrency / requests in flight), interleaved round by round; the
 *   target (end to end at least half of raw) compares each side's throughput, its best rate over the loads;
 * - raw one-way messages/s, and end to end with `send()` stubbed, to tell the bus, worker and client
 *   apart from the send pipeline.
 * Client, worker and broker run on this machine. Skipped with a note when RabbitMQ is unreachable.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import amqplib from 'amqplib';
import { createRabbitMqBus, type RabbitMqBus } from '../src/adapters/rabbitmq/create-rabbitmq-bus';
import { createSmsClient, createSmsWorker, createWorkerEventPublisher, SMSService } from '../src';
import { createFakeProvider } from '../src/testing';
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

/** The middle value: with a broker sharing two cores, single runs swing by ±15 %. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** How hard a run pushes: requests the worker (or raw responder) takes at once, and requests in flight. */
interface Load {
  readonly concurrency: number;
  readonly window: number;
}

/**
 * From a worker at its default-ish concurrency to one pushed far past it. Throughput is what each side
 * reaches at its best load, so both are measured at every load and compared at their peaks; the ratio at
 * each load is shown too.
 */
const LOADS: readonly Load[] = [
  { concurrency: 20, window: 50 },
  { concurrency: 100, window: 200 },
  { concurrency: 500, window: 1_000 },
];

export async function runPlatformBenchmark(requests = 10_000, rounds = 3): Promise<void> {
  console.log('\nPlatform mode through RabbitMQ, one broker, one run: durable queues, persistent messages, publisher confirms, manual acks');
  const unreachable = await reachable();
  if (unreachable !== undefined) {
    console.log(`Skipped: RabbitMQ at ${amqpUrl.replace(/:[^:@/]*@/, ':•••@')} is unreachable (${unreachable}).`);
    return;
  }
  // Interleaved rounds: the broker's speed drifts (quorum-queue log, the other core's load), so raw and
  // end to end are measured side by side, load by load, in each round, and medians are compared.
  const oneWay: number[] = [];
  const raw = LOADS.map(() => [] as number[]);
  const endToEnd = LOADS.map(() => [] as number[]);
  const ratios = LOADS.map(() => [] as number[]);
  const machinery: number[] = [];
  const middleLoad = LOADS[1] as Load;
  for (let round = 0; round < rounds; round += 1) {
    oneWay.push((await measureRaw(requests * 2, 200)).operationsPerSecond);
    for (const [index, load] of LOADS.entries()) {
      const rawRate = (await measureRawRoundTrips(requests, load.concurrency, load.window)).operationsPerSecond;
      const endToEndRate = (await measureEndToEnd(requests, load.concurrency, load.window)).operationsPerSecond;
      raw[index]?.push(rawRate);
      endToEnd[index]?.push(endToEndRate);
      ratios[index]?.push(endToEndRate / rawRate);
    }
    machinery.push((await measureEndToEnd(requests, middleLoad.concurrency, middleLoad.window, true)).operationsPerSecond);
  }
  const rawMedians = raw.map(median);
  const endToEndMedians = endToEnd.map(median);
  console.table(
    LOADS.map((load, index) => ({
      'worker concurrency / in flight': `${load.concurrency} / ${load.window}`,
      'raw amqplib round trips/s': formatNumber(rawMedians[index] as number),
      'tools-core end to end requests/s': formatNumber(endToEndMedians[index] as number),
      'end to end vs raw (median of rounds)': `${formatNumber(median(ratios[index] as number[]), 2)}x`,
      rounds: (ratios[index] as number[]).map((ratio) => `${formatNumber(ratio, 2)}x`).join(' '),
    })),
  );
  const rawPeak = Math.max(...rawMedians);
  const endToEndPeak = Math.max(...endToEndMedians);
  const peakRatio = endToEndPeak / rawPeak;
  console.log(
    `Throughput at each side's best load: end to end ${formatNumber(endToEndPeak)} requests/s, raw ${formatNumber(rawPeak)} round trips/s: ` +
      `${formatNumber(peakRatio, 2)}x (target: at least 0.5x, ${peakRatio >= 0.5 ? 'met' : 'MISSED'}). ` +
      `Each request is two messages: ${formatNumber(endToEndPeak * 2)} messages/s against ${formatNumber(median(oneWay))} raw one-way messages/s (confirmed publish + acked consume). ` +
      `With send() stubbed, bus + worker + client alone reach ${formatNumber(median(machinery))} requests/s at ${middleLoad.concurrency} / ${middleLoad.window}. ` +
      'Client, worker and broker share this machine; an end-to-end request carries a request envelope validated on both sides, an E.164 check, an idempotency claim and record, a stored message record and a confirmed answer.',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runPlatformBenchmark();
  process.exit(0);
}
