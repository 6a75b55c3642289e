import { SmsError } from '../errors/sms-error';

/** Why a bus operation failed. */
export type BusErrorReason = 'BUS_CLOSED' | 'BUS_UNROUTABLE' | 'BUS_UNAVAILABLE' | 'BUS_PUBLISH_REFUSED' | 'BUS_INVALID_MESSAGE';

/**
 * A bus failure in the library's one error type: code `PROVIDER_ERROR`, `provider` naming the bus
 * (`memory`, `rabbitmq`), retryable unless the bus is closed or the message cannot be published at all.
 *
 * @example
 * throw busError({ reason: 'BUS_UNROUTABLE', bus: 'rabbitmq', message: 'No queue is bound for sms.send_request.' });
 */
export function busError(options: { reason: BusErrorReason; bus: string; message: string; cause?: unknown }): SmsError {
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: options.reason,
    message: options.message,
    retryable: options.reason !== 'BUS_CLOSED' && options.reason !== 'BUS_INVALID_MESSAGE',
    fault: 'provider',
    provider: options.bus,
    cause: options.cause,
  });
}
