import { hostname } from 'node:os';
import { createRabbitMqBus } from '../adapters/rabbitmq/create-rabbitmq-bus';
import { createRedisIdempotencyStore } from '../adapters/redis/redis-idempotency-store';
import type { EventBus } from '../platform/event-bus';
import { createSmsWorker } from '../platform/create-sms-worker';
import { createWorkerEventPublisher } from '../platform/create-worker-event-publisher';
import { SMSService } from '../service/sms-service';
import { createCliLogger } from './create-cli-logger';
import type { SMSServiceOptions } from '../service/sms-service-options';
import { createFakeProvider } from '../testing/create-fake-provider';
import { classifyStartFailure, type StartStage } from './classify-start-failure';
import type { LogEntry } from './create-json-logger';
import type { WorkerCommandOptions } from './parse-worker-arguments';

export interface WorkerCommandIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: (entry: LogEntry) => void;
  /** Resolves with the signal's name when the process is asked to stop. */
  readonly stopRequested: Promise<string>;
}

/**
 * `tools-core worker`: the worker on RabbitMQ with the Redis idempotency store and providers from the
 * environment (`SMSService.fromEnv`), or the fake provider. Before consuming it runs the providers'
 * preflight (`sms.ready()`), probes Redis and connects to the broker. Logs structured entries; on the
 * stop signal it stops consuming, drains the requests in progress, closes the bus and the store, and
 * returns 0. Returns 2 when the configuration cannot work (a malformed or refused `--amqp-url` /
 * `--redis-url`, a provider SDK not installed), 1 when it cannot start for now (no provider configured,
 * broker or Redis unreachable).
 *
 * @example
 * const code = await runWorkerCommand(options, { env: process.env, log, stopRequested });
 */
export async function runWorkerCommand(options: WorkerCommandOptions, io: WorkerCommandIo): Promise<number> {
  const { log } = io;
  const opened: { close(): Promise<void> }[] = [];
  const fail = async (stage: StartStage, error: unknown): Promise<number> => {
    const failure = classifyStartFailure(stage, error);
    // Closed first, so a reconnection still retrying logs nothing after the verdict: the failure is the last line.
    for (const resource of opened.reverse()) await resource.close().catch(() => undefined);
    log({ level: 'error', event: 'worker.start_failed', component: 'cli', exit_code: failure.exitCode, ...(failure.flag === null ? {} : { flag: failure.flag }), message: failure.message });
    return failure.exitCode;
  };

  let bus: EventBus;
  try {
    bus = createRabbitMqBus({
      url: options.amqpUrl,
      exchange: options.exchange,
      connectionName: `tools-core-worker@${hostname()}:${process.pid}`,
      connectTimeoutMs: options.connectTimeoutMs,
      onLog: (entry) => log({ component: 'bus', ...entry }),
    });
  } catch (error) {
    return fail('amqp-url', error);
  }
  opened.push(bus);
  let store: ReturnType<typeof createRedisIdempotencyStore>;
  try {
    store = createRedisIdempotencyStore({ url: options.redisUrl });
  } catch (error) {
    return fail('redis-url', error);
  }
  opened.push(store);
  const shared: Omit<SMSServiceOptions, 'providers'> = {
    events: createWorkerEventPublisher({ bus, onError: (error, event) => log({ level: 'warn', event: 'event.publish_failed', component: 'worker', type: event.type, message: messageOf(error) }) }),
    idempotency: { store },
    logger: createCliLogger(log, 'worker'),
    onBackgroundError: (error, context) => log({ level: 'warn', event: 'service.background_error', component: 'worker', stage: context.stage, message_id: context.messageId, message: messageOf(error) }),
  };

  let service: SMSService;
  try {
    service =
      options.provider === 'fake'
        ? new SMSService({ ...shared, providers: [createFakeProvider({ id: 'fake', outcomes: () => ({ type: 'accept', delayMs: options.fakeDelayMs }) })] })
        : SMSService.fromEnv(io.env, shared);
  } catch (error) {
    return fail('service', error);
  }
  try {
    // Every provider SDK loads now, not at the first request (docs/platform-mode.md#preflight-smsready).
    const readiness = await service.ready({ allowMissingFallback: options.allowMissingFallback });
    for (const entry of readiness.providers) {
      if (!entry.ready) log({ level: 'warn', event: 'provider.unavailable', component: 'cli', provider: entry.provider, role: entry.role, reason: entry.error?.reason, message: `${entry.error?.message ?? ''} The worker starts without it (--allow-missing-fallback).` });
    }
  } catch (error) {
    return fail('providers', error);
  }
  try {
    // Fail at start, not on the first request, when Redis is unreachable or refuses the credentials.
    await store.release({ key: 'tools-core:worker-start-probe', token: 'probe' });
  } catch (error) {
    return fail('redis', error);
  }
  if (options.provider === 'fake') log({ level: 'warn', event: 'provider.fake', component: 'cli', message: 'The fake provider accepts every message and sends nothing: for development and tests only.' });

  const worker = createSmsWorker({ service, bus, queue: options.queue, concurrency: options.concurrency, drainTimeoutMs: options.drainTimeoutMs, onLog: (entry) => log({ component: 'worker', ...entry }) });
  try {
    await worker.start();
  } catch (error) {
    return fail('broker', error);
  }
  const signal = await io.stopRequested;
  log({ level: 'info', event: 'signal.received', component: 'cli', signal });
  await worker.stop();
  await bus.close().catch(() => undefined);
  await store.close().catch(() => undefined);
  log({ level: 'info', event: 'cli.exit', component: 'cli', code: 0 });
  return 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
