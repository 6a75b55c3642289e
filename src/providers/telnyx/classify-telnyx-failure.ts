import type { SmsError } from '../../errors/sms-error';
import type { HttpAttemptOutcome } from '../kit/run-http-attempt';
import { classifyInterruption } from '../kit/classify-interruption';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import { classifyTransportError } from '../kit/classify-transport-error';
import { headerReaderFrom, parseRetryAfterMs } from '../kit/retry-after';
import { originalTransportError, withheldMessage } from '../kit/original-transport-error';
import { mapTelnyxError } from './map-telnyx-error';

type RejectedAttempt = Extract<HttpAttemptOutcome<unknown>, { status: 'rejected' }>;

/**
 * Turns a failed Telnyx attempt into an `SmsError` (docs/reliability.md#three-outcomes-per-attempt, docs/reliability.md#classifying-provider-answers):
 * 1. the adapter's deadline or the caller's abort → outcome unknown, unless the fetch wrapper proves
 *    no request was dispatched (then not sent);
 * 2. an `APIError` with an HTTP status → {@link mapTelnyxError}, `Retry-After` from its headers;
 * 3. a failure after a 2xx (body unreadable or cut) → outcome unknown: Telnyx accepted something;
 * 4. an error before any request was dispatched → not sent;
 * 5. a transport error, read from the raw fetch error when the wrapper saw it (the SDK drops the
 *    cause of timeouts): connect failures not sent; the SDK's own timeout → TIMEOUT; else unknown.
 *
 * @example
 * throw classifyTelnyxFailure(outcome, { observable: true });
 */
export function classifyTelnyxFailure(outcome: RejectedAttempt, options: { observable: boolean }): SmsError {
  const interrupted = classifyInterruption(outcome, { provider: 'telnyx', displayName: 'Telnyx', observable: options.observable });
  if (interrupted !== undefined) return interrupted;
  const { observation, error } = outcome;
  const provenNotDispatched = options.observable && !observation.requestStarted;
  if (isTelnyxHttpError(error)) {
    return mapTelnyxError({
      httpStatus: error.status,
      body: error.error,
      retryAfterMs: parseRetryAfterMs(headerReaderFrom(error.headers)),
    });
  }
  const status = observation.response?.status;
  if (status !== undefined && status >= 200 && status < 300) {
    return createTransportError({ provider: 'telnyx', displayName: 'Telnyx', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus: status, cause: withheldMessage(error) });
  }
  if (provenNotDispatched) {
    return createTransportError({ provider: 'telnyx', displayName: 'Telnyx', classification: TRANSPORT_OUTCOMES.sdkFailedBeforeRequest, cause: originalTransportError(error, undefined) });
  }
  const transport = classifyTransportError(observation.transportError ?? error);
  const classification =
    transport.kind === 'connect-failed'
      ? TRANSPORT_OUTCOMES.connectFailed
      : transport.kind === 'timed-out' || isSdkTimeout(error)
        ? TRANSPORT_OUTCOMES.timedOut
        : TRANSPORT_OUTCOMES.connectionLost;
  return createTransportError({
    provider: 'telnyx',
    displayName: 'Telnyx',
    classification,
    transportCode: transport.code,
    cause: originalTransportError(error, observation.transportError),
  });
}

interface TelnyxHttpError {
  status: number;
  error?: unknown;
  headers?: unknown;
}

/**
 * The Stainless `APIError` subclasses for HTTP answers carry `status`, `headers` and the parsed body
 * as `error` (telnyx `core/error.js`); connection errors and aborts have no `status`.
 */
function isTelnyxHttpError(error: unknown): error is TelnyxHttpError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { status?: unknown; headers?: unknown };
  return typeof candidate.status === 'number' && Number.isInteger(candidate.status) && candidate.status >= 100 && candidate.status < 600 && 'headers' in candidate;
}

/** The SDK's own timeout: `APIConnectionTimeoutError` ("Request timed out."), which carries no cause. */
function isSdkTimeout(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  return (error as { constructor?: { name?: unknown } }).constructor?.name === 'APIConnectionTimeoutError';
}
