/**
 * A platform-mode worker process: consumes `sms.send_request` from RabbitMQ, sends through Twilio (and
 * Telnyx as failover) from environment variables, answers with `sms.sent` / `sms.failed`, and stops
 * cleanly on SIGTERM. The Redis idempotency store keeps a redelivered request from being sent twice,
 * across restarts and several worker processes.
 *
 *   AMQP_URL=amqp://guest:guest@127.0.0.1:5672 REDIS_URL=redis://127.0.0.1:6379 \
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… TWILIO_PHONE_NUMBER=+1… \
 *   npx tsx examples/platform-worker.ts
 *
 * The same thing ships as a command: `tools-core worker` (docs/platform-mode.md). The test suite runs
 * `startPlatformWorker` on the in-memory bus with nock answering for Twilio
 * (test/examples/platform-worker-and-host.test.ts).
 */
import { pathToFileURL } from 'node:url';
import { createSmsWorker, createWorkerEventPublisher, SMSService, type EventBus, type IdempotencyStore, type SmsWorker } from '@ocelot-platform/tools-core';
import { createRabbitMqBus } from '@ocelot-platform/tools-core/rabbitmq';
import { createRedisIdempotencyStore } from '@ocelot-platform/tools-core/redis';

export interface PlatformWorkerSetup {
  bus: EventBus;
  store: IdempotencyStore;
  env: Readonly<Record<string, string | undefined>>;
  log?: (line: string) => void;
}

export async function startPlatformWorker({ bus, store, env, log = console.log }: PlatformWorkerSetup): Promise<SmsWorker> {
  const sms = SMSService.fromEnv(env, {
    // The worker publishes each answer itself; retries and quota notices go straight to the bus.
    events: createWorkerEventPublisher({ bus }),
    idempotency: { store },
  });
  const worker = createSmsWorker({ service: sms, bus, concurrency: 20, onLog: (entry) => log(JSON.stringify(entry)) });
  await worker.start();
  return worker;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bus = createRabbitMqBus({ url: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672' });
  const store = createRedisIdempotencyStore({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
  const worker = await startPlatformWorker({ bus, store, env: process.env });
  process.once('SIGTERM', () => {
    // Answer what is in progress, give the rest back to the queue, then close.
    void worker
      .stop()
      .then(() => bus.close())
      .then(() => store.close());
  });
}
