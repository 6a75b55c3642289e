import { SmsError } from '../errors/sms-error';

/** Why a bus operation failed. */
export type BusErrorReason =
  | 'BUS_CLOSED'
  | 'BUS_UNROUTABLE'
  | 'BUS_UNAVAILABLE'
  | 'BUS_PUBLISH_REFUSED'
  | 'BUS_INVALID_MESSAGE'
  /** The broker refused the credentials: waiting will not help. */
  | 'BUS_ACCESS_REFUSED'
  /** The broker refused the virtual host (it does not exist, or the user may not use it). */
  | 'BUS_VHOST_REFUSED';

/** Failures that only a change of configuration fixes. */
const PERMANENT: ReadonlySet<BusErrorReason> = new Set(['BUS_CLOSED', 'BUS_INVALID_MESSAGE', 'BUS_ACCESS_REFUSED', 'BUS_VHOST_REFUSED']);

/**
 * A bus failure in the library's one error type: code `PROVIDER_ERROR`, `provider` naming the bus
 * (`memory`, `rabbitmq`), retryable unless the bus is closed, the message cannot be published at all,
 * or the broker refused the credentials or the virtual host.
 *
 * @example
 * throw busError({ reason: 'BUS_UNROUTABLE', bus: 'rabbitmq', message: 'No queue is bound for sms.send_request.' });
 */
export function busError(options: { reason: BusErrorReason; bus: string; message: string; cause?: unknown }): SmsError {
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: options.reason,
    message: options.message,
    retryable: !PERMANENT.has(options.reason),
    fault: 'provider',
    provider: options.bus,
    cause: options.cause,
  });
}
