// The public allow-list of the root entry. No logic here; nothing that loads a provider SDK or a
// server client (those live on their own subpaths).
export { SMSService } from './service/sms-service';
export type { SMSServiceOptions, BackgroundErrorContext } from './service/sms-service-options';
export type { SendRequest } from './messages/send-request';
export type { SendResult, SendAttempt, AttemptOutcome } from './messages/send-result';
export type { SendPreview } from './service/preview-send';

export { SMS_ERROR_CODES, SMS_ERROR_REASONS, SmsError, ValidationError, FinalFailureError, NotReadyError } from './errors';
export type { SmsErrorCode, SmsErrorReason, SmsErrorFault, SmsErrorOptions, ValidationErrorOptions, FinalFailureErrorOptions, NotReadyErrorOptions, NotReadyProvider } from './errors';
export type { ReadyOptions, ServiceReadiness } from './service/check-readiness';
export type { ProviderReadiness } from './failover/provider-readiness';

export { calculateSegments } from './segments/calculate-segments';
export type { CalculateSegmentsOptions, SegmentCalculation, SmsEncoding } from './segments/calculate-segments';
export { estimateCost, type EstimateCostOptions } from './providers/estimate-cost';
export { DEFAULT_PRICING, mergePricing } from './providers/default-pricing';
export type { PricingTable, ProviderPricing } from './segments/pricing';
export type { Money } from './segments/money';

export { validatePhoneNumber, toE164, isE164, maskPhoneNumber } from './phone';
export type { E164, PhoneNumberType, PhoneValidationOptions, PhoneValidationReason, PhoneValidationResult } from './phone';

export { MESSAGE_STATUSES, type MessageStatus } from './messages/message-status';
export type {
  SmsProvider,
  SmsProviderCapabilities,
  ProviderSendRequest,
  ProviderSendOptions,
  ProviderSendResult,
  ProviderFetchRequest,
  ProviderMessageQuery,
  ProviderCallOptions,
  ProviderMessage,
  SendCapabilities,
} from './providers/provider';
export { createFailoverProvider, type FailoverProviderOptions } from './failover/create-failover-provider';
export type { FailoverOptions, FailoverStrategy, FailoverStrategyContext, UnknownOutcomePolicy } from './failover/failover-options';
export { createRetryingProvider, type RetryingProvider, type RetryingProviderOptions } from './failover/create-retrying-provider';
export type { RetryOptions } from './failover/retry-options';
export { createCircuitBreakerProvider, type CircuitBreakerProvider, type CircuitBreakerProviderOptions } from './failover/create-circuit-breaker-provider';
export type { CircuitBreakerOptions } from './failover/circuit-breaker-options';
export { createReliableProvider, type ReliableProvider, type ReliableProviderOptions } from './failover/create-reliable-provider';
export type { CircuitState, ProviderHealth, ServiceHealth } from './failover/provider-health';
export type { ProviderRetry, ReliableSendOptions } from './failover/reliable-send-options';

export { createInMemoryIdempotencyStore, type InMemoryIdempotencyStore, type InMemoryIdempotencyStoreOptions } from './idempotency/in-memory-idempotency-store';
export type { IdempotencyOptions } from './idempotency/idempotency-options';
export type {
  IdempotencyStore,
  IdempotencyClaimRequest,
  IdempotencyClaimResult,
  IdempotencyCompleteRequest,
  IdempotencyReleaseRequest,
  IdempotencySettleRequest,
  StoredSendOutcome,
} from './idempotency/idempotency-store';

export { createInMemoryEventPublisher, type InMemoryEventPublisher, type InMemoryEventPublisherOptions, type SmsEventHandler } from './events/in-memory-event-publisher';
export type { EventPublisher } from './events/event-publisher';
export { captureResultEvent, type CapturedSend } from './events/result-event-capture';
export { SMS_EVENT_SCHEMA_VERSION } from './events/sms-event';
export type { SmsEvent, SmsEventType, SmsEventError, SmsResultEvent, SmsResultEventData, SmsRetryingEvent, SmsRetryingEventData } from './events/sms-event';

export { createInMemoryMessageStore, type InMemoryMessageStore, type InMemoryMessageStoreOptions } from './store/in-memory-message-store';
export type { MessageStore, MessageUpdate } from './store/message-store';
export type { Conversation, ConversationPage, ConversationQuery, MessageListQuery, MessagePage } from './store/conversation';
export type { UnsettledQuery } from './store/unsettled-query';
export type { ReconcileOptions } from './reconcile/reconcile-options';
export type { ReconcileSummary } from './reconcile/reconcile-summary';
export type { MessageRecord } from './store/message-record';

