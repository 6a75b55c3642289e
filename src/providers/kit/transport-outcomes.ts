import { SmsError } from '../../errors/sms-error';
import { classification as row, type ErrorClassification } from './error-classification';

/**
 * Outcomes decided by the adapter itself rather than by a provider error code. One table, so the
 * documentation and the tests read the same rows.
 */
export const TRANSPORT_OUTCOMES = {
  /** DNS, refused, unreachable, connect timeout, TLS handshake: nothing reached the provider. */
  connectFailed: row('PROVIDER_ERROR', 'CONNECTION_FAILED', true, 'provider', false, 'could not connect; the message was not sent.'),
  /** The deadline passed after the request may have been written (docs/reliability.md#three-outcomes-per-attempt). */
  timedOut: row('TIMEOUT', 'RESPONSE_TIMEOUT', false, 'provider', true, 'no answer in time; the message may have been accepted.'),
  /** The deadline passed before the SDK dispatched any request. */
  timedOutBeforeRequest: row('TIMEOUT', 'TIMEOUT_BEFORE_REQUEST', true, 'provider', false, 'the deadline passed before the request was sent; the message was not sent.'),
  // The caller's signal aborts every provider alike, so an abort is a `request` fault: never fail over.
  /** The caller's signal aborted a request in flight. */
  abortedInFlight: row('TIMEOUT', 'ABORTED', false, 'request', true, 'the send was aborted while the request was in flight; the message may have been accepted.'),
  /** The caller's signal was aborted before any request was dispatched. */
  abortedBeforeRequest: row('TIMEOUT', 'ABORTED', false, 'request', false, 'the send was aborted before the request was sent; the message was not sent.'),
  /** Reset or broken connection after the request may have been written. */
  connectionLost: row('PROVIDER_ERROR', 'CONNECTION_LOST', false, 'provider', true, 'the connection broke during the request; the message may have been accepted.'),
  /** A 2xx whose body could not be read: accepted, but the provider id is unknown. */
  unreadableResponse: row('PROVIDER_ERROR', 'UNREADABLE_RESPONSE', false, 'provider', true, 'the provider accepted the request but its answer could not be read; the message was probably accepted.'),
  /** The SDK failed before dispatching anything (bad option, internal error). */
  sdkFailedBeforeRequest: row('PROVIDER_ERROR', 'SDK_ERROR', false, 'provider', false, 'the provider SDK failed before sending the request; the message was not sent.'),
} as const satisfies Record<string, ErrorClassification>;

/**
 * Builds the `SmsError` for an adapter-decided outcome. `cause` is the error that led to it, chosen by
 * the adapter so it never carries the request (see `originalTransportError`); `toJSON` reduces it to
 * name and code.
 *
 * @example
 * createTransportError({ provider: 'twilio', classification: TRANSPORT_OUTCOMES.connectFailed, transportCode: 'ECONNREFUSED' });
 */
export function createTransportError(options: {
  provider: string;
  /** The name in messages: `Twilio`. Default: the id. */
  displayName?: string;
  classification: ErrorClassification;
  transportCode?: string;
  httpStatus?: number;
  cause?: unknown;
}): SmsError {
  const name = options.displayName ?? options.provider;
  const detail = options.transportCode === undefined ? '' : ` (${options.transportCode})`;
  const { classification } = options;
  return new SmsError({
    code: classification.code,
    reason: classification.reason,
    message: `${name}: ${classification.meaning}${detail}`,
    retryable: classification.retryable,
    fault: classification.fault,
    outcomeUnknown: classification.outcomeUnknown,
    provider: options.provider,
    httpStatus: options.httpStatus,
    cause: options.cause,
  });
}
