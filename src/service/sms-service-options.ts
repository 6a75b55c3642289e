import type { TracerLike } from '../observability/tracer-like';
import type { Logger } from '../logging/logger';
import type { Clock } from '../clock';
import type { EventPublisher } from '../events/event-publisher';
import type { CircuitBreakerOptions } from '../failover/circuit-breaker-options';
import type { FailoverOptions } from '../failover/failover-options';
import type { RetryOptions } from '../failover/retry-options';
import type { IdempotencyOptions } from '../idempotency/idempotency-options';
import type { PhoneValidationOptions } from '../phone';
import type { SmsProvider } from '../providers/provider';
import type { CalculateSegmentsOptions } from '../segments/calculate-segments';
import type { GuardOptions, PacingOptions, QuotaOptions } from '../limits/quota-options';
import type { PricingTable } from '../segments/pricing';
import type { MessageStore } from '../store/message-store';
import type { OptOutStore } from '../opt-outs/opt-out-store';

export interface SMSServiceOptions {
  /**
   * One provider, or several tried in order (failover: a provider is skipped only when it refused
   * without sending for a reason of its own).
   */
  providers: SmsProvider | readonly SmsProvider[];
  /** Where `sms.sent` / `sms.failed` are published. Default: a new `InMemoryEventPublisher`. */
  events?: EventPublisher;
  /** Where messages are recorded. Default: a new bounded `InMemoryMessageStore`. */
  store?: MessageStore;
  /** Price overrides merged over `DEFAULT_PRICING` (Twilio 0.0075, Telnyx 0.0040 USD per segment). */
  pricing?: PricingTable;
  clock?: Clock;
  /** Destination rules: default country for national formats, allowed countries, blocked number types. */
  phone?: PhoneValidationOptions;
  /** Segment counting rules (Smart Encoding emulation, cluster policy, UDH size). */
  segments?: CalculateSegmentsOptions;
  /** Longest body accepted, in segments. Default 10 (Telnyx bills up to 10; https://developers.telnyx.com/docs/messaging/messages/message-encoding/index). */
  maxSegments?: number;
  /** Most media URLs per message. Default 10 (Twilio's limit). */
  maxMediaUrls?: number;
  /**
   * Makes the ids of sends without an idempotency key (and of event ids). Default `crypto.randomUUID`. A send
   * with a key gets an id derived from tenant and key, the same on every retry (docs/persistence.md#one-message-id-per-request).
   */
  generateId?: () => string;
  /**
   * Called when recording or publishing fails after the provider call. The send's outcome stands (a
   * sent message is never reported as failed, which would invite a double send). Default: a warning on
   * `logger`.
   */
  onBackgroundError?: (error: unknown, context: BackgroundErrorContext) => void;
  /**
   * Where the service's warnings go (background failures, limit-store outages, failing event subscribers):
   * a pino logger or any object with `info`, `warn` and `error` taking `(fields, message)`. Default: warnings
   * as `process.emitWarning`, nothing else (docs/logging.md).
   */
  logger?: Logger;
  /**
   * An OpenTelemetry tracer (`trace.getTracer('sms')` from `@opentelemetry/api`): a span per send and a
   * child per provider attempt, numbers masked, no bodies (docs/observability.md). Default: no tracing.
   */
  tracer?: TracerLike;
  /** Provider order per message (`strategy`) and what an unknown outcome does (`onUnknownOutcome`, default `fail`). docs/reliability.md. */
  failover?: FailoverOptions;
  /** Retries of transient "not sent" failures: 3 attempts, 500 ms backoff doubling to 8 s, 30 s budget by default; `false` turns them off. */
  retry?: RetryOptions | false;
  /** A breaker per provider: 5 failures in a row skip it for 30 s, then one probe; `false` turns them off. */
  circuitBreaker?: CircuitBreakerOptions | false;
  /** How `idempotencyKey` is honoured: store (default in memory), retention (24 h), in-flight duplicates, store outages. */
  idempotency?: IdempotencyOptions;
  /**
   * Tenant quotas: an hourly and a daily window per `tenantId`, both enforced, charged only for valid
   * requests (docs/quotas.md). Default: none; `fromEnv` sets them from SMS_RATE_LIMIT / SMS_DAILY_LIMIT.
   */
  quotas?: QuotaOptions;
  /** Limits per destination number and per number block against SMS pumping (docs/quotas.md#abuse-guards). Default: none. */
  guards?: GuardOptions;
  /** Queues and spaces sends per sender at the provider's rate, right before the provider call. Default: none. */
  pacing?: PacingOptions;
  /**
   * Recipients who opted out (STOP replies recorded by the webhook handler, provider errors 21610 and
   * 40300). A send to one fails with `VALIDATION_ERROR` reason `OPTED_OUT` before any provider call;
   * without `from` any opt-out of the recipient counts (docs/webhooks.md). Default: no check.
   */
  optOuts?: OptOutStore;
}

export interface BackgroundErrorContext {
  /**
   * `idempotency`: an idempotency record could not be completed or released, or a claim was skipped
   * (`send-without-claim`); `opt-outs`: a provider's opt-out error could not be recorded.
   */
  readonly stage: 'store' | 'events' | 'idempotency' | 'opt-outs';
  readonly messageId: string;
}
