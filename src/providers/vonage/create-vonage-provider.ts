import { runHttpAttempt } from '../kit/run-http-attempt';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import type { ProviderSendOptions, ProviderSendRequest, ProviderSendResult, SmsProvider, SendCapabilities } from '../provider';
import { VONAGE_MAX_MEDIA_URLS, buildVonageMessageParams } from './build-vonage-message-params';
import { classifyVonageFailure } from './classify-vonage-failure';
import { createObservedMessagesClient } from './create-observed-messages-client';
import { loadVonageSdk } from './load-vonage-sdk';
import { mapVonageStatus } from './map-vonage-status';
import { parseVonageSettings, type ResolvedVonageSettings, type VonageProviderSettings } from './parse-vonage-settings';
import type { VonageMessagesClientLike } from './vonage-client-like';

/** What the adapter can do (docs/vonage.md#capabilities). */
export const VONAGE_CAPABILITIES: SendCapabilities = Object.freeze({
  // One image per MMS, to the US and Canada only.
  maxMediaUrls: VONAGE_MAX_MEDIA_URLS,
  // The Messages API has no send-at field.
  scheduling: false,
  // `ttl` (seconds) on SMS and MMS.
  validityPeriod: true,
});

/**
 * Creates the Vonage `SmsProvider` (id `vonage`) on the Messages API. Settings are validated now (a
 * `ValidationError` listing every problem); `@vonage/messages` is imported only on the first `send()`.
 *
 * Each `send()` makes exactly one `POST https://api.nexmo.com/v1/messages`: the SDK never retries,
 * and the adapter's transport (see `createObservedMessagesClient`) gives the request the attempt's
 * signal, so `timeoutMs` (default 10 s) and `options.signal` cancel the HTTP request itself. The
 * result or `SmsError` says whether the message was sent, not sent, or may have been sent
 * (`outcomeUnknown`).
 *
 * @example
 * import { createVonageProvider } from '@ocelot-platform/tools-core/vonage';
 *
 * const vonage = createVonageProvider({
 *   applicationId: process.env.VONAGE_APPLICATION_ID,
 *   privateKey: process.env.VONAGE_PRIVATE_KEY,
 *   from: process.env.VONAGE_PHONE_NUMBER,
 * });
 */
export function createVonageProvider(settings: VonageProviderSettings): SmsProvider {
  const resolved = parseVonageSettings(settings);
  const capabilities = VONAGE_CAPABILITIES;

  let ready: Promise<VonageMessagesClientLike> | undefined;
  const readyClient = (): Promise<VonageMessagesClientLike> => {
    // A failed load is not cached: installing the package fixes the next send without a restart.
    ready ??= prepareClient(resolved).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  const publicDescription = (): Record<string, unknown> => ({ id: 'vonage', specificationVersion: 'v1', capabilities });

  const provider = {
    specificationVersion: 'v1' as const,
    id: 'vonage',
    capabilities,
    async send(request: ProviderSendRequest, options: ProviderSendOptions = {}): Promise<ProviderSendResult> {
      if (options.signal?.aborted === true) {
        throw createTransportError({ provider: 'vonage', displayName: 'Vonage', classification: TRANSPORT_OUTCOMES.abortedBeforeRequest });
      }
      const params = buildVonageMessageParams(request, resolved);
      const client = await readyClient();
      const outcome = await runHttpAttempt({ timeoutMs: resolved.timeoutMs, signal: options.signal, request: async () => client.send(params) });
      if (outcome.status === 'rejected') throw classifyVonageFailure(outcome);
      return toSendResult(outcome.value, outcome.observation.response?.status);
    },
    /** Loads the SDK and builds the client now rather than on the first send (not cached when it fails). */
    async ready(): Promise<void> {
      await readyClient();
    },
    // Secrets live only in this closure; what serialises or prints is the public description.
    toJSON: publicDescription,
    toString: (): string => '[SmsProvider vonage]',
  };
  return Object.freeze(provider);
}

async function prepareClient(settings: ResolvedVonageSettings): Promise<VonageMessagesClientLike> {
  const Messages = await loadVonageSdk();
  return createObservedMessagesClient(Messages, settings.credentials, settings.baseUrl);
}

const MESSAGE_UUID = /^[0-9A-Za-z-]{1,64}$/;

function toSendResult(response: { readonly messageUUID?: unknown } | undefined, httpStatus: number | undefined): ProviderSendResult {
  const id = response?.messageUUID;
  if (typeof id !== 'string' || !MESSAGE_UUID.test(id)) {
    throw createTransportError({ provider: 'vonage', displayName: 'Vonage', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus });
  }
  // 202 Accepted carries only the message_uuid: accepted and waiting (docs/vonage.md#status-mapping).
  return { providerMessageId: id, status: mapVonageStatus('accepted') };
}
