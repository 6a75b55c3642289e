import type { SmsError } from '../../errors/sms-error';
import { TRANSPORT_OUTCOMES, createTransportError } from './transport-outcomes';
import { type HttpAttemptOutcome } from './run-http-attempt';

type RejectedAttempt = Extract<HttpAttemptOutcome<unknown>, { status: 'rejected' }>;

/**
 * The adapter's deadline or the caller's abort ended the attempt: outcome unknown, unless the request
 * observer proves no request was dispatched (then not sent). Undefined when the attempt was not
 * interrupted. `observable` says whether the client's requests are observed at all; without it nothing
 * proves "not dispatched" (docs/reliability.md#three-outcomes-per-attempt).
 */
export function classifyInterruption(outcome: RejectedAttempt, options: { provider: string; displayName?: string; observable: boolean }): SmsError | undefined {
  if (outcome.interruption === undefined) return undefined;
  const provenNotDispatched = options.observable && !outcome.observation.requestStarted;
  const classification =
    outcome.interruption === 'caller-abort'
      ? provenNotDispatched
        ? TRANSPORT_OUTCOMES.abortedBeforeRequest
        : TRANSPORT_OUTCOMES.abortedInFlight
      : provenNotDispatched
        ? TRANSPORT_OUTCOMES.timedOutBeforeRequest
        : TRANSPORT_OUTCOMES.timedOut;
  return createTransportError({ provider: options.provider, displayName: options.displayName, classification });
}
