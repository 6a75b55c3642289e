import type { Logger } from '../logging/logger';
import { readLogger } from '../logging/read-logger';
import type { EventPublisher } from './event-publisher';
import type { SmsEvent } from './sms-event';

export type SmsEventHandler<Event extends SmsEvent = SmsEvent> = (event: Event) => void | Promise<void>;

export interface InMemoryEventPublisherOptions {
  /**
   * Called when a subscriber throws or rejects. A failing subscriber never fails the publisher (the
   * message is already sent); by default the failure is a warning on `logger`.
   */
  onHandlerError?: (error: unknown, event: SmsEvent) => void;
  /** Default: warnings as `process.emitWarning` (docs/logging.md). */
  logger?: Logger;
}

class InMemoryEventPublisher implements EventPublisher {
  private readonly handlers = new Map<string, Set<SmsEventHandler>>();
  private readonly onHandlerError: (error: unknown, event: SmsEvent) => void;

  constructor(options: InMemoryEventPublisherOptions = {}) {
    const logger = readLogger(options.logger, 'options.logger');
    this.onHandlerError = options.onHandlerError ?? ((error, event) => reportHandlerError(error, event, logger));
  }

  /**
   * Registers `handler` for one event type, or for every event with `'*'`. Returns the function that
   * removes it.
   */
  subscribe<Type extends SmsEvent['type'] | '*'>(
    type: Type,
    handler: SmsEventHandler<Type extends '*' ? SmsEvent : SmsEvent & { type: Type }>,
  ): () => void {
    let set = this.handlers.get(type);
    if (set === undefined) {
      set = new Set();
      this.handlers.set(type, set);
    }
    const registered = handler as SmsEventHandler;
    set.add(registered);
    return () => {
      set.delete(registered);
    };
  }

  async publish(event: SmsEvent): Promise<void> {
    const specific = this.handlers.get(event.type);
    const wildcard = this.handlers.get('*');
    if (specific === undefined && wildcard === undefined) return;
    for (const handler of [...(specific ?? []), ...(wildcard ?? [])]) {
      try {
        await handler(event);
      } catch (error) {
        this.onHandlerError(error, event);
      }
    }
  }
}

function reportHandlerError(error: unknown, event: SmsEvent, logger: Logger): void {
  const detail = error instanceof Error ? error.message : String(error);
  logger.warn({ code: 'TOOLS_CORE_EVENT_HANDLER', eventType: event.type, err: error }, `An ${event.type} subscriber failed: ${detail}`);
}

export type { InMemoryEventPublisher };

/**
 * The embedded event bus: publish and subscribe in one process, no server. Handlers run in subscription
 * order; `publish` resolves after every handler has settled.
 *
 * @example
 * const events = createInMemoryEventPublisher();
 * const unsubscribe = events.subscribe('sms.sent', (event) => console.log(event.data.message_id));
 * const sms = new SMSService({ providers: [provider], events });
 */
export function createInMemoryEventPublisher(options: InMemoryEventPublisherOptions = {}): InMemoryEventPublisher {
  return new InMemoryEventPublisher(options);
}
