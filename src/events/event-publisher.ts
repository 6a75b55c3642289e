import type { SmsEvent } from './sms-event';

/**
 * Where the library publishes events. The in-memory bus is the default; a RabbitMQ adapter or the host's
 * own bus implements the same one method. `publish` resolves once the event is handed over (for a broker:
 * confirmed).
 */
export interface EventPublisher {
  publish(event: SmsEvent): Promise<void>;
}
