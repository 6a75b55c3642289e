export { createFakeProvider, type FakeProvider, type FakeProviderCall, type FakeProviderOptions } from './create-fake-provider';
export type {
  FakeAcceptOutcome,
  FakeFailBeforeSendOutcome,
  FakeProviderOutcome,
  FakeRateLimitOutcome,
  FakeRejectOutcome,
  FakeTimeoutAfterSendOutcome,
} from './fake-provider-outcome';
export type { ContractTestApi } from './contract-test-api';
export { runMessageStoreContract, type MessageStoreContractOptions } from './run-message-store-contract';
export { runIdempotencyStoreContract, type IdempotencyStoreContractOptions } from './run-idempotency-store-contract';
export { runProviderContract, type ProviderContractOptions, type ProviderScenario } from './run-provider-contract';
export { runRateLimiterContract, type RateLimiterContractOptions } from './run-rate-limiter-contract';
export { runOptOutStoreContract, type OptOutStoreContractOptions } from './run-opt-out-store-contract';
export { runWebhookDedupeStoreContract, type WebhookDedupeStoreContractOptions } from './run-webhook-dedupe-store-contract';
export { signTwilioRequest, type SignTwilioRequestOptions, type SignedTwilioRequest } from '../providers/twilio/sign-twilio-request';
export { signTelnyxRequest, type SignTelnyxRequestOptions, type SignedTelnyxRequest } from '../providers/telnyx/sign-telnyx-request';
export { signWebhookRequest, type SignWebhookRequestOptions, type SignedWebhookRequest } from './sign-webhook-request';
export { runEventBusContract, type EventBusContractOptions } from './run-event-bus-contract';
export { connectionError, type ConnectionErrorCode, type ConnectionErrorOptions } from './connection-error';
export { installPromiseWithResolvers } from './install-promise-with-resolvers';
