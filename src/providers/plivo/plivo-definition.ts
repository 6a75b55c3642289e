import type { ProviderDefinition } from '../provider-definition';
import { PLIVO_CAPABILITIES, createPlivoProvider } from './create-plivo-provider';
import { findPlivoSettingsProblems, type PlivoProviderSettings } from './parse-plivo-settings';
import { plivoWebhook } from './plivo-webhook';
import type { PlivoWebhookOptions } from './plivo-webhook-options';

/**
 * Plivo as one value (see `ProviderDefinition`): the adapter, its settings and environment variables,
 * what it can do, its list price and its webhooks. docs/plivo.md describes each part.
 */
export const plivoDefinition: ProviderDefinition<PlivoProviderSettings, PlivoWebhookOptions, 'plivo'> = {
  id: 'plivo',
  displayName: 'Plivo',
  docsPage: 'docs/plivo.md',
  sdkPackage: 'plivo',
  createProvider: createPlivoProvider,
  findSettingsProblems: findPlivoSettingsProblems,
  environment: {
    authId: 'PLIVO_AUTH_ID',
    authToken: 'PLIVO_AUTH_TOKEN',
    from: 'PLIVO_PHONE_NUMBER',
    powerpackUuid: 'PLIVO_POWERPACK_UUID',
    statusCallbackUrl: 'PLIVO_STATUS_CALLBACK_URL',
  },
  // fetchMessage: GET …/Message/{message_uuid}/; findMessages: GET …/Message/ filtered by recipient and
  // time (https://www.plivo.com/docs/messaging/api/message/list-all-messages; docs/plivo.md#reconciliation).
  capabilities: { ...PLIVO_CAPABILITIES, statusFetch: true, findMessages: true },
  // US outbound SMS from a long code, per message part (docs/plivo.md#pricing).
  pricing: { currency: 'USD', perSegment: '0.0077', source: 'https://www.plivo.com/sms/pricing/us/', asOf: '2026-05-08' },
  webhook: plivoWebhook,
};
