// Public entry of `@ocelot-platform/tools-core/provider-kit`: what the built-in adapters are made of, for
// any provider id. A complete custom adapter on it: docs/provider-kit.md.
export type {
  SmsProvider,
  SmsProviderCapabilities,
  ProviderSendOptions,
  ProviderSendRequest,
  ProviderSendResult,
} from '../provider';
export { runHttpAttempt, type HttpAttemptOutcome, type HttpInterruption, type RunHttpAttemptOptions } from './run-http-attempt';
export { currentHttpObservation, type HttpObservation } from './http-observation';
export { classification, type ErrorClassification } from './error-classification';
export { classifyHttpStatus, resolveClassification, UNRECOGNISED_PROVIDER_CODE } from './classify-http-status';
export { createProviderError, type ProviderErrorOptions } from './create-provider-error';
export { TRANSPORT_OUTCOMES, createTransportError } from './transport-outcomes';
export { classifyInterruption } from './classify-interruption';
export { classifyTransportError, type TransportFailure, type TransportFailureKind } from './classify-transport-error';
export { originalTransportError } from './original-transport-error';
export { toReadError } from './to-read-error';
export { headerReaderFrom, parseRetryAfterMs, type HeaderReader } from './retry-after';
export { maskPhoneNumbers } from './mask-phone-numbers';
export { MESSAGE_ID_PARAMETER, withMessageIdParameter } from './with-message-id-parameter';
export { checkProviderRequest, type ProviderRequestLimits } from './check-provider-request';
export {
  findSettingsProblems,
  isHttpUrl,
  secretSettingSchema,
  senderSettingSchema,
  settingsError,
  timeoutSettingSchema,
  type ProviderSettingsRules,
  type SettingsProblem,
} from './provider-settings';
export { acknowledgeWebhook } from './acknowledge-webhook';
export { hasAnyHeader } from './has-any-header';
