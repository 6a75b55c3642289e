import type { ProviderDefinition } from '../provider-definition';
import { TWILIO_MAX_MEDIA_URLS } from './build-twilio-message-params';
import { createTwilioProvider } from './create-twilio-provider';
import { findTwilioSettingsProblems, type TwilioProviderSettings } from './parse-twilio-settings';
import { twilioWebhook } from './twilio-webhook';
import type { TwilioWebhookOptions } from './twilio-webhook-options';

/** Twilio as one value: adapter, settings, environment, capabilities, price and webhooks (docs/twilio.md). */
export const twilioDefinition: ProviderDefinition<TwilioProviderSettings, TwilioWebhookOptions, 'twilio'> = {
  id: 'twilio',
  displayName: 'Twilio',
  docsPage: 'docs/twilio.md',
  sdkPackage: 'twilio',
  createProvider: createTwilioProvider,
  findSettingsProblems: findTwilioSettingsProblems,
  environment: {
    accountSid: 'TWILIO_ACCOUNT_SID',
    authToken: 'TWILIO_AUTH_TOKEN',
    from: 'TWILIO_PHONE_NUMBER',
    messagingServiceSid: 'TWILIO_MESSAGING_SERVICE_SID',
    statusCallbackUrl: 'TWILIO_STATUS_CALLBACK_URL',
  },
  // Scheduling needs a Messaging Service (docs/twilio.md#scheduling); fetch by SID and find by To/DateSent: docs/twilio.md#reconciliation.
  capabilities: { maxMediaUrls: TWILIO_MAX_MEDIA_URLS, scheduling: true, validityPeriod: true, statusFetch: true, findMessages: true },
  pricing: { currency: 'USD', perSegment: '0.0075', source: 'docs/segments-and-cost.md#cost (Twilio US list price, https://www.twilio.com/en-us/sms/pricing/us)', asOf: '2026-12-07' },
  webhook: twilioWebhook,
};