export {
  createWebhookHandler,
  toNodeHandler,
  verifyTwilioSignature,
  verifyTelnyxSignature,
  TELNYX_DEFAULT_TOLERANCE_SECONDS,
  computeTwilioSignature,
  parseTwilioWebhook,
  parseTelnyxWebhook,
  parseFormParams,
  applyStatusTransition,
  STATUS_RANK,
  updateRecordStatus,
  createInMemoryWebhookDedupeStore,
  type InMemoryWebhookDedupeStore,
} from './webhooks';
export type {
  WebhookHandler,
  WebhookHandlerOptions,
  WebhookErrorContext,
  WebhookService,
  TwilioWebhookOptions,
  TelnyxWebhookOptions,
  NodeHandlerOptions,
  VerifyTwilioSignatureOptions,
  VerifyTelnyxSignatureOptions,
  TelnyxSignatureCheck,
  WebhookVerification,
  WebhookRejectionReason,
  TwilioParams,
  ParsedWebhook,
  ParsedStatusCallback,
  ParsedInboundMessage,
  IgnoredWebhook,
  MalformedWebhook,
  StatusTransition,
  StatusUpdate,
  InboundMessage,
  InboundMedia,
  SmsStatusEvent,
  SmsStatusEventData,
  SmsReceivedEvent,
  SmsReceivedEventData,
  SmsReceivedMedia,
  WebhookDedupeStore,
  InMemoryWebhookDedupeStoreOptions,
} from './webhooks';
export { OPT_OUT_KEYWORDS, classifyOptOutKeyword, ANY_SENDER, createInMemoryOptOutStore, type InMemoryOptOutStore, findOptOutError } from './opt-outs';
export type { OptOutAction, OptOutKeyword, OptOutKeywordMatch, OptOutStore, OptOutEntry, OptOutPair, OptOutQuery } from './opt-outs';

export { createInMemoryQuotaLimiter, type InMemoryQuotaLimiter, type InMemoryQuotaLimiterOptions } from './limits/in-memory-quota-limiter';
export { createInMemorySenderPacer, type InMemorySenderPacer, type InMemorySenderPacerOptions } from './limits/in-memory-sender-pacer';
export { createPacedProvider, type PacedProviderOptions } from './limits/create-paced-provider';
export { QuotaExceededError, type QuotaExceededErrorOptions, type QuotaWindowName } from './limits/quota-exceeded-error';
export type { QuotaLimiter, QuotaCounter, QuotaCounterState, QuotaDecision, QuotaReading } from './limits/quota-limiter';
export type { SenderPacer, PaceRequest, PaceDecision } from './limits/sender-pacer';
export type { QuotaOptions, GuardOptions, GuardRule, PacingOptions, PaceRule, TenantLimits, TenantLimitsSource } from './limits/quota-options';
export type { TenantQuota, QuotaWindowState } from './limits/tenant-quota';
export type { QuotaEvent, QuotaWarningEvent, QuotaDegradedEvent, QuotaRecoveredEvent } from './events/quota-event';

export type { SMSServiceConfig, BuiltInProvider } from './service/sms-service-config';
export { PROVIDER_ENVIRONMENT_VARIABLES } from './service/read-sms-environment';
export { systemClock, type Clock } from './clock';

// Platform mode (docs/platform-mode.md): event contracts, the EventBus port, the worker and the client.
export {
  smsSendRequestSchema,
  smsSendRequestDataSchema,
  SMS_SEND_REQUEST_SCHEMA_VERSION,
  MAX_REQUEST_TTL_SECONDS,
  type SmsSendRequest,
  type SmsSendRequestInput,
} from './events/contracts/sms-send-request-schema';
export { smsResultEventSchema, smsResultEventDataSchema } from './events/contracts/sms-result-event-schema';
export { smsRetryingEventSchema } from './events/contracts/sms-retrying-event-schema';
export { smsStatusEventSchema } from './events/contracts/sms-status-event-schema';
export { smsReceivedEventSchema } from './events/contracts/sms-received-event-schema';
export { smsEventErrorSchema } from './events/contracts/sms-event-error-schema';
export type { SmsResponseEvent } from './events/contracts/sms-response-event';
export type { EventBus, BusMessage, BusDelivery, BusHandler, BusSubscription, PublishOptions, SubscribeOptions, RetryLaterOptions } from './platform/event-bus';
export { createInMemoryEventBus, type InMemoryEventBus, type InMemoryEventBusOptions } from './platform/in-memory-event-bus';
export { deadLetterQueueName } from './platform/dead-letter-queue-name';
export { createSmsWorker, DEFAULT_SEND_REQUEST_QUEUE, type SmsWorker, type SmsWorkerOptions } from './platform/create-sms-worker';
export type { WorkerReconcileOptions } from './platform/create-reconcile-schedule';
export { createMeteredEventPublisher, type MeteredEventPublisherOptions } from './observability/create-metered-event-publisher';
export type { MeterLike, MetricAttributes } from './observability/meter-like';
export type { SpanLike, TracerLike } from './observability/tracer-like';
export type { SmsWorkerLogEntry } from './platform/sms-worker-log-entry';
export { createWorkerEventPublisher, type WorkerEventPublisherOptions } from './platform/create-worker-event-publisher';
export { createSmsClient, type SmsClient, type SmsClientOptions, type SmsClientRequest } from './platform/create-sms-client';
export { responseEventId } from './platform/build-response-event';
