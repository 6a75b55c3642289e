import { SmsError } from '../../errors/sms-error';
import { runHttpAttempt } from '../kit/run-http-attempt';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import { toReadError } from '../kit/to-read-error';
import type { ProviderCallOptions, ProviderFetchRequest, ProviderMessage } from '../provider';
import { classifyTelnyxFailure } from './classify-telnyx-failure';
import { TELNYX_MESSAGE_ID, type TelnyxReadContext } from './telnyx-read-context';
import { toTelnyxProviderMessage } from './to-telnyx-provider-message';

/**
 * `fetchMessage` of the Telnyx provider: exactly one `GET https://api.telnyx.com/v2/messages/{id}`
 * through telnyx-node (`client.messages.retrieve(id)`, https://developers.telnyx.com/api-reference/messages/retrieve-a-message),
 * with `maxRetries: 0`, the adapter's deadline and the caller's signal on the request, like a send.
 *
 * Resolves undefined on a 404, and without any request for an id that is not a UUID (no Telnyx message
 * has one). Telnyx serves this endpoint only for messages "no older than 10 days since their creation"
 * (same page), so an older message is a 404 as well: undefined means "Telnyx does not return it", not
 * "never accepted". Other failures reject with the adapter's classification as a read error
 * ({@link toReadError}: never `outcomeUnknown`; a 429 keeps `retryAfterMs`).
 *
 * @example
 * const message = await fetchTelnyxMessage(context, { providerMessageId: '40385f64-…' }, { signal });
 */
export async function fetchTelnyxMessage(context: TelnyxReadContext, request: ProviderFetchRequest, options: ProviderCallOptions = {}): Promise<ProviderMessage | undefined> {
  if (options.signal?.aborted === true) {
    throw toReadError(createTransportError({ provider: 'telnyx', displayName: 'Telnyx', classification: TRANSPORT_OUTCOMES.abortedBeforeRequest }), 'Telnyx');
  }
  const id = request.providerMessageId;
  if (typeof id !== 'string' || !TELNYX_MESSAGE_ID.test(id)) return undefined;
  const { retrieve } = context.client.messages;
  if (typeof retrieve !== 'function') throw unsupportedClient();
  const outcome = await runHttpAttempt({
    timeoutMs: context.timeoutMs,
    signal: options.signal,
    request: async (signal) => retrieve.call(context.client.messages, id, { signal, timeout: context.timeoutMs, maxRetries: 0 }),
  });
  if (outcome.status === 'rejected') {
    if (outcome.interruption === undefined && (outcome.error as { status?: unknown } | null)?.status === 404) return undefined;
    throw toReadError(classifyTelnyxFailure(outcome, { observable: context.observable }), 'Telnyx');
  }
  const message = toTelnyxProviderMessage(outcome.value);
  if (message === undefined) {
    throw toReadError(createTransportError({ provider: 'telnyx', displayName: 'Telnyx', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus: outcome.observation.response?.status }), 'Telnyx');
  }
  return message;
}

function unsupportedClient(): SmsError {
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'SDK_ERROR',
    message: 'Telnyx: the client cannot read messages (it needs telnyx-node\'s client.messages.retrieve); nothing was requested.',
    retryable: false,
    fault: 'provider',
    outcomeUnknown: false,
    provider: 'telnyx',
  });
}
