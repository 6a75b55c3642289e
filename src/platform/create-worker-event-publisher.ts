import type { EventPublisher } from '../events/event-publisher';
import type { SmsEvent } from '../events/sms-event';
import { workerSendContext } from './worker-send-context';

export interface WorkerEventPublisherOptions {
  /** Where `sms.retrying` and quota notices go: the worker's bus. */
  bus: EventPublisher;
  /** A progress event could not be published. Default: `process.emitWarning`. */
  onError?: (error: unknown, event: SmsEvent) => void;
}

/**
 * The `events` publisher for the `SMSService` a worker sends with. Inside a worker send, the service's
 * `sms.sent` / `sms.failed` are handed to the worker, which publishes the one response (with the
 * request's `request_id` and a `event_id` derived from it, acked only once confirmed); so nothing is
 * published twice. `sms.retrying` and quota notices go straight to the bus, best effort: a send never
 * waits for the broker. Outside a worker send, every event goes to the bus.
 *
 * @example
 * const bus = createRabbitMqBus({ url: 'amqp://127.0.0.1' });
 * const sms = SMSService.fromEnv(process.env, { events: createWorkerEventPublisher({ bus }) });
 * const worker = createSmsWorker({ service: sms, bus, concurrency: 20 });
 */
export function createWorkerEventPublisher(options: WorkerEventPublisherOptions): EventPublisher {
  const { bus } = options;
  const onError = options.onError ?? reportPublishError;
  return {
    async publish(event: SmsEvent): Promise<void> {
      const terminal = event.type === 'sms.sent' || event.type === 'sms.failed';
      const context = workerSendContext().getStore();
      if (terminal && context !== undefined) {
        context.terminal = event;
        return;
      }
      if (terminal) return bus.publish(event);
      bus.publish(event).catch((error: unknown) => onError(error, event));
    },
  };
}

function reportPublishError(error: unknown, event: SmsEvent): void {
  const detail = error instanceof Error ? error.message : String(error);
  process.emitWarning(`tools-core could not publish ${event.type}: ${detail}`, { code: 'TOOLS_CORE_EVENT_PUBLISH' });
}
