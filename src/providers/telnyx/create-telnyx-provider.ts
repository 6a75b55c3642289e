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
  SmsProviderCapabilities,
} from '../provider';
import { TELNYX_MAX_MEDIA_URLS, buildTelnyxMessageParams } from './build-telnyx-message-params';
import { classifyTelnyxFailure } from './classify-telnyx-failure';
import { fetchTelnyxMessage } from './fetch-telnyx-message';
import { findTelnyxMessages } from './find-telnyx-messages';
import { loadTelnyxSdk } from './load-telnyx-sdk';
import { mapTelnyxStatus } from './map-telnyx-status';
import { observeTelnyxFetch } from './observe-telnyx-fetch';
import { parseTelnyxSettings } from './parse-telnyx-settings';
import type { ResolvedTelnyxSettings, TelnyxProviderSettings } from './parse-telnyx-settings';
import type { TelnyxClientLike, TelnyxMessageSendResponse } from './telnyx-client-like';

interface ReadyClient {
  readonly client: TelnyxClientLike;
  /** Whether the adapter's fetch wrapper sees this client's requests (dispatch, raw errors). */
  readonly observable: boolean;
}

/**
 * Creates the Telnyx `SmsProvider` (id `telnyx`). Settings are validated now (a `ValidationError`
 * listing every problem); the `telnyx` package is imported only on the first `send()`, or never when
 * a prebuilt `client` is passed.
 *
 * Each `send()` makes exactly one `POST https://api.telnyx.com/v2/messages`: the Stainless client's
 * retries (2 by default, on timeouts, 408/409/429/5xx and connection errors) are switched off with
 * `maxRetries: 0` on the client and on every request, `timeoutMs` (default 10 s) and
 * `options.signal` abort the HTTP request, and the result or `SmsError` says whether the message was
 * sent, not sent, or may have been sent (`outcomeUnknown`).
 *
 * @example
 * import { createTelnyxProvider } from '@ocelot-platform/tools-core/telnyx';
 *
 * const telnyx = createTelnyxProvider({
 *   apiKey: process.env.TELNYX_API_KEY!,
 *   from: process.env.TELNYX_PHONE_NUMBER,
 *   webhookUrl: 'https://api.example.com/webhooks/telnyx',
 * });
 */
export function createTelnyxProvider(settings: TelnyxProviderSettings): SmsProvider {
  const resolved = parseTelnyxSettings(settings);
  const capabilities: SmsProviderCapabilities = Object.freeze({
    maxMediaUrls: TELNYX_MAX_MEDIA_URLS,
    scheduling: true,
    // No validity-period request field on POST /v2/messages (docs/telnyx.md#validity-period).
    validityPeriod: false,
    // listingDelayMs stays undefined: Telnyx documents no delay for its detail record search (docs/telnyx.md#reconciliation).
  });

  let ready: Promise<ReadyClient> | undefined;
  const readyClient = (): Promise<ReadyClient> => {
    // A failed load is not cached: installing the package fixes the next send without a restart.
    ready ??= prepareClient(resolved).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  const publicDescription = (): Record<string, unknown> => ({ id: 'telnyx', specificationVersion: 'v1', capabilities });

  const provider = {
    specificationVersion: 'v1' as const,
    id: 'telnyx',
    capabilities,
    async send(request: ProviderSendRequest, options: ProviderSendOptions = {}): Promise<ProviderSendResult> {
      if (options.signal?.aborted === true) {
        throw createTransportError({ provider: 'telnyx', displayName: 'Telnyx', classification: TRANSPORT_OUTCOMES.abortedBeforeRequest });
      }
      const params = buildTelnyxMessageParams(request, resolved);
      const { client, observable } = await readyClient();
      const outcome = await runHttpAttempt({
        timeoutMs: resolved.timeoutMs,
        signal: options.signal,
        // Per request as well, so a prebuilt client with the default `maxRetries: 2` never retries.
        request: async (signal) => client.messages.send(params, { signal, timeout: resolved.timeoutMs, maxRetries: 0 }),
      });
      if (outcome.status === 'rejected') throw classifyTelnyxFailure(outcome, { observable });
      return toSendResult(outcome.value, outcome.observation.response?.status);
    },
    /** One GET /v2/messages/{id}; undefined on 404 (docs/telnyx.md#reconciliation). */
    async fetchMessage(request: ProviderFetchRequest, options: ProviderCallOptions = {}): Promise<ProviderMessage | undefined> {
      const { client, observable } = await readyClient();
      return fetchTelnyxMessage({ client, observable, timeoutMs: resolved.timeoutMs }, request, options);
    },
    /** One GET /v2/detail_records by recipient, sender and creation day (docs/telnyx.md#reconciliation). */
    async findMessages(query: ProviderMessageQuery, options: ProviderCallOptions = {}): Promise<readonly ProviderMessage[]> {
      const { client, observable } = await readyClient();
      return findTelnyxMessages({ client, observable, timeoutMs: resolved.timeoutMs }, query, options);
    },
    /** Loads the SDK and builds the client now rather than on the first send (not cached when it fails). */
    async ready(): Promise<void> {
      await readyClient();
    },
    // Secrets live only in this closure; what serialises or prints is the public description.
    toJSON: publicDescription,
    toString: (): string => '[SmsProvider telnyx]',
  };
  return Object.freeze(provider);
}

async function prepareClient(settings: ResolvedTelnyxSettings): Promise<ReadyClient> {
  if (settings.client !== undefined) return { client: settings.client, observable: false };
  const Telnyx = await loadTelnyxSdk();
  const client = new Telnyx({
    apiKey: settings.apiKey,
    // Stainless retries every POST 2× by default with no idempotency key (docs/telnyx.md#what-one-send-does).
    maxRetries: 0,
    timeout: settings.timeoutMs,
    fetch: observeTelnyxFetch,
  });
  return { client, observable: true };
}

function toSendResult(response: TelnyxMessageSendResponse, httpStatus: number | undefined): ProviderSendResult {
  const data = response?.data;
  if (typeof data?.id !== 'string' || data.id.length === 0) {
    throw createTransportError({ provider: 'telnyx', displayName: 'Telnyx', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus });
  }
  const status = data.to?.[0]?.status;
  const from = data.from?.phone_number;
  return {
    providerMessageId: data.id,
    // The create answers `queued` for every recipient; a missing status still means accepted and waiting.
    status: typeof status === 'string' ? mapTelnyxStatus(status) : 'queued',
    ...(typeof from === 'string' && from !== '' ? { from } : {}),
    ...(typeof data.parts === 'number' && Number.isSafeInteger(data.parts) && data.parts > 0 ? { segments: data.parts } : {}),
  };
}
