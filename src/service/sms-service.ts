import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import type { SmsError } from '../errors/sms-error';
import type { EventPublisher } from '../events/event-publisher';
import { createInMemoryEventPublisher } from '../events/in-memory-event-publisher';
import { createReliableProvider, type ReliableProvider } from '../failover/create-reliable-provider';
import type { ServiceHealth } from '../failover/provider-health';
import { readIdempotencyOptions } from '../idempotency/idempotency-options';
import { createInMemoryIdempotencyStore } from '../idempotency/in-memory-idempotency-store';
import { createServiceLimits } from '../limits/create-service-limits';
import { readLogger } from '../logging/read-logger';
import type { QuotaGate } from '../limits/quota-gate';
import type { TenantQuota } from '../limits/tenant-quota';
import type { SendAttempt } from '../messages/send-attempt';
import type { SendRequest, ValidatedSendRequest } from '../messages/send-request';
import type { SendResult } from '../messages/send-result';
import { checkOptOutStore } from '../opt-outs/check-opt-out-store';
import type { OptOutStore } from '../opt-outs/opt-out-store';
import { recordProviderOptOut } from '../opt-outs/record-provider-opt-out';
import { failedAttempt, sentAttempt } from '../providers/attempt-outcome';
import { toSmsError } from '../providers/to-sms-error';
import { priceSegments } from '../segments/price-segments';
import type { Money } from '../segments/money';
import { mergePricing } from '../providers/default-pricing';
import type { PricingTable } from '../segments/pricing';
import { createTracedProvider } from '../observability/create-traced-provider';
import { traceSend } from '../observability/trace-send';
import type { TracerLike } from '../observability/tracer-like';
import type { ReconcileContext } from '../reconcile/reconcile-context';
import { reconcileMessages } from '../reconcile/reconcile-messages';
import type { ReconcileOptions } from '../reconcile/reconcile-options';
import type { ReconcileSummary } from '../reconcile/reconcile-summary';
import { createInMemoryMessageStore } from '../store/in-memory-message-store';
import type { MessageStore } from '../store/message-store';
import { admitSend, type Admission, type AdmissionStages } from './admit-send';
import { createAdmissionStages } from './create-admission-stages';
import { buildMessageRecord, buildQueuedRecord } from './build-message-record';
import { buildProviderRequest } from './build-provider-request';
import { buildSendResult } from './build-send-result';
import { checkReadiness, summariseHealth, type ReadyOptions, type ServiceReadiness } from './check-readiness';
import { checkServiceOptions } from './check-service-options';
import { chooseMessageId } from './choose-message-id';
import { createConfiguredProviders } from './create-configured-providers';
import { createSendEventSink, type SendEventSink, type SendEventSinkOptions } from './create-send-event-sink';
import { previewSend, type SendPreview } from './preview-send';
import { readSmsEnvironment } from './read-sms-environment';
import { reportBackgroundError } from './report-background-error';
import { refuseProvidersOption } from './refuse-providers-option';
import { refuseRemovedSendOptions } from './refuse-removed-send-options';
import type { SendFacts } from './send-facts';
import { settleMessageRecord } from './settle-message-record';
import { writeAheadRecord } from './write-ahead-record';
import type { SMSServiceConfig } from './sms-service-config';
import type { BackgroundErrorContext, SMSServiceOptions } from './sms-service-options';
import { withEnvironmentQuotas } from './with-environment-quotas';

/**
 * Sends SMS and MMS through one or several providers. `send()` reads as its steps, each in its own module
 * (docs/architecture.md): admit (validate → analyse body → opt-out check → idempotency claim → quota) →
 * write-ahead record → provider → the outcome over the record → publish.
 *
 * The opt-out check runs only with `optOuts` (docs/webhooks.md). Cross-cutting provider behaviour
 * (retries, failover, circuit breakers) wraps the provider port and returns the same port
 * (docs/reliability.md).
 *
 * @example
 * import { SMSService } from '@ocelot-platform/tools-core';
 * import { createFakeProvider } from '@ocelot-platform/tools-core/testing';
 *
 * const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })] });
 * const result = await sms.send({ to: '+14155550100', body: 'Your code is 123456' });
 * result.segments; // 1
 */
