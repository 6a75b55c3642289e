import type { ProviderDefinition } from '../provider-definition';
import { VONAGE_CAPABILITIES, createVonageProvider } from './create-vonage-provider';
import { findVonageSettingsProblems, type VonageProviderSettings } from './parse-vonage-settings';
import { vonageWebhook, type VonageWebhookOptions } from './vonage-webhook';

/**
 * Vonage as one value (src/providers/provider-definition.ts): the Messages API adapter, its settings
 * and environment variables, capabilities, list price and webhooks (docs/vonage.md).
 */
export const vonageDefinition: ProviderDefinition<VonageProviderSettings, VonageWebhookOptions, 'vonage'> = {
  id: 'vonage',
  displayName: 'Vonage',
  docsPage: 'docs/vonage.md',
  sdkPackage: '@vonage/messages',
  createProvider: createVonageProvider,
  findSettingsProblems: findVonageSettingsProblems,
  environment: {
    apiKey: 'VONAGE_API_KEY',
    apiSecret: 'VONAGE_API_SECRET',
    applicationId: 'VONAGE_APPLICATION_ID',
    privateKey: 'VONAGE_PRIVATE_KEY',
    signatureSecret: 'VONAGE_SIGNATURE_SECRET',
    from: 'VONAGE_PHONE_NUMBER',
  },
  // No fetchMessage or findMessages: the Messages API has no read operation (https://developer.vonage.com/en/api/messages),
  // and the Reports API that finds records has no official Node SDK package, takes only Basic auth and is paid
  // (https://developer.vonage.com/en/api/reports; docs/vonage.md#reconciliation).
  capabilities: { ...VONAGE_CAPABILITIES, statusFetch: false, findMessages: false },
  // SMS to US numbers, list price per outbound message part (docs/vonage.md#pricing).
  pricing: { currency: 'USD', perSegment: '0.00809', source: 'https://www.vonage.com/communications-apis/sms/pricing/', asOf: '2026-12-07' },
  webhook: vonageWebhook,
};
