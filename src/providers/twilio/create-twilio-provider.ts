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
  SmsProviderCapabilities,
} from '../provider';
import { attachTwilioObserver } from './attach-twilio-observer';
import { TWILIO_MAX_MEDIA_URLS, buildTwilioMessageParams } from './build-twilio-message-params';
import { classifyTwilioFailure } from './classify-twilio-failure';
import { fetchTwilioMessage } from './fetch-twilio-message';
import { findTwilioMessages } from './find-twilio-messages';
import { loadTwilioSdk } from './load-twilio-sdk';
import { mapTwilioStatus } from './map-twilio-status';
import { parseTwilioSettings } from './parse-twilio-settings';
import type { ResolvedTwilioSettings, TwilioProviderSettings } from './parse-twilio-settings';
import type { TwilioClientLike, TwilioMessageLike } from './twilio-client-like';

interface ReadyClient {
  readonly client: TwilioClientLike;
  /** Whether the adapter's observer sees this client's requests (signal, headers, dispatch). */
  readonly observable: boolean;
}

/**
 * Creates the Twilio `SmsProvider` (id `twilio`). Settings are validated now (a `ValidationError`
 * listing every problem); the `twilio` package is imported only on the first `send()`, or never when
 * a prebuilt `client` is passed.
 *
 * Each `send()` makes exactly one `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`: twilio-node's
 * `autoRetry` stays off, `timeoutMs` (default 10 s) and `options.signal` abort the HTTP request, and
 * the result or `SmsError` says whether the message was sent, not sent, or may have been sent
 * (`outcomeUnknown`). Retrying and failing over are the library's decisions, not the adapter's.
 *
 * @example
 * import { createTwilioProvider } from '@ocelot-platform/tools-core/twilio';
 *
 * const twilio = createTwilioProvider({
 *   accountSid: process.env.TWILIO_ACCOUNT_SID!,
 *   authToken: process.env.TWILIO_AUTH_TOKEN!,
 *   from: process.env.TWILIO_PHONE_NUMBER,
 *   statusCallbackUrl: 'https://api.example.com/webhooks/twilio/status',
 * });
 */
export function createTwilioProvider(settings: TwilioProviderSettings): SmsProvider {
  const resolved = parseTwilioSettings(settings);
  const capabilities: SmsProviderCapabilities = Object.freeze({
    maxMediaUrls: TWILIO_MAX_MEDIA_URLS,
    // Twilio schedules (SendAt + ScheduleType=fixed) only through a Messaging Service.
    scheduling: resolved.messagingServiceSid !== undefined,
    validityPeriod: true,
    // listingDelayMs stays undefined: Twilio documents no delay for its Messages list (docs/twilio.md#reconciliation).
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

  const publicDescription = (): Record<string, unknown> => ({ id: 'twilio', specificationVersion: 'v1', capabilities });

  const provider = {
    specificationVersion: 'v1' as const,
    id: 'twilio',
    capabilities,
    async send(request: ProviderSendRequest, options: ProviderSendOptions = {}): Promise<ProviderSendResult> {
      if (options.signal?.aborted === true) {
        throw createTransportError({ provider: 'twilio', displayName: 'Twilio', classification: TRANSPORT_OUTCOMES.abortedBeforeRequest });
      }
      const params = buildTwilioMessageParams(request, resolved);
      const { client, observable } = await readyClient();
      const outcome = await runHttpAttempt({
        timeoutMs: resolved.timeoutMs,
        signal: options.signal,
        request: () => client.messages.create(params),
      });
      if (outcome.status === 'rejected') throw classifyTwilioFailure(outcome, { observable });
      return toSendResult(outcome.value, outcome.observation.response?.status);
    },
    /** One GET of the message by SID; undefined on 404 (docs/twilio.md#reconciliation). */
    async fetchMessage(request: ProviderFetchRequest, options: ProviderCallOptions = {}): Promise<ProviderMessage | undefined> {
      const { client, observable } = await readyClient();
      return fetchTwilioMessage({ client, observable, timeoutMs: resolved.timeoutMs }, request, options);
    },
    /** One GET of the Messages list by To, From and DateSent, filtered by date_created (docs/twilio.md#reconciliation). */
    async findMessages(query: ProviderMessageQuery, options: ProviderCallOptions = {}): Promise<readonly ProviderMessage[]> {
      const { client, observable } = await readyClient();
      return findTwilioMessages({ client, observable, timeoutMs: resolved.timeoutMs }, query, options);
    },
    /** Loads the SDK and builds the client now rather than on the first send (not cached when it fails). */
    async ready(): Promise<void> {
      await readyClient();
    },
    // Secrets live only in this closure; what serialises or prints is the public description.
    toJSON: publicDescription,
    toString: (): string => '[SmsProvider twilio]',
  };
  return Object.freeze(provider);
}

async function prepareClient(settings: ResolvedTwilioSettings): Promise<ReadyClient> {
  if (settings.client !== undefined) {
    return { client: settings.client, observable: attachTwilioObserver(readHttpClient(settings.client)) };
  }
  const sdk = await loadTwilioSdk();
  // Our own RequestClient: autoRetry off (twilio-node re-POSTs 429s when on, RequestClient.js), and
  // `timeout` as a backstop to the adapter's deadline (axios timeout + https.Agent socket timeout).
  const httpClient = new sdk.RequestClient({ timeout: settings.timeoutMs, autoRetry: false, keepAlive: true });
  const observable = attachTwilioObserver(httpClient);
  const client = sdk(settings.accountSid, settings.authToken, { httpClient, autoRetry: false });
  return { client, observable };
}

/** twilio-node's `Twilio#httpClient` getter; a structural client may not have one. */
function readHttpClient(client: TwilioClientLike): unknown {
  try {
    return (client as { httpClient?: unknown }).httpClient;
  } catch {
    return undefined;
  }
}

function toSendResult(message: TwilioMessageLike, httpStatus: number | undefined): ProviderSendResult {
  if (typeof message?.sid !== 'string' || message.sid.length === 0) {
    throw unreadable(httpStatus);
  }
  const segments = Number.parseInt(message.numSegments ?? '', 10);
  return {
    providerMessageId: message.sid,
    status: mapTwilioStatus(message.status),
    ...(typeof message.from === 'string' && message.from !== '' ? { from: message.from } : {}),
    ...(Number.isSafeInteger(segments) && segments > 0 ? { segments } : {}),
  };
}

function unreadable(httpStatus: number | undefined): SmsError {
  return createTransportError({ provider: 'twilio', displayName: 'Twilio', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus });
}
