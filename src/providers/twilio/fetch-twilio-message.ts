import { runHttpAttempt } from '../kit/run-http-attempt';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import { toReadError } from '../kit/to-read-error';
import type { ProviderCallOptions, ProviderFetchRequest, ProviderMessage } from '../provider';
import { classifyTwilioFailure } from './classify-twilio-failure';
import { toTwilioProviderMessage } from './to-twilio-provider-message';
import { readableTwilioMessages, type TwilioReadContext } from './twilio-read-context';

/** A Twilio Message SID: `SM` (SMS) or `MM` (MMS) and 32 hex characters (https://www.twilio.com/docs/glossary/what-is-a-sid). */
const MESSAGE_SID = /^(SM|MM)[0-9a-fA-F]{32}$/;

/**
 * `fetchMessage` of the Twilio provider: exactly one `GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`
 * through twilio-node (`client.messages(sid).fetch()`, https://www.twilio.com/docs/messaging/api/message-resource#fetch-a-message-resource),
 * under the same deadline, signal and observer as a send, with the SDK's `autoRetry` off.
 *
 * Resolves undefined on a 404 (Twilio does not know the SID), and without any request for an id that
 * is not a Message SID: it cannot name a Twilio message, and it would otherwise become part of the URL
 * path. Any other failure rejects with the adapter's classification turned into a read error
 * ({@link toReadError}: never `outcomeUnknown`; a 429 keeps `retryAfterMs`).
 *
 * @example
 * const message = await fetchTwilioMessage(context, { providerMessageId: 'SM…' }, { signal });
 */
export async function fetchTwilioMessage(context: TwilioReadContext, request: ProviderFetchRequest, options: ProviderCallOptions = {}): Promise<ProviderMessage | undefined> {
  if (options.signal?.aborted === true) {
    throw toReadError(createTransportError({ provider: 'twilio', displayName: 'Twilio', classification: TRANSPORT_OUTCOMES.abortedBeforeRequest }), 'Twilio');
  }
  const sid = request.providerMessageId;
  if (typeof sid !== 'string' || !MESSAGE_SID.test(sid)) return undefined;
  const messages = readableTwilioMessages(context.client);
  const outcome = await runHttpAttempt({ timeoutMs: context.timeoutMs, signal: options.signal, request: () => messages(sid).fetch() });
  if (outcome.status === 'rejected') {
    if (outcome.interruption === undefined && isNotFound(outcome.error)) return undefined;
    throw toReadError(classifyTwilioFailure(outcome, { observable: context.observable }), 'Twilio');
  }
  const message = toTwilioProviderMessage(outcome.value);
  if (message === undefined) {
    throw toReadError(createTransportError({ provider: 'twilio', displayName: 'Twilio', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus: outcome.observation.response?.status }), 'Twilio');
  }
  return message;
}

/** twilio-node's `RestException` for an HTTP 404 (Twilio code 20404); an axios error is a transport error. */
function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { status?: unknown; isAxiosError?: unknown };
  return candidate.isAxiosError !== true && candidate.status === 404;
}