export class SMSService {
  readonly events: EventPublisher;
  readonly store: MessageStore;
  /** Recipients who opted out (STOP), checked before every send; undefined when not configured. */
  readonly optOuts: OptOutStore | undefined;
  /** The provider every send goes through: retries around a failover over the providers, each behind its circuit breaker. */
  readonly provider: ReliableProvider;

  private readonly clock: Clock;
  private readonly pricing: PricingTable;
  private readonly generateId: () => string;
  private readonly onBackgroundError: (error: unknown, context: BackgroundErrorContext) => void;
  private readonly admission: AdmissionStages;
  private readonly eventSinkOptions: SendEventSinkOptions;
  /** Tenant quotas and abuse guards; undefined when neither is configured (docs/quotas.md). */
  private readonly quotaGate: QuotaGate | undefined;
  private readonly primaryProviderId: string;
  private readonly reconciliation: ReconcileContext;
  private readonly tracer: TracerLike | undefined;
  private readonly priceFor = (provider: string, segments: number, request: Pick<ValidatedSendRequest, 'country'>): Money | null =>
    this.pricing[provider] === undefined ? null : priceSegments(segments, provider, request.country, this.pricing);

  constructor(options: SMSServiceOptions) {
    const tracer = (this.tracer = options.tracer);
    const providers = checkServiceOptions(options).map((provider) => (tracer === undefined ? provider : createTracedProvider(provider, tracer)));
    this.primaryProviderId = providers[0]?.id ?? 'unknown';
    this.clock = options.clock ?? systemClock;
    this.generateId = options.generateId ?? randomUUID;
    const logger = readLogger(options.logger, 'options.logger');
    this.onBackgroundError = options.onBackgroundError ?? ((error, context) => reportBackgroundError(error, context, logger));
    this.events = options.events ?? createInMemoryEventPublisher({ logger });
    this.eventSinkOptions = { publisher: this.events, clock: this.clock, generateId: this.generateId, onBackgroundError: this.onBackgroundError };
    // Pacing wraps each provider, so it runs right before the provider call, inside failover.
    const limits = createServiceLimits(options, {
      providers,
      clock: this.clock,
      generateId: this.generateId,
      events: this.events,
      logger,
      onPublishError: (error, event) => this.onBackgroundError(error, { stage: 'events', messageId: event.event_id }),
    });
    this.quotaGate = limits.quotaGate;
    this.provider = createReliableProvider({ providers: limits.providers, clock: this.clock, failover: options.failover, retry: options.retry, circuitBreaker: options.circuitBreaker });
    this.store = options.store ?? createInMemoryMessageStore();
    if (options.optOuts !== undefined) checkOptOutStore(options.optOuts, 'options.optOuts');
    this.optOuts = options.optOuts;
    this.pricing = mergePricing(options.pricing);
    const idempotency = readIdempotencyOptions(options.idempotency, this.provider.retryBudgetMs);
    const idempotencyStore = idempotency.store ?? createInMemoryIdempotencyStore({ clock: this.clock });
    const onBackgroundError = this.onBackgroundError;
    this.admission = createAdmissionStages({ options, provider: this.provider, optOuts: this.optOuts, quotaGate: this.quotaGate, idempotency, idempotencyStore, clock: this.clock, onBackgroundError });
    const price = (provider: string, segments: number) => this.priceFor(provider, segments, { country: undefined });
    const onPublishError = (error: unknown, messageId: string) => onBackgroundError(error, { stage: 'events', messageId });
    this.reconciliation = { store: this.store, idempotency: idempotencyStore, retentionMs: idempotency.retentionMs, providers, events: this.events, clock: this.clock, generateId: this.generateId, price, resend: (request) => this.send(request), onPublishError };
  }

