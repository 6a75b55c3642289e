import type { SmsError } from '../../errors/sms-error';
import { classifyInterruption } from '../kit/classify-interruption';
import { classifyTransportError } from '../kit/classify-transport-error';
import { originalTransportError, withheldMessage } from '../kit/original-transport-error';
import type { HttpAttemptOutcome } from '../kit/run-http-attempt';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import { parseRetryAfterMs } from '../kit/retry-after';
import { mapVonageError } from './map-vonage-error';
import { isVonageHttpError } from './vonage-http-error';

type RejectedAttempt = Extract<HttpAttemptOutcome<unknown>, { status: 'rejected' }>;

const names = { provider: 'vonage', displayName: 'Vonage' } as const;

/**
 * Turns a failed Vonage attempt into an `SmsError` (docs/reliability.md#three-outcomes-per-attempt,
 * docs/reliability.md#classifying-provider-answers). The adapter's own transport sees every request, so:
 * 1. the adapter's deadline or the caller's abort → outcome unknown, unless no request was dispatched;
 * 2. a non-2xx answer ({@link VonageHttpError}) → {@link mapVonageError}, with `Retry-After`;
 * 3. a failure after a 2xx (body unreadable, no `message_uuid`) → outcome unknown: Vonage accepted something;
 * 4. an error before any request was dispatched (e.g. signing the JWT) → not sent;
 * 5. a transport error: connect failures not sent, a timeout or a broken connection outcome unknown.
 *
 * @example
 * throw classifyVonageFailure(outcome);
 */
export function classifyVonageFailure(outcome: RejectedAttempt): SmsError {
  const interrupted = classifyInterruption(outcome, { ...names, observable: true });
  if (interrupted !== undefined) return interrupted;
  const { observation, error } = outcome;
  if (isVonageHttpError(error)) {
    return mapVonageError({ httpStatus: error.status, body: error.body, retryAfterMs: parseRetryAfterMs(error.readHeader) });
  }
  const status = observation.response?.status;
  if (status !== undefined && status >= 200 && status < 300) {
    return createTransportError({ ...names, classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus: status, cause: withheldMessage(error) });
  }
  if (!observation.requestStarted) {
    return createTransportError({ ...names, classification: TRANSPORT_OUTCOMES.sdkFailedBeforeRequest, cause: withheldMessage(error) });
  }
  const transport = classifyTransportError(observation.transportError ?? error);
  const classification =
    transport.kind === 'connect-failed' ? TRANSPORT_OUTCOMES.connectFailed : transport.kind === 'timed-out' ? TRANSPORT_OUTCOMES.timedOut : TRANSPORT_OUTCOMES.connectionLost;
  return createTransportError({ ...names, classification, transportCode: transport.code, cause: originalTransportError(error, observation.transportError) });
}
