import type { TelnyxProviderSettings } from '../providers/telnyx/parse-telnyx-settings';
import type { TwilioProviderSettings } from '../providers/twilio/parse-twilio-settings';
import type { SMSServiceOptions } from './sms-service-options';

export type BuiltInProvider = 'twilio' | 'telnyx';

/**
 * `SMSService.fromConfig()` input, shaped like the host team's constructor (docs/twilio.md#credentials-and-settings:
 * `provider`, `credentials`, `fallback_provider`): the built-in providers by
 * name, with their settings, plus any other `SMSService` option.
 */
export interface SMSServiceConfig extends Omit<SMSServiceOptions, 'providers'> {
  provider: BuiltInProvider;
  /** Settings of `provider` (`createTwilioProvider` or `createTelnyxProvider` settings). */
  credentials: TwilioProviderSettings | TelnyxProviderSettings;
  /** Tried when `provider` refused without sending for a reason of its own. */
  fallbackProvider?: BuiltInProvider;
  /** Settings of `fallbackProvider`; required with it. */
  fallbackCredentials?: TwilioProviderSettings | TelnyxProviderSettings;
}
