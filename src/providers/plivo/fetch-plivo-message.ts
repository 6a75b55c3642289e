import { ValidationError } from '../../errors/validation-error';
import { runHttpAttempt } from '../kit/run-http-attempt';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import type { ProviderCallOptions, ProviderFetchRequest, ProviderMessage } from '../provider';
import { asReadError, classifyPlivoReadFailure } from './classify-plivo-read-failure';
import type { PlivoClientLike } from './plivo-client-like';
import { toPlivoProviderMessage } from './to-plivo-provider-message';

/** What a Plivo read needs: the client, whether its requests are observed, and the per-attempt deadline. */
export interface PlivoReadContext {
  readonly client: PlivoClientLike;
  readonly observable: boolean;
  readonly timeoutMs: number;
}

/** Plivo message UUIDs (36 characters, https://www.plivo.com/docs/messaging/api/messages/); nothing that could change the path. */
const PLIVO_MESSAGE_UUID = /^[0-9A-Za-z-]{1,64}$/;

/**
 * Plivo's current view of one message: exactly one `GET /v1/Account/{auth_id}/Message/{message_uuid}/`
 * through plivo-node's `messages.get` (https://www.plivo.com/docs/messaging/api/message/retrieve-a-message),
 * which plivo-node never retries (its `retryWrapper` in `dist/rest/axios.js` is for voice only). The
 * deadline and `options.signal` abort the request as for a send. A 404 resolves undefined (Plivo does
 * not know the id); any other failure rejects with `classifyPlivoReadFailure`, never outcome unknown.
 *
 * @example
 * const message = await fetchPlivoMessage(context, { providerMessageId: 'b48d95dc-e3ac-11eb-a9c2-0242ac110005' });
 * message?.status; // 'delivered'
 */
export async function fetchPlivoMessage(context: PlivoReadContext, request: ProviderFetchRequest, options: ProviderCallOptions = {}): Promise<ProviderMessage | undefined> {
  const id = request.providerMessageId;
  if (typeof id !== 'string' || !PLIVO_MESSAGE_UUID.test(id)) {
    throw new ValidationError({
      field: 'providerMessageId',
      reason: 'INVALID_MESSAGE_ID',
      problem: 'is not a Plivo message UUID (letters, digits and dashes).',
      fix: 'pass the providerMessageId Plivo returned for the send.',
    });
  }
  if (options.signal?.aborted === true) {
    throw asReadError(createTransportError({ provider: 'plivo', displayName: 'Plivo', classification: TRANSPORT_OUTCOMES.abortedBeforeRequest }));
  }
  const outcome = await runHttpAttempt({ timeoutMs: context.timeoutMs, signal: options.signal, request: () => context.client.messages.get(id) });
  if (outcome.status === 'rejected') {
    if (outcome.interruption === undefined && outcome.observation.response?.status === 404) return undefined;
    throw classifyPlivoReadFailure(outcome, { observable: context.observable });
  }
  const message = toPlivoProviderMessage(outcome.value);
  if (message === undefined) {
    const httpStatus = outcome.observation.response?.status;
    throw asReadError(createTransportError({ provider: 'plivo', displayName: 'Plivo', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus }));
  }
  return message;
}
