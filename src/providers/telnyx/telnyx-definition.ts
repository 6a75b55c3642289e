import type { ProviderDefinition } from '../provider-definition';
import { TELNYX_MAX_MEDIA_URLS } from './build-telnyx-message-params';
import { createTelnyxProvider } from './create-telnyx-provider';
import { findTelnyxSettingsProblems, type TelnyxProviderSettings } from './parse-telnyx-settings';
import { telnyxWebhook } from './telnyx-webhook';
import type { TelnyxWebhookOptions } from './telnyx-webhook-options';

/** Telnyx as one value: adapter, settings, environment, capabilities, price and webhooks (docs/telnyx.md). */
export const telnyxDefinition: ProviderDefinition<TelnyxProviderSettings, TelnyxWebhookOptions, 'telnyx'> = {
  id: 'telnyx',
  displayName: 'Telnyx',
  docsPage: 'docs/telnyx.md',
  sdkPackage: 'telnyx',
  createProvider: createTelnyxProvider,
  findSettingsProblems: findTelnyxSettingsProblems,
  environment: {
    apiKey: 'TELNYX_API_KEY',
    from: 'TELNYX_PHONE_NUMBER',
    messagingProfileId: 'TELNYX_MESSAGING_PROFILE_ID',
  },
  // Fetch by id (GET /v2/messages/{id}) and find through the detail record search: docs/telnyx.md#reconciliation.
  capabilities: { maxMediaUrls: TELNYX_MAX_MEDIA_URLS, scheduling: true, validityPeriod: false, statusFetch: true, findMessages: true },
  pricing: { currency: 'USD', perSegment: '0.0040', source: 'docs/segments-and-cost.md#cost (Telnyx US list price, https://telnyx.com/pricing/messaging)', asOf: '2026-12-07' },
  webhook: telnyxWebhook,
};
