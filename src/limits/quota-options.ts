import type { QuotaEvent } from '../events/quota-event';
import type { QuotaLimiter } from './quota-limiter';
import type { SenderPacer } from './sender-pacer';

/** One tenant's windows. A missing field falls back to the service default; null lifts that window. */
export interface TenantLimits {
  /** Messages (or segments, with `cost: 'segment'`) per hour. */
  hourly?: number | null;
  /** Messages (or segments) per 24 hours. */
  daily?: number | null;
}

/** Limits per tenant: a map by tenant id, or a function asked on every send (it may be async). */
export type TenantLimitsSource =
  | Readonly<Record<string, TenantLimits>>
  | ((tenantId: string) => TenantLimits | undefined | Promise<TenantLimits | undefined>);

/** `SMSServiceOptions.quotas`: hourly and daily windows per tenant (docs/quotas.md#tenant-quotas: SMS_RATE_LIMIT, SMS_DAILY_LIMIT). */
export interface QuotaOptions {
  /**
   * Where the counters live. Default: a new `InMemoryQuotaLimiter` on the service clock (one process).
   * Several instances share limits through `RedisRateLimiter` from `@ocelot-platform/tools-core/redis`.
   */
  limiter?: QuotaLimiter;
  /** Default hourly limit of every tenant. */
  hourly?: number;
  /** Default daily limit of every tenant. */
  daily?: number;
  /** Limits of particular tenants, over the defaults. */
  perTenant?: TenantLimitsSource;
  /** What one send costs: `message` (1 point, the default) or `segment` (1 point per billed segment). */
  cost?: 'message' | 'segment';
  /** Share of a window (above 0, below 1) whose crossing sends `sms.quota_warning`, e.g. 0.8. Default: none. */
  warningThreshold?: number;
  /** Tenant charged for sends without `tenantId`. Default `default`. */
  defaultTenantId?: string;
  /**
   * Receives `sms.quota_warning`, `sms.quota_degraded` and `sms.quota_recovered`. Default: they are
   * published on the service's event bus, and degraded and recovered notices also go to
   * `process.emitWarning`.
   */
  onEvent?: (event: QuotaEvent) => void | Promise<void>;
}

/** One abuse guard: at most `limit` messages per window. */
export interface GuardRule {
  limit: number;
  /** Window length. Default one hour. */
  durationMs?: number;
  /** Count per tenant, or across all tenants. */
  scope?: 'tenant' | 'global';
}

/**
 * `SMSServiceOptions.guards`: limits against SMS pumping and message bombing (docs/quotas.md#abuse-guards), counted
 * in messages and charged with the tenant quota in one atomic step. The destination country allow-list
 * and the blocked number types are `phone.allowedCountries` and `phone.blockedTypes`.
 */
export interface GuardOptions {
  /** Messages to one number. Default `{ limit: 10, durationMs: 3_600_000, scope: 'tenant' }`; false: off. */
  perDestination?: GuardRule | false;
  /**
   * Messages to one number block, "the number without its last four digits" (fraud tooling's velocity
   * check). Default `{ limit: 100, durationMs: 3_600_000, scope: 'global' }`; false: off.
   */
  perPrefix?: GuardRule | false;
}

/** How fast one sender may go, and how long its queue may get. */
export interface PaceRule {
  /** Sends per second, e.g. 1 for a Twilio long code. May be below 1 (0.5: one every 2 s). */
  messagesPerSecond: number;
  /** Most sends waiting for this sender; one more is refused. Default 50. */
  maxQueue?: number;
  /** Longest a send waits for its slot; a later slot is refused. Default 30 000 ms. */
  maxWaitMs?: number;
}

/**
 * `SMSServiceOptions.pacing`: sends from one sender are queued and spaced, not refused, up to a bound.
 * The rule for a send is the first of `senders[from]`, `providers[provider id]`, `default`; without one
 * the send is not paced.
 */
export interface PacingOptions {
  /** Where slots are kept. Default: a new `InMemorySenderPacer` (one process). */
  pacer?: SenderPacer;
  /** Rule for every sender without a more specific one. */
  default?: PaceRule;
  /** Rules by provider id, e.g. `{ twilio: { messagesPerSecond: 1 } }`. */
  providers?: Readonly<Record<string, PaceRule>>;
  /** Rules by sender (`from`), e.g. a short code: `{ '12345': { messagesPerSecond: 100 } }`. */
  senders?: Readonly<Record<string, PaceRule>>;
}