  /**
   * Builds a service on the built-in providers by name, as the host team's constructor does:
   * `provider` with its `credentials`, optionally `fallbackProvider` with `fallbackCredentials`, plus any
   * other option. Every problem is listed in one `ValidationError`, naming settings, never values.
   *
   * @example
   * const sms = SMSService.fromConfig({
   *   provider: 'twilio',
   *   credentials: { accountSid: 'AC…', authToken: '…', from: '+14155550100' },
   *   fallbackProvider: 'telnyx',
   *   fallbackCredentials: { apiKey: 'KEY…', from: '+14155550101' },
   * });
   */
  static fromConfig(config: SMSServiceConfig): SMSService {
    const { provider, credentials, fallbackProvider, fallbackCredentials, ...options } = config;
    refuseProvidersOption(options, 'fromConfig');
    return new SMSService({ ...options, providers: createConfiguredProviders(config) });
  }

  /**
   * Builds a service from environment variables (docs/providers.md): each built-in vendor's, in the
   * order of the built-in list (the second configured is the fallback), and SMS_RATE_LIMIT, SMS_DAILY_LIMIT.
   * Missing or malformed variables give one `ValidationError` listing every problem.
   *
   * @example
   * const sms = SMSService.fromEnv(); // process.env
   */
  static fromEnv(env: Readonly<Record<string, string | undefined>> = process.env, options: Omit<SMSServiceOptions, 'providers'> = {}): SMSService {
    refuseProvidersOption(options, 'fromEnv');
    const { config, limits } = readSmsEnvironment(env);
    return SMSService.fromConfig({ ...options, ...config, ...withEnvironmentQuotas(options.quotas, limits) });
  }

  /**
   * Validates, prices and sends one message, records it and publishes `sms.sent`; on failure records
   * it, publishes `sms.failed` and rejects with an `SmsError` (`VALIDATION_ERROR` before any provider
   * call for a bad request). With an `idempotencyKey`, a repeat of a finished send returns (or throws)
   * the first send's outcome without sending, and publishes nothing. The platform worker takes the
   * `sms.sent` / `sms.failed` of the sends it makes with `captureResultEvent` (docs/platform-mode.md).
   */
  async send(input: SendRequest): Promise<SendResult> {
    // eslint-disable-next-line prefer-rest-params -- a JavaScript caller of 0.1 may still pass options.
    refuseRemovedSendOptions(arguments[1]);
    return traceSend(this.tracer, input, () => this.sendNow(input));
  }

  private async sendNow(input: SendRequest): Promise<SendResult> {
    const messageId = chooseMessageId(input, this.generateId);
    const createdAt = this.clock.now();
    const events = createSendEventSink(messageId, createdAt, this.eventSinkOptions);

    const admission = await this.admit(input, messageId, events);
    if (admission.status === 'replay') return admission.settle();
    const { request, analysis, lease } = admission;
    await writeAheadRecord(this.store, buildQueuedRecord({ messageId, request, analysis, createdAt }), { input, lease, events });

    const attempts: SendAttempt[] = [];
    let outcome: SendFacts['outcome'];
    try {
      const accepted = await this.provider.send(buildProviderRequest(messageId, request, analysis), {
        onAttempt: (attempt) => attempts.push(attempt),
        onRetry: (retry) => events.retrying({ request, analysis }, retry),
      });
      const provider = accepted.provider ?? this.provider.id;
      outcome = { accepted, provider, cost: this.priceFor(provider, analysis.segments, request) };
    } catch (thrown) {
      outcome = { error: toSmsError(thrown, this.provider.id) };
    }
    const finishedAt = this.clock.now();
    if (attempts.length === 0) {
      const durationMs = finishedAt - createdAt;
      attempts.push('error' in outcome ? failedAttempt(this.provider.id, outcome.error, durationMs) : sentAttempt(this.provider.id, durationMs));
    }
    const facts: SendFacts = { messageId, request, analysis, createdAt, finishedAt, attempts, outcome };

    if ('error' in outcome) {
      await lease?.complete({ error: outcome.error });
      await this.settle(facts);
      await events.finished(facts);
      await this.recordOptOut(facts, outcome.error);
      throw outcome.error;
    }
    const result = buildSendResult({ ...facts, outcome });
    await lease?.complete({ result });
    await this.settle(facts);
    await events.finished(facts);
    return result;
  }

