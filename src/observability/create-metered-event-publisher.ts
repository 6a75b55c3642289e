import type { EventPublisher } from '../events/event-publisher';
import type { SmsEvent } from '../events/sms-event';
import { calculateSegments } from '../segments/calculate-segments';
import { decimalToMicros } from '../segments/money';
import type { MeterLike } from './meter-like';

export interface MeteredEventPublisherOptions {
  /** The publisher the events go on to (the service's `events`, a worker's `createWorkerEventPublisher`). */
  readonly publisher: EventPublisher;
  /** An OpenTelemetry meter: `metrics.getMeter('sms')`. */
  readonly meter: MeterLike;
}

/**
 * The event publisher with the host's metrics recorded from what it publishes (docs/observability.md#metrics),
 * then every event passed on unchanged: a decorator returning the same port. Labels are bounded (status, error
 * code, provider, direction, currency), never a tenant, number or id:
 *
 * - `sms_messages_sent` {status `success` | `failed`, error_code, provider}: one per `sms.sent` / `sms.failed`
 *   (Prometheus: `sms_messages_sent_total`);
 * - `sms_message_segments` {direction}: segments of each message sent and received (a histogram);
 * - `sms_delivery_status` {status, provider}: one per `sms.status` (Prometheus: `sms_delivery_status_total`);
 * - `sms_send_retries` {provider, error_code}: one per `sms.retrying`;
 * - `sms_cost_micros` {provider, currency}: the list price of what was sent, in millionths.
 *
 * @example
 * const events = createMeteredEventPublisher({ publisher: createInMemoryEventPublisher(), meter: metrics.getMeter('sms') });
 * const sms = new SMSService({ providers, events });
 */
export function createMeteredEventPublisher(options: MeteredEventPublisherOptions): EventPublisher {
  const { publisher, meter } = options;
  const sent = meter.createCounter('sms_messages_sent', { description: 'SMS sends by outcome (sms.sent, sms.failed)' });
  const segments = meter.createHistogram('sms_message_segments', { description: 'Segments per message', advice: { explicitBucketBoundaries: [1, 2, 3, 4, 6, 10] } });
  const delivery = meter.createCounter('sms_delivery_status', { description: 'Delivery statuses reported by providers (sms.status)' });
  const retries = meter.createCounter('sms_send_retries', { description: 'Retries of sends that failed without sending (sms.retrying)' });
  const cost = meter.createCounter('sms_cost_micros', { description: 'List price of the messages sent, in millionths of the currency', unit: '{micro}' });

  const record = (event: SmsEvent): void => {
    switch (event.type) {
      case 'sms.sent':
      case 'sms.failed': {
        const provider = event.data.provider ?? 'none';
        sent.add(1, { status: event.type === 'sms.sent' ? 'success' : 'failed', error_code: event.data.error?.code ?? '', provider });
        if (event.data.segments !== null && event.type === 'sms.sent') segments.record(event.data.segments, { direction: 'outbound' });
        if (event.data.cost !== null && event.data.currency !== null) cost.add(decimalToMicros(event.data.cost, 'cost'), { provider, currency: event.data.currency });
        return;
      }
      case 'sms.status':
        delivery.add(1, { status: event.data.status, provider: event.data.provider });
        return;
      case 'sms.received':
        segments.record(calculateSegments(event.data.body).segments, { direction: 'inbound' });
        return;
      case 'sms.retrying':
        retries.add(1, { provider: event.data.provider ?? 'none', error_code: event.data.error?.code ?? '' });
        return;
      default:
        return;
    }
  };

  return {
    publish(event: SmsEvent): Promise<void> {
      record(event);
      return publisher.publish(event);
    },
  };
}
