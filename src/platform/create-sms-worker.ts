import type { Logger } from '../logging/logger';
import { readLogger } from '../logging/read-logger';
import { systemClock, type Clock } from '../clock';
import { ValidationError } from '../errors/validation-error';
import type { SMSService } from '../service/sms-service';
import { createReconcileSchedule, type WorkerReconcileOptions } from './create-reconcile-schedule';
import { createRequestProcessor } from './create-request-processor';
import type { BusDelivery, BusSubscription, EventBus } from './event-bus';
import type { SmsWorkerLogEntry } from './sms-worker-log-entry';

/** The queue workers share by default; `sms.send_request` is bound to it. */
export const DEFAULT_SEND_REQUEST_QUEUE = 'tools-core.sms.send_request';

export interface SmsWorkerOptions {
  /**
   * Sends each request. Build it with `events: createWorkerEventPublisher({ bus })`, and across processes
   * with the Redis idempotency store, which is what makes a redelivered request replay instead of send.
   * The worker takes the send's own `sms.sent` / `sms.failed` as its answer with `captureResultEvent`,
   * which follows the async context: a wrapper around the service has nothing to forward.
   */
  service: Pick<SMSService, 'send'> & Partial<Pick<SMSService, 'reconcile'>>;
  bus: EventBus;
  /** Requests processed at once (the subscription's prefetch). Default 10, at most 1000. */
  concurrency?: number;
  /** The shared work queue. Default `tools-core.sms.send_request`. */
  queue?: string;
  /** Retries of a failure that is not an `SmsError` (a bug) before the request is answered and dead-lettered. Default 3. */
  maxUnexpectedRetries?: number;
  /** How long `stop()` waits for requests in progress, in ms. Default 30 000. */
  drainTimeoutMs?: number;
  clock?: Clock;
  /** Receives one structured entry per decision (`request.sent`, `request.delayed`…). Default: each goes to `logger`. */
  onLog?: (entry: SmsWorkerLogEntry) => void;
  /**
   * A pino-compatible logger (docs/logging.md): each decision at its level, message = its event name.
   * Default: warnings and errors as `process.emitWarning`, nothing else.
   */
  logger?: Logger;
  /**
   * Reconcile while the worker runs (docs/reconciliation.md#in-the-worker): `service.reconcile()` every
   * `everyMs` (default 5 minutes), its summary logged. Off by default; one worker of many checks at a time.
   */
  reconcile?: WorkerReconcileOptions;
}

export interface SmsWorker {
  /** Subscribes to the queue; resolves once consuming. */
  start(): Promise<void>;
  /**
   * Graceful shutdown: stops taking requests, waits up to `drainTimeoutMs` for those in progress (each
   * answered and acked), then closes the subscription; anything still unsettled goes back to the queue.
   */
  stop(): Promise<void>;
  /** Requests in progress. */
  readonly inFlight: number;
}

/**
 * The platform-mode worker: consumes `sms.send_request` and answers each with one `sms.sent` or
 * `sms.failed` (docs/platform-mode.md#what-the-worker-does-with-each-request):
 * 1. an envelope that fails `smsSendRequestSchema` → `sms.failed` `VALIDATION_ERROR`, dead-lettered after
 *    this one delivery;
 * 2. past `created_at + ttl` → `sms.failed` `TIMEOUT`/`REQUEST_EXPIRED`, nothing sent;
 * 3. `service.send()` with the request's tenant, idempotency key and correlation id: a redelivery replays
 *    the first outcome instead of sending;
 * 4. refused by a quota (`RATE_LIMITED`) → redelivered after `retryAfterMs` through the bus's delay, holding
 *    no delivery; answered at once only when the retry would come after the ttl;
 * 5. the response is published, and the request acked only once the bus confirmed it. A crash in between
 *    redelivers the request; the answer it then repeats has the same `event_id`.
 *
 * @example
 * const worker = createSmsWorker({ service: sms, bus, concurrency: 20 });
 * await worker.start();
 * process.once('SIGTERM', () => void worker.stop());
 */
