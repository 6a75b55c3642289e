// Public entry of `@ocelot-platform/tools-core/twilio`. Importing it never loads the `twilio` package:
// the adapter imports it on its first send.
export { createTwilioProvider } from './create-twilio-provider';
export { DEFAULT_TWILIO_TIMEOUT_MS, type TwilioProviderSettings } from './parse-twilio-settings';
export type { TwilioClientLike, TwilioMessageCreateParams, TwilioMessageLike } from './twilio-client-like';
export { mapTwilioError, TWILIO_ERROR_TABLE, type TwilioErrorDetails, type TwilioErrorPhase, type TwilioErrorRow } from './map-twilio-error';
export { mapTwilioStatus, TWILIO_MESSAGE_STATUSES, type TwilioMessageStatus } from './map-twilio-status';
export type { ErrorClassification } from '../kit/error-classification';
