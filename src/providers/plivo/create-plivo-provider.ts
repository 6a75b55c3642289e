import type { SmsError } from '../../errors/sms-error';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import { runHttpAttempt } from '../kit/run-http-attempt';
import type {
  ProviderCallOptions,
  ProviderFetchRequest,
  ProviderMessage,
  ProviderMessageQuery,
  ProviderSendOptions,
  ProviderSendRequest,
  ProviderSendResult,
  SmsProvider,
  SendCapabilities,
} from '../provider';
import { attachPlivoObserver } from './attach-plivo-observer';
import { PLIVO_MAX_MEDIA_URLS, buildPlivoMessageParams } from './build-plivo-message-params';
import { classifyPlivoFailure } from './classify-plivo-failure';
import { fetchPlivoMessage, type PlivoReadContext } from './fetch-plivo-message';
import { findPlivoMessages } from './find-plivo-messages';
import { loadPlivoSdk } from './load-plivo-sdk';
import { parsePlivoSettings } from './parse-plivo-settings';
import type { PlivoProviderSettings, ResolvedPlivoSettings } from './parse-plivo-settings';
import type { PlivoClientLike, PlivoMessageResponseLike } from './plivo-client-like';

/**
 * What the adapter can do: MMS (US and Canada), a validity period (`message_expiry`), no scheduling.
 * No `listingDelayMs`: Plivo documents no delay after which an accepted message is sure to be listed
 * (https://www.plivo.com/docs/messaging/api/message/list-all-messages; docs/plivo.md#reconciliation).
 */
export const PLIVO_CAPABILITIES: SendCapabilities = Object.freeze({
  maxMediaUrls: PLIVO_MAX_MEDIA_URLS,
  scheduling: false,
  validityPeriod: true,
});

interface ReadyClient {
  readonly client: PlivoClientLike;
  /** Whether the adapter's observer sees this client's requests (signal, answers, dispatch). */
  readonly observable: boolean;
}

/**
 * Creates the Plivo `SmsProvider` (id `plivo`). Settings are validated now (a `ValidationError` listing
 * every problem); the `plivo` package is imported only on the first `send()` (or `ready()`).
 *
 * Each `send()` makes exactly one `POST /v1/Account/{auth_id}/Message/`: plivo-node retries only voice
 * requests (its `retryWrapper` in `dist/rest/axios.js`), never messages; `timeoutMs` (default 10 s) and
 * `options.signal` abort the HTTP request, and the result or `SmsError` says whether the message was
 * sent, not sent, or may have been sent (`outcomeUnknown`). Retrying and failing over are the
 * library's decisions, not the adapter's.
 *
 * For reconciliation (docs/reconciliation.md), `fetchMessage` is one `GET …/Message/{message_uuid}/` and
 * `findMessages` lists `GET …/Message/` by recipient and time (docs/plivo.md#reconciliation).
 *
 * @example
 * import { createPlivoProvider } from '@ocelot-platform/tools-core/plivo';
 *
 * const plivo = createPlivoProvider({
 *   authId: process.env.PLIVO_AUTH_ID!,
 *   authToken: process.env.PLIVO_AUTH_TOKEN!,
 *   from: process.env.PLIVO_PHONE_NUMBER,
 *   statusCallbackUrl: 'https://api.example.com/webhooks/sms',
 * });
 */
export function createPlivoProvider(settings: PlivoProviderSettings): SmsProvider {
  const resolved = parsePlivoSettings(settings);
  const capabilities = PLIVO_CAPABILITIES;

  let ready: Promise<ReadyClient> | undefined;
  const readyClient = (): Promise<ReadyClient> => {
    // A failed load is not cached: installing the package fixes the next send without a restart.
    ready ??= prepareClient(resolved).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  const readContext = async (): Promise<PlivoReadContext> => ({ ...(await readyClient()), timeoutMs: resolved.timeoutMs });

  const publicDescription = (): Record<string, unknown> => ({ id: 'plivo', specificationVersion: 'v1', capabilities });

  const provider = {
    specificationVersion: 'v1' as const,
    id: 'plivo',
    capabilities,
    async send(request: ProviderSendRequest, options: ProviderSendOptions = {}): Promise<ProviderSendResult> {
      if (options.signal?.aborted === true) {
        throw createTransportError({ provider: 'plivo', displayName: 'Plivo', classification: TRANSPORT_OUTCOMES.abortedBeforeRequest });
      }
      const params = buildPlivoMessageParams(request, resolved);
      const { client, observable } = await readyClient();
      const outcome = await runHttpAttempt({
        timeoutMs: resolved.timeoutMs,
        signal: options.signal,
        request: () => client.messages.create(params),
      });
      if (outcome.status === 'rejected') throw classifyPlivoFailure(outcome, { observable });
      return toSendResult(outcome.value, outcome.observation.response?.status);
    },
    async fetchMessage(request: ProviderFetchRequest, options: ProviderCallOptions = {}): Promise<ProviderMessage | undefined> {
      return fetchPlivoMessage(await readContext(), request, options);
    },
    async findMessages(query: ProviderMessageQuery, options: ProviderCallOptions = {}): Promise<readonly ProviderMessage[]> {
      return findPlivoMessages(await readContext(), query, options);
    },
    /** Loads the SDK and builds the client now rather than on the first send (not cached when it fails). */
    async ready(): Promise<void> {
      await readyClient();
    },
    // Secrets live only in this closure; what serialises or prints is the public description.
    toJSON: publicDescription,
    toString: (): string => '[SmsProvider plivo]',
  };
  return Object.freeze(provider);
}

async function prepareClient(settings: ResolvedPlivoSettings): Promise<ReadyClient> {
  const sdk = await loadPlivoSdk();
  const observable = attachPlivoObserver(sdk);
  // `timeout` is a backstop to the adapter's deadline (axios aborts the request after it).
  const client = new sdk.Client(settings.authId, settings.authToken, { timeout: settings.timeoutMs });
  return { client, observable };
}

function toSendResult(response: PlivoMessageResponseLike, httpStatus: number | undefined): ProviderSendResult {
  const uuids = response?.messageUuid;
  const uuid = Array.isArray(uuids) ? uuids[0] : uuids;
  if (typeof uuid !== 'string' || uuid.length === 0) throw unreadable(httpStatus);
  // A 202 means "message(s) queued"; the answer names neither the sender used nor the parts.
  return { providerMessageId: uuid, status: 'queued' };
}

function unreadable(httpStatus: number | undefined): SmsError {
  return createTransportError({ provider: 'plivo', displayName: 'Plivo', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus });
}
