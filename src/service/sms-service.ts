import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import type { SmsError } from '../errors/sms-error';
import { ValidationError } from '../errors/validation-error';
import { createResultEvent } from '../events/create-result-event';
import type { EventPublisher } from '../events/event-publisher';
import type { SmsResultEvent } from '../events/sms-event';
import { InMemoryEventBus } from '../events/in-memory-event-bus';
import { createRetryingEvent } from '../events/create-retrying-event';
import { createReliableProvider, type ReliableProvider } from '../failover/create-reliable-provider';
import type { ReliableSendOptions } from '../failover/reliable-send-options';
import { createIdempotencyGuard, type IdempotencyGuard, type IdempotencyLease } from '../idempotency/create-idempotency-guard';
import { InMemoryIdempotencyStore } from '../idempotency/in-memory-idempotency-store';
import { readIdempotencyOptions } from '../idempotency/idempotency-options';
import { createServiceLimits } from '../limits/create-service-limits';
import type { QuotaGate } from '../limits/quota-gate';
import type { TenantQuota } from '../limits/tenant-quota';
import { withEnvironmentQuotas } from '../limits/with-environment-quotas';
import { readPhonePolicy } from '../phone/phone-policy';
import { failedAttempt, sentAttempt } from '../providers/attempt-outcome';
import type { ServiceHealth } from '../failover/provider-health';
import type { ProviderSendResult } from '../providers/provider';
import type { SendAttempt } from '../providers/send-attempt';
import { toSmsError } from '../providers/to-sms-error';
import { calculateSegments, type CalculateSegmentsOptions, type SegmentCalculation } from '../segments/calculate-segments';
import { priceSegments } from '../segments/estimate-cost';
import type { Money } from '../segments/money';
import { mergePricing, type PricingTable } from '../segments/pricing';
import { InMemoryMessageStore } from '../store/in-memory-message-store';
import type { MessageRecord } from '../store/message-record';
import type { MessageStore } from '../store/message-store';
import { checkReadiness, summariseHealth, type ReadyOptions, type ServiceReadiness } from './check-readiness';
import { checkServiceOptions } from './check-service-options';
import { createConfiguredProviders } from './create-configured-providers';
import { readSmsEnvironment } from './read-sms-environment';
import type { SMSServiceConfig } from './sms-service-config';
import { checkSendOptions } from './check-send-options';
import type { SendOptions } from './send-options';
import type { SendRequest, ValidatedSendRequest } from './send-request';
import type { SendResult } from './send-result';
import type { BackgroundErrorContext, SMSServiceOptions } from './sms-service-options';
import { validateSendRequest, type SendRequestRules } from './validate-send-request';
import { assertNotOptedOut } from '../opt-outs/assert-not-opted-out';
import { checkOptOutStore } from '../opt-outs/check-opt-out-store';
import type { OptOutStore } from '../opt-outs/opt-out-store';
import { recordProviderOptOut } from '../opt-outs/record-provider-opt-out';

