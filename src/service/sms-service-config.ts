import type { BuiltInProvider, BuiltInProviderSettings } from '../providers/built-in-providers';
import type { SMSServiceOptions } from './sms-service-options';

export type { BuiltInProvider } from '../providers/built-in-providers';

/**
 * `SMSService.fromConfig()` input, shaped like the host team's constructor (docs/twilio.md#credentials-and-settings:
 * `provider`, `credentials`, `fallback_provider`): the built-in providers by
 * name, with their settings, plus any other `SMSService` option.
 */
export interface SMSServiceConfig extends Omit<SMSServiceOptions, 'providers'> {
  provider: BuiltInProvider;
  /** Settings of `provider`: what its factory takes (`createTwilioProvider`, `createTelnyxProvider`, …). */
  credentials: BuiltInProviderSettings;
  /** Tried when `provider` refused without sending for a reason of its own. */
  fallbackProvider?: BuiltInProvider;
  /** Settings of `fallbackProvider`; required with it. */
  fallbackCredentials?: BuiltInProviderSettings;
}
