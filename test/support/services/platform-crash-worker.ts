/**
 * One worker process of the crash tests: the RabbitMQ bus, the Redis idempotency store (or, with
 * `postgresUrl`, every store on PostgreSQL), and a fake provider that takes `delayMs` and writes
 * `call <body>` before and `accepted <body>`, `accepted-id <message id> <provider message id>` and
 * `provider-holds <the message as the provider would list it, JSON>` after each send to `callsFile`, synchronously, so a SIGKILL cannot lose a line. With `crashOnBody` the process
 * SIGKILLs itself right after the provider accepted that body, before the worker records or answers it.
 * Prints `ready` once consuming; stops cleanly on SIGTERM.
 *
 * Run: node --import tsx test/support/services/platform-crash-worker.ts '{"amqpUrl":…,"exchange":…,"queue":…,"redisUrl":…,"keyPrefix":…,"callsFile":…}'
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createRabbitMqBus } from '../../../src/adapters/rabbitmq/create-rabbitmq-bus';
import { createPostgresIdempotencyStore } from '../../../src/adapters/postgres/postgres-idempotency-store';
import { createPostgresMessageStore } from '../../../src/adapters/postgres/postgres-message-store';
import { createRedisIdempotencyStore } from '../../../src/adapters/redis/redis-idempotency-store';
import { createSmsWorker } from '../../../src/platform/create-sms-worker';
import { createWorkerEventPublisher } from '../../../src/platform/create-worker-event-publisher';
import type { SmsProvider } from '../../../src/providers/provider';
import { SMSService } from '../../../src/service/sms-service';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';

interface CrashWorkerSettings {
  amqpUrl: string;
  exchange: string;
  queue: string;
  redisUrl: string;
  keyPrefix: string;
  callsFile: string;
  concurrency: number;
  delayMs: number;
  name: string;
  postgresUrl?: string;
  schema?: string;
  crashOnBody?: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as CrashWorkerSettings;
// Provider ids unique across worker processes, as a real provider's are.
const fake = createFakeProvider({ id: 'twilio', outcomes: () => ({ type: 'accept', delayMs: settings.delayMs, providerMessageId: `SM${randomUUID().replaceAll('-', '')}` }) });
const provider: SmsProvider = {
  ...fake,
  async send(request, options) {
    appendFileSync(settings.callsFile, `call ${request.body}\n`);
    const result = await fake.send(request, options);
    const held = { providerMessageId: result.providerMessageId, to: request.to, from: request.from ?? null, body: request.body, createdAt: new Date().toISOString() };
    appendFileSync(settings.callsFile, `accepted ${request.body}\naccepted-id ${request.messageId} ${result.providerMessageId}\nprovider-holds ${JSON.stringify(held)}\n`);
    if (request.body === settings.crashOnBody) process.kill(process.pid, 'SIGKILL');
    return result;
  },
};
const bus = createRabbitMqBus({ url: settings.amqpUrl, exchange: settings.exchange, connectionName: settings.name, onLog: () => undefined });
const postgres = settings.postgresUrl === undefined ? undefined : { connectionString: settings.postgresUrl, ...(settings.schema === undefined ? {} : { schema: settings.schema }) };
const store = postgres === undefined ? createRedisIdempotencyStore({ url: settings.redisUrl, keyPrefix: settings.keyPrefix }) : createPostgresIdempotencyStore(postgres);
const messages = postgres === undefined ? {} : { store: createPostgresMessageStore(postgres) };
// A key held by a killed worker stays in flight for its lease (5 min): a redelivery waits 1.5 s for it,
// then answers outcome unknown instead of sending again.
const service = new SMSService({ providers: [provider], ...messages, events: createWorkerEventPublisher({ bus }), idempotency: { store, waitTimeoutMs: 1_500, pollIntervalMs: 50 } });
// Decisions other than plain sends go to stderr, for the test's output when something is off.
const worker = createSmsWorker({
  service,
  bus,
  queue: settings.queue,
  concurrency: settings.concurrency,
  onLog: (entry) => {
    if (entry.event !== 'request.sent') process.stderr.write(`${settings.name} ${JSON.stringify(entry)}\n`);
  },
});

process.once('SIGTERM', () => {
  void (async () => {
    await worker.stop();
    await bus.close();
    await store.close();
    await messages.store?.close();
    process.exit(0);
  })();
});

// Connect first: a Redis store on its first use refuses the commands that race its connection.
await store.release({ key: 'warm-up', token: settings.name });
await worker.start();
console.log('ready');