  /**
   * What `send(input)` would do, without doing it: validates the request (throwing the `ValidationError`
   * `send()` would), counts its segments and prices them at the first provider. Claims no key, charges no
   * quota, calls no provider, records and publishes nothing (`tools-core send --dry-run`).
   *
   * @example
   * sms.preview({ to: '+14155552671', body: 'Hi' }).segments; // 1
   */
  preview(input: SendRequest): SendPreview {
    return previewSend(input, this.admission, (request, segments) => ({ provider: this.primaryProviderId, cost: this.priceFor(this.primaryProviderId, segments, request) }));
  }

  /**
   * Each provider's circuit breaker state and, when it cannot send at all (its SDK did not load at `ready()`
   * or at a send), `unavailable` with the reason; overall `ok` when every provider is usable, `degraded` when
   * some are not, `down` when none is (sends then fail fast). `tools-core doctor` prints it (docs/cli.md#doctor).
   */
  health(): ServiceHealth {
    return summariseHealth(this.provider);
  }

  /**
   * Preflight before the first send: every provider loads its SDK and builds its client (custom ones
   * run their `ready()` hook). Resolves with each provider's readiness; rejects with a `NotReadyError`
   * naming what to install or fix. Never sends (docs/platform-mode.md#preflight-smsready).
   *
   * @example
   * await SMSService.fromEnv().ready(); // NotReadyError "… telnyx (fallback): … Fix: run `npm install telnyx`." when telnyx is missing
   */
  ready(options?: ReadyOptions): Promise<ServiceReadiness> {
    return checkReadiness(this.provider, options);
  }

  /**
   * Settles what never got an answer (docs/reconciliation.md): unknown outcomes and messages stuck in a
   * non-final status, from what each provider reports; one reconciler at a time across instances. Never
   * sends, except `resendNotSent` for a message the provider provably never accepted.
   */
  reconcile(options?: ReconcileOptions): Promise<ReconcileSummary> {
    return reconcileMessages(this.reconciliation, options);
  }

  /**
   * The tenant's remaining hourly and daily allowance, read without charging it. Without `tenantId`, the
   * tenant charged for sends without one (`quotas.defaultTenantId`, default `default`). A window the
   * tenant has no limit for is null.
   *
   * @example
   * const sms = new SMSService({ providers: [createFakeProvider()], quotas: { hourly: 100, daily: 500 } });
   * await sms.send({ to: '+14155552671', body: 'Hi', tenantId: 'org-1' });
   * (await sms.quota('org-1')).hourly; // { limit: 100, used: 1, remaining: 99, resetAt: '…' }
   */
  async quota(tenantId?: string): Promise<TenantQuota> {
    if (this.quotaGate === undefined) return { tenantId: tenantId ?? 'default', hourly: null, daily: null, degraded: false };
    return this.quotaGate.read(tenantId);
  }

  /** The admission stages; a refusal publishes `sms.failed` (not recorded: nothing was sent) and rethrows. */
  private async admit(input: SendRequest, messageId: string, events: SendEventSink): Promise<Admission> {
    try {
      return await admitSend(input, messageId, this.admission);
    } catch (error) {
      await events.refused(input, toSmsError(error, this.provider.id));
      throw error;
    }
  }

  /** The outcome over the write-ahead record; a store failure is retried, then reported, never thrown (the provider has answered). */
  private settle(facts: SendFacts): Promise<void> {
    return settleMessageRecord(this.store, buildMessageRecord(facts), { onGiveUp: (error) => this.onBackgroundError(error, { stage: 'store', messageId: facts.messageId }) });
  }

  /** A provider refused the send because the recipient opted out (21610, 40300): remember it, so the next send stops before any provider call. */
  private recordOptOut(facts: SendFacts, error: SmsError): Promise<void> {
    const optOuts = this.optOuts;
    if (optOuts === undefined) return Promise.resolve();
    return recordProviderOptOut(optOuts, facts.request, error, this.clock.now()).then(
      () => undefined,
      (storeError: unknown) => this.onBackgroundError(storeError, { stage: 'opt-outs', messageId: facts.messageId }),
    );
  }
}
