import type { SmsError } from '../../errors/sms-error';
import type { HttpAttemptOutcome } from '../kit/run-http-attempt';
import { classifyInterruption } from '../kit/classify-interruption';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import { classifyTransportError } from '../kit/classify-transport-error';
import { parseRetryAfterMs } from '../kit/retry-after';
import { originalTransportError, withheldMessage } from '../kit/original-transport-error';
import { mapTwilioError } from './map-twilio-error';

type RejectedAttempt = Extract<HttpAttemptOutcome<unknown>, { status: 'rejected' }>;

/**
 * Turns a failed Twilio attempt into an `SmsError` (docs/reliability.md#three-outcomes-per-attempt, docs/reliability.md#classifying-provider-answers):
 * 1. the adapter's deadline or the caller's abort → outcome unknown, unless the observer proves no
 *    request was dispatched (then not sent);
 * 2. a `RestException` / `TwilioServiceException` (an HTTP answer) → {@link mapTwilioError}, with
 *    `Retry-After` read from the headers the observer saw;
 * 3. a failure after a 2xx (unreadable body) → outcome unknown: Twilio accepted something;
 * 4. an error before any request was dispatched → not sent;
 * 5. a transport error → by its codes: connect failures not sent, everything else unknown.
 *
 * `observable` says whether the client's requests are observed (see `attachTwilioObserver`); without
 * it nothing proves "not dispatched", so those cases stay outcome unknown.
 *
 * @example
 * throw classifyTwilioFailure(outcome, { observable: true });
 */
export function classifyTwilioFailure(outcome: RejectedAttempt, options: { observable: boolean }): SmsError {
  const interrupted = classifyInterruption(outcome, { provider: 'twilio', displayName: 'Twilio', observable: options.observable });
  if (interrupted !== undefined) return interrupted;
  const { observation, error } = outcome;
  const provenNotDispatched = options.observable && !observation.requestStarted;
  if (isTwilioHttpError(error)) {
    return mapTwilioError({
      httpStatus: error.status,
      code: error.code,
      message: typeof error.message === 'string' ? error.message : undefined,
      retryAfterMs: observation.response === undefined ? undefined : parseRetryAfterMs(observation.response.readHeader),
    });
  }
  const status = observation.response?.status;
  if (status !== undefined && status >= 200 && status < 300) {
    return createTransportError({ provider: 'twilio', displayName: 'Twilio', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus: status, cause: withheldMessage(error) });
  }
  if (provenNotDispatched) {
    return createTransportError({ provider: 'twilio', displayName: 'Twilio', classification: TRANSPORT_OUTCOMES.sdkFailedBeforeRequest, cause: originalTransportError(error, undefined) });
  }
  const transport = classifyTransportError(observation.transportError ?? error);
  const classification =
    transport.kind === 'connect-failed'
      ? TRANSPORT_OUTCOMES.connectFailed
      : transport.kind === 'timed-out'
        ? TRANSPORT_OUTCOMES.timedOut
        : TRANSPORT_OUTCOMES.connectionLost;
  return createTransportError({
    provider: 'twilio',
    displayName: 'Twilio',
    classification,
    transportCode: transport.code,
    cause: originalTransportError(error, observation.transportError),
  });
}

interface TwilioHttpError {
  status: number;
  code?: number | string;
  message?: unknown;
}

/**
 * twilio-node throws `RestException` (`{status, code, moreInfo}`) or, for RFC 9457 bodies,
 * `TwilioServiceException` (`{status, code, title, detail}`) for any non-2xx answer
 * (`lib/base/Version.js` `throwException`). axios errors also carry `status` (of a response), but
 * twilio-node accepts every status in `validateStatus`, so an axios error is always a transport error.
 */
function isTwilioHttpError(error: unknown): error is TwilioHttpError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { status?: unknown; isAxiosError?: unknown; code?: unknown };
  return (
    candidate.isAxiosError !== true &&
    typeof candidate.status === 'number' &&
    Number.isInteger(candidate.status) &&
    candidate.status >= 100 &&
    candidate.status < 600 &&
    (candidate.code === undefined || candidate.code === null || typeof candidate.code === 'number' || typeof candidate.code === 'string')
  );
}