export function createSmsWorker(options: SmsWorkerOptions): SmsWorker {
  const { service, bus } = options;
  const concurrency = options.concurrency ?? 10;
  const queue = options.queue ?? DEFAULT_SEND_REQUEST_QUEUE;
  const maxUnexpectedRetries = options.maxUnexpectedRetries ?? 3;
  const drainTimeoutMs = options.drainTimeoutMs ?? 30_000;
  const clock = options.clock ?? systemClock;
  const logger = options.onLog === undefined ? readLogger(options.logger, 'options.logger') : undefined;
  const onLog = options.onLog ?? ((entry: SmsWorkerLogEntry) => logger?.[entry.level]({ ...entry }, entry.event));
  const log = onLog;
  checkWorkerOptions({ service, bus, concurrency, maxUnexpectedRetries, drainTimeoutMs });

  let state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  let subscription: BusSubscription | undefined;
  let stopping: Promise<void> | undefined;
  let inFlight = 0;
  let onDrained: (() => void) | undefined;

  const processRequest = createRequestProcessor({ service, bus, clock, maxUnexpectedRetries, log: onLog });
  const reconcile = service.reconcile?.bind(service);
  if (options.reconcile !== undefined && reconcile === undefined) {
    throw new ValidationError({ field: 'options.reconcile', reason: 'INVALID_OPTION', problem: 'is set, but the service has no reconcile().', fix: 'pass an SMSService (it reconciles), or leave reconcile out.' });
  }
  const schedule = options.reconcile === undefined || reconcile === undefined ? undefined : createReconcileSchedule({ reconcile, options: options.reconcile, log: onLog });

  const handle = async (delivery: BusDelivery): Promise<void> => {
    if (state !== 'running') {
      await delivery.requeue();
      return;
    }
    inFlight += 1;
    try {
      await processRequest(delivery);
    } catch (error) {
      // The bus could not take the response or the retry (a broker outage beyond its publish timeout).
      // Give the request back; if the connection is gone the broker already did.
      log({ level: 'error', event: 'request.requeued', message: error instanceof Error ? error.message : String(error), redelivered: delivery.redelivered });
      await delivery.requeue().catch(() => undefined);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) onDrained?.();
    }
  };

  return {
    async start() {
      if (state !== 'new') throw new ValidationError({ field: 'worker', reason: 'INVALID_STATE', problem: `is ${state}; start() runs once.`, fix: 'create a new worker to start again.' });
      state = 'running';
      try {
        subscription = await bus.subscribe({ queue, topics: ['sms.send_request'], prefetch: concurrency }, handle);
      } catch (error) {
        state = 'stopped';
        throw error;
      }
      schedule?.start();
      log({ level: 'info', event: 'worker.started', queue, concurrency });
    },
    stop() {
      stopping ??= (async () => {
        if (state !== 'running') {
          state = 'stopped';
          return;
        }
        state = 'stopping';
        log({ level: 'info', event: 'worker.stopping', in_flight: inFlight });
        await schedule?.stop();
        await subscription?.cancel();
        if (inFlight > 0) {
          let timer: NodeJS.Timeout | undefined;
          await new Promise<void>((resolve) => {
            onDrained = resolve;
            timer = setTimeout(resolve, drainTimeoutMs);
          });
          clearTimeout(timer);
        }
        const abandoned = inFlight;
        await subscription?.close();
        state = 'stopped';
        log({ level: abandoned === 0 ? 'info' : 'warn', event: 'worker.stopped', in_flight: abandoned });
      })();
      return stopping;
    },
    get inFlight() {
      return inFlight;
    },
  };
}

function checkWorkerOptions(options: { service: unknown; bus: unknown; concurrency: number; maxUnexpectedRetries: number; drainTimeoutMs: number }): void {
  const invalid = (field: string, problem: string, fix: string) => new ValidationError({ field: `options.${field}`, reason: 'INVALID_OPTION', problem, fix });
  if (typeof (options.service as { send?: unknown } | null)?.send !== 'function') throw invalid('service', 'has no send() method.', 'pass an SMSService.');
  const bus = options.bus as Partial<EventBus> | null;
  if (typeof bus?.publish !== 'function' || typeof bus.subscribe !== 'function') throw invalid('bus', 'is not an EventBus (publish, subscribe, close).', 'pass createInMemoryEventBus() or createRabbitMqBus({ url }).');
  if (!Number.isSafeInteger(options.concurrency) || options.concurrency < 1 || options.concurrency > 1_000) throw invalid('concurrency', `${String(options.concurrency)} is out of range.`, 'pass a whole number from 1 to 1000.');
  if (!Number.isSafeInteger(options.maxUnexpectedRetries) || options.maxUnexpectedRetries < 0 || options.maxUnexpectedRetries > 20) throw invalid('maxUnexpectedRetries', `${String(options.maxUnexpectedRetries)} is out of range.`, 'pass a whole number from 0 to 20.');
  if (!Number.isSafeInteger(options.drainTimeoutMs) || options.drainTimeoutMs < 0) throw invalid('drainTimeoutMs', `${String(options.drainTimeoutMs)} is out of range.`, 'pass a whole number of milliseconds.');
}