/**
 * Sends SMS and MMS through one or several providers. `send()` is a short pipeline, one step per module
 * (docs/architecture.md):
 *
 * validate → analyse body → opt-out check → idempotency claim → quota → provider → record → publish
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
  private readonly rules: SendRequestRules;
  private readonly segmentOptions: CalculateSegmentsOptions | undefined;
  private readonly maxSegments: number;
  private readonly generateId: () => string;
  private readonly onBackgroundError: (error: unknown, context: BackgroundErrorContext) => void;
  private readonly idempotency: IdempotencyGuard;
  /** Tenant quotas and abuse guards; undefined when neither is configured (docs/quotas.md). */
  private readonly quotaGate: QuotaGate | undefined;

  constructor(options: SMSServiceOptions) {
    this.clock = options.clock ?? systemClock;
    // Pacing wraps each provider (so it runs right before the provider call, inside failover).
    this.events = options.events ?? new InMemoryEventBus();
    const { providers, quotaGate } = createServiceLimits(options, checkServiceOptions(options), this.clock, () => this.generateId(), (event) => {
      void this.publish(event, event.event_id);
    });
    this.quotaGate = quotaGate;
    this.provider = createReliableProvider({ providers, clock: this.clock, failover: options.failover, retry: options.retry, circuitBreaker: options.circuitBreaker });
    this.store = options.store ?? new InMemoryMessageStore();
    if (options.optOuts !== undefined) checkOptOutStore(options.optOuts, 'options.optOuts');
    this.optOuts = options.optOuts;
    this.pricing = mergePricing(options.pricing);
    this.segmentOptions = options.segments;
    // Validates the segment options once, here, rather than on the first send.
    calculateSegments('', this.segmentOptions);
    this.maxSegments = options.maxSegments ?? 10;
    this.rules = {
      phone: readPhonePolicy(options.phone),
      maxMediaUrls: Math.min(options.maxMediaUrls ?? 10, this.provider.capabilities?.maxMediaUrls ?? Infinity),
    };
    this.generateId = options.generateId ?? randomUUID;
    this.onBackgroundError = options.onBackgroundError ?? reportBackgroundError;
    const idempotency = readIdempotencyOptions(options.idempotency, this.provider.retryBudgetMs);
    this.idempotency = createIdempotencyGuard({
      store: idempotency.store ?? new InMemoryIdempotencyStore({ clock: this.clock }),
      settings: idempotency,
      onStoreError: (error, messageId) => this.onBackgroundError(error, { stage: 'idempotency', messageId }),
    });
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
    return new SMSService({ ...options, providers: createConfiguredProviders(config) });
  }

  /**
   * Builds a service from environment variables: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
   * TWILIO_PHONE_NUMBER, TWILIO_MESSAGING_SERVICE_SID, TWILIO_STATUS_CALLBACK_URL, TELNYX_API_KEY,
   * TELNYX_PHONE_NUMBER, TELNYX_MESSAGING_PROFILE_ID, SMS_RATE_LIMIT, SMS_DAILY_LIMIT. Twilio comes first
   * and Telnyx is its fallback when both are configured. Missing or malformed variables give one
   * `ValidationError` listing every problem. Nothing is read until this is called.
   *
   * @example
   * const sms = SMSService.fromEnv(); // process.env
   */
  static fromEnv(env: Readonly<Record<string, string | undefined>> = process.env, options: Omit<SMSServiceOptions, 'providers'> = {}): SMSService {
    const { config, limits } = readSmsEnvironment(env);
    return SMSService.fromConfig({ ...options, ...config, ...withEnvironmentQuotas(options.quotas, limits) });
  }

  /**
   * Validates, prices and sends one message, records it and publishes `sms.sent`; on failure records
   * it, publishes `sms.failed` and rejects with an `SmsError` (`VALIDATION_ERROR` before any provider
   * call for a bad request). With an `idempotencyKey`, a repeat of a finished send returns (or throws)
   * the first send's outcome without sending, and publishes nothing. `options.onResultEvent` takes the
   * `sms.sent` / `sms.failed` instead of the `events` publisher (the platform worker answers with it).
   */
  async send(input: SendRequest, options: SendOptions = {}): Promise<SendResult> {
    checkSendOptions(options);
    const id = this.generateId();
    const createdAt = this.clock.now();
    let request: ValidatedSendRequest;
    let analysis: SegmentCalculation;
    let lease: IdempotencyLease | undefined;
    let replaying = false;
    try {
      request = validateSendRequest(input, this.rules);
      analysis = this.analyse(request.body);
      // Opt-outs: refused before the claim and any provider call, so a STOP is never bypassed (docs/webhooks.md).
      if (this.optOuts !== undefined) await assertNotOptedOut(this.optOuts, request);
      // Idempotency: claim the tenant-scoped key before any charge or provider call (reliability.md §2.3 rule 1).
      const claim = await this.idempotency.claim(request, id);
      if (claim.status === 'duplicate') {
        replaying = true;
        return claim.settle();
      }
      lease = claim.lease;
      // Tenant quota and abuse guards: one atomic charge, only for a valid request (docs/quotas.md).
      if (this.quotaGate !== undefined) await this.quotaGate.admit(request, analysis.segments);
    } catch (error) {
      // A duplicate replays the first send's outcome; that send recorded and published it already.
      if (replaying) throw error;
      // Refused before any provider call: the key is freed, so the same request can be retried.
      await lease?.release();
      await this.publishFailure(id, input, toSmsError(error, this.provider.id), createdAt, options);
      throw error;
    }

    const attempts: SendAttempt[] = [];
    let accepted: ProviderSendResult;
    try {
      accepted = await this.provider.send(
        {
          messageId: id,
          to: request.to,
          from: request.from,
          body: request.body,
          mediaUrls: request.mediaUrls,
          encoding: analysis.encoding,
          segments: analysis.segments,
          validityPeriodSeconds: request.validityPeriodSeconds,
          sendAt: request.sendAt,
          tenantId: request.tenantId,
        },
        this.attemptListeners(id, request, analysis, attempts),
      );
    } catch (thrown) {
      const error = toSmsError(thrown, this.provider.id);
      if (attempts.length === 0) attempts.push(failedAttempt(this.provider.id, error, this.clock.now() - createdAt));
      await lease?.complete({ error });
      await this.finish(id, request, analysis, createdAt, { error }, options);
      await this.recordOptOut(id, request, error);
      throw error;
    }
    if (attempts.length === 0) attempts.push(sentAttempt(this.provider.id, this.clock.now() - createdAt));

    const provider = accepted.provider ?? this.provider.id;
    const cost = this.priceFor(provider, analysis.segments, request);
    const result: SendResult = {
      id,
      status: accepted.status,
      provider,
      providerMessageId: accepted.providerMessageId,
      to: request.to,
      from: accepted.from ?? request.from ?? null,
      segments: analysis.segments,
      encoding: analysis.encoding,
      units: analysis.units,
      cost,
      attempts,
      tenantId: request.tenantId ?? null,
      correlationId: request.correlationId ?? id,
      createdAt: new Date(createdAt).toISOString(),
    };
    await lease?.complete({ result });
    await this.finish(id, request, analysis, createdAt, { accepted, provider, cost }, options);
    return result;
  }

  /**
   * Each provider's circuit breaker state and, when it cannot send at all (its SDK did not load at
   * `ready()` or at a send), `unavailable` with the reason; overall `ok` when every provider is usable,
   * `degraded` when some are not, `down` when none is (sends then fail fast).
   *
   * @example
   * const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })] });
   * sms.health(); // { status: 'ok', providers: [{ provider: 'twilio', state: 'closed', consecutiveFailures: 0, probeAt: null }] }
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
   * const sms = SMSService.fromEnv();
   * await sms.ready(); // NotReadyError "… telnyx (fallback): … Fix: run `npm install telnyx`." when telnyx is missing
   */
  ready(options?: ReadyOptions): Promise<ServiceReadiness> {
    return checkReadiness(this.provider, options);
  }

  /** Collects each attempt into `attempts` and publishes `sms.retrying` before each retry. */
  private attemptListeners(id: string, request: ValidatedSendRequest, analysis: SegmentCalculation, attempts: SendAttempt[]): ReliableSendOptions {
    return {
      onAttempt: (attempt) => attempts.push(attempt),
      onRetry: (retry) =>
        this.publish(
          createRetryingEvent({
            eventId: this.generateId(),
            messageId: id,
            correlationId: request.correlationId ?? id,
            tenantId: request.tenantId,
            timestamp: this.clock.now(),
            to: request.to,
            from: request.from,
            segments: analysis.segments,
            encoding: analysis.encoding,
            metadata: request.metadata,
            retry,
          }),
          id,
        ),
    };
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

  private analyse(body: string): SegmentCalculation {
    const analysis = calculateSegments(body, this.segmentOptions);
    if (analysis.segments > this.maxSegments) {
      throw new ValidationError({
        field: 'body',
        reason: 'BODY_TOO_LONG',
        problem: `is ${analysis.segments} segments (${analysis.encoding}, ${analysis.units} units); the limit is ${this.maxSegments}.`,
        fix:
          analysis.encoding === 'UCS-2'
            ? `shorten the text (UCS-2 fits 67 units per segment; removing emoji and non-GSM characters such as ${analysis.nonGsmCharacters.slice(0, 3).join(' ')} may switch it to GSM-7), or raise maxSegments.`
            : 'shorten the text (GSM-7 fits 153 characters per segment), or raise maxSegments.',
      });
    }
    return analysis;
  }

  private priceFor(provider: string, segments: number, request: ValidatedSendRequest): Money | null {
    return this.pricing[provider] === undefined ? null : priceSegments(segments, provider, request.country, this.pricing);
  }

  /** Records the outcome and publishes its event; failures here are reported, never thrown. */
  private async finish(
    id: string,
    request: ValidatedSendRequest,
    analysis: SegmentCalculation,
    createdAt: number,
    outcome: { accepted: ProviderSendResult; provider: string; cost: Money | null } | { error: SmsError },
    options: SendOptions,
  ): Promise<void> {
    const now = this.clock.now();
    const error = 'error' in outcome ? outcome.error : undefined;
    const accepted = 'accepted' in outcome ? outcome : undefined;
    const record: MessageRecord = {
      id,
      tenantId: request.tenantId ?? null,
      direction: 'outbound',
      from: accepted?.accepted.from ?? request.from ?? null,
      to: request.to,
      body: request.body,
      mediaUrls: request.mediaUrls,
      provider: accepted?.provider ?? error?.provider ?? null,
      providerMessageId: accepted?.accepted.providerMessageId ?? null,
      status: accepted?.accepted.status ?? (error?.outcomeUnknown ? 'unknown' : 'failed'),
      errorCode: error?.code ?? null,
      errorReason: error?.reason ?? null,
      errorMessage: error?.message ?? null,
      cost: accepted?.cost?.amount ?? null,
      currency: accepted?.cost?.currency ?? null,
      segments: analysis.segments,
      encoding: analysis.encoding,
      metadata: request.metadata,
      createdAt: new Date(createdAt).toISOString(),
      sentAt: accepted === undefined ? null : new Date(now).toISOString(),
      deliveredAt: null,
    };
    try {
      await this.store.save(record);
    } catch (storeError) {
      this.onBackgroundError(storeError, { stage: 'store', messageId: id });
    }
    await this.publishResult(
      createResultEvent({
        eventId: this.generateId(),
        messageId: id,
        correlationId: request.correlationId ?? id,
        tenantId: request.tenantId,
        timestamp: now,
        to: request.to,
        from: record.from ?? undefined,
        provider: record.provider ?? undefined,
        providerMessageId: accepted?.accepted.providerMessageId,
        cost: accepted?.cost ?? null,
        segments: analysis.segments,
        encoding: analysis.encoding,
        metadata: request.metadata,
        error,
      }),
      id,
      options,
    );
  }

  /** Publishes `sms.failed` for a request refused before any provider call; it is not recorded. */
  private async publishFailure(id: string, input: SendRequest, error: SmsError, createdAt: number, options: SendOptions): Promise<void> {
    const raw = (typeof input === 'object' && input !== null ? input : {}) as Partial<Record<keyof SendRequest, unknown>>;
    const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length <= 255 ? value : undefined);
    await this.publishResult(
      createResultEvent({
        eventId: this.generateId(),
        messageId: id,
        correlationId: text(raw.correlationId) ?? id,
        tenantId: text(raw.tenantId),
        timestamp: createdAt,
        to: undefined,
        from: undefined,
        provider: undefined,
        providerMessageId: undefined,
        cost: null,
        segments: undefined,
        encoding: undefined,
        metadata: {},
        error,
      }),
      id,
      options,
    );
  }

  /** A provider refused the send because the recipient opted out (21610, 40300): remember it, so the next send stops before any provider call. */
  private async recordOptOut(id: string, request: ValidatedSendRequest, error: SmsError): Promise<void> {
    if (this.optOuts === undefined) return;
    try {
      await recordProviderOptOut(this.optOuts, request, error, this.clock.now());
    } catch (storeError) {
      this.onBackgroundError(storeError, { stage: 'opt-outs', messageId: id });
    }
  }

  /** A send's `sms.sent` / `sms.failed`: to `options.onResultEvent` when given, else to `events`. */
  private async publishResult(event: SmsResultEvent, messageId: string, options: SendOptions): Promise<void> {
    if (options.onResultEvent === undefined) return this.publish(event, messageId);
    try {
      options.onResultEvent(event);
    } catch (error) {
      this.onBackgroundError(error, { stage: 'events', messageId });
    }
  }

  private async publish(event: Parameters<EventPublisher['publish']>[0], messageId: string): Promise<void> {
    try {
      await this.events.publish(event);
    } catch (error) {
      this.onBackgroundError(error, { stage: 'events', messageId });
    }
  }
}

const backgroundActions: Record<BackgroundErrorContext['stage'], string> = {
  store: 'record',
  events: 'publish',
  idempotency: 'keep the idempotency record of',
  'opt-outs': 'record the opt-out reported for',
};

function reportBackgroundError(error: unknown, context: BackgroundErrorContext): void {
  const detail = error instanceof Error ? error.message : String(error);
  process.emitWarning(`tools-core could not ${backgroundActions[context.stage]} message ${context.messageId}: ${detail}`, {
    code: 'TOOLS_CORE_BACKGROUND',
  });
}
