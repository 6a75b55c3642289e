import type { Logger } from '../logging/logger';
import { readLogger } from '../logging/read-logger';
import type { EventPublisher } from '../events/event-publisher';
import type { SmsEvent } from '../events/sms-event';

export interface WorkerEventPublisherOptions {
  /** Where `sms.retrying` and quota notices go: the worker's bus. */
  bus: EventPublisher;
  /** A progress event could not be published. Default: a warning on `logger`. */
  onError?: (error: unknown, event: SmsEvent) => void;
  /** A pino-compatible logger (docs/logging.md). Default: warnings as `process.emitWarning`. */
  logger?: Logger;
}

/**
 * The `events` publisher for the `SMSService` a worker sends with. The worker takes each send's
 * `sms.sent` / `sms.failed` itself (`captureResultEvent(() => service.send(request))`) and publishes the one response
 * (with the request's `request_id` and an `event_id` derived from it, acked only once confirmed), so
 * those never reach this publisher from a worker send. What does reach it: `sms.retrying` and quota
 * notices, forwarded best effort (a send never waits for the broker), and the terminal events of sends
 * made directly on the same service, published and awaited.
 *
 * @example
 * const bus = createRabbitMqBus({ url: 'amqp://127.0.0.1' });
 * const sms = SMSService.fromEnv(process.env, { events: createWorkerEventPublisher({ bus }) });
 * const worker = createSmsWorker({ service: sms, bus, concurrency: 20 });
 */
export function createWorkerEventPublisher(options: WorkerEventPublisherOptions): EventPublisher {
  const { bus } = options;
  const logger = readLogger(options.logger, 'options.logger');
  const onError = options.onError ?? ((error: unknown, event: SmsEvent) => reportPublishError(error, event, logger));
  return {
    async publish(event: SmsEvent): Promise<void> {
      if (event.type === 'sms.sent' || event.type === 'sms.failed') return bus.publish(event);
      bus.publish(event).catch((error: unknown) => onError(error, event));
    },
  };
}

function reportPublishError(error: unknown, event: SmsEvent, logger: Logger): void {
  const detail = error instanceof Error ? error.message : String(error);
  logger.warn({ code: 'TOOLS_CORE_EVENT_PUBLISH', eventType: event.type, err: error }, `tools-core could not publish ${event.type}: ${detail}`);
}
