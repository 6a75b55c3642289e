import type { SmsError } from '../../errors/sms-error';
import type { HttpAttemptOutcome } from '../kit/run-http-attempt';
import { classifyInterruption } from '../kit/classify-interruption';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import { classifyTransportError } from '../kit/classify-transport-error';
import { parseRetryAfterMs } from '../kit/retry-after';
import { originalTransportError, withheldMessage } from '../kit/original-transport-error';
import { observedErrorBody } from './attach-plivo-observer';
import { mapPlivoError } from './map-plivo-error';

type RejectedAttempt = Extract<HttpAttemptOutcome<unknown>, { status: 'rejected' }>;

/**
 * Turns a failed Plivo attempt into an `SmsError` (docs/reliability.md#three-outcomes-per-attempt,
 * docs/reliability.md#classifying-provider-answers):
 * 1. the adapter's deadline or the caller's abort → outcome unknown, unless the observer proves no
 *    request was dispatched (then not sent);
 * 2. a non-2xx answer the observer saw → {@link mapPlivoError} with the status, Plivo's `error` text
 *    and `Retry-After`. They are read from the observation, not from the SDK's error: plivo-node keeps
 *    them only for some statuses (`PlivoRestError`), and its `moreInfo` holds the request body;
 * 3. a failure after a 2xx (unreadable body) → outcome unknown: Plivo accepted something;
 * 4. an error before any request was dispatched (plivo-node's own checks) → not sent;
 * 5. a transport error → by its codes: connect failures not sent, everything else unknown. plivo-node
 *    rejects with the stack string of the axios error, so the observer's raw error is classified.
 *
 * `observable` says whether the SDK's requests are observed (see `attachPlivoObserver`); without it
 * nothing proves "not dispatched" and no answer is seen, so those cases stay outcome unknown.
 *
 * @example
 * throw classifyPlivoFailure(outcome, { observable: true });
 */
export function classifyPlivoFailure(outcome: RejectedAttempt, options: { observable: boolean }): SmsError {
  const interrupted = classifyInterruption(outcome, { provider: 'plivo', displayName: 'Plivo', observable: options.observable });
  if (interrupted !== undefined) return interrupted;
  const { observation, error } = outcome;
  const response = observation.response;
  if (response !== undefined && (response.status < 200 || response.status >= 300)) {
    return mapPlivoError({
      httpStatus: response.status,
      message: readPlivoErrorText(observedErrorBody(observation)),
      retryAfterMs: parseRetryAfterMs(response.readHeader),
    });
  }
  if (response !== undefined) {
    return createTransportError({ provider: 'plivo', displayName: 'Plivo', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus: response.status, cause: withheldMessage(error) });
  }
  if (options.observable && !observation.requestStarted) {
    return createTransportError({ provider: 'plivo', displayName: 'Plivo', classification: TRANSPORT_OUTCOMES.sdkFailedBeforeRequest, cause: error instanceof Error ? error : undefined });
  }
  const raw = observation.transportError;
  const transport = classifyTransportError(raw ?? error);
  const classification =
    transport.kind === 'connect-failed' ? TRANSPORT_OUTCOMES.connectFailed : transport.kind === 'timed-out' ? TRANSPORT_OUTCOMES.timedOut : TRANSPORT_OUTCOMES.connectionLost;
  return createTransportError({
    provider: 'plivo',
    displayName: 'Plivo',
    classification,
    transportCode: transport.code,
    // The SDK's rejection is a stack string; only the raw error (without its axios config) is kept.
    cause: raw === undefined ? undefined : originalTransportError(raw, raw),
  });
}

/** Plivo's `{ api_id, error }` body: the `error` text, or a text body as is. */
export function readPlivoErrorText(body: unknown): string | undefined {
  if (typeof body === 'string') {
    try {
      return readPlivoErrorText(JSON.parse(body));
    } catch {
      return body.length > 0 ? body : undefined;
    }
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const text = (body as { error?: unknown }).error;
  if (typeof text === 'string') return text;
  return text === undefined ? undefined : JSON.stringify(text);
}
