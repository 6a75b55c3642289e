import type { SMS_EVENT_SCHEMA_VERSION } from './sms-event-schema-version';

/**
 * Notices about quotas, shaped like the library's other events (snake_case envelope) so a host can
 * forward them to its own bus. They reach the host through `quotas.onEvent`.
 */
interface QuotaEventEnvelope<Type extends string, Data> {
  readonly type: Type;
  readonly schema_version: typeof SMS_EVENT_SCHEMA_VERSION;
  readonly event_id: string;
  /** The tenant concerned, or null for a notice about the whole limiter. */
  readonly tenant_id: string | null;
  /** ISO 8601. */
  readonly timestamp: string;
  readonly data: Data;
}

/** A tenant window crossed `quotas.warningThreshold` (e.g. 80 %) with this send; sent once per window. */
export type QuotaWarningEvent = QuotaEventEnvelope<
  'sms.quota_warning',
  {
    readonly window: 'hourly' | 'daily';
    readonly limit: number;
    readonly used: number;
    readonly remaining: number;
    /** The configured share, e.g. 0.8. */
    readonly threshold: number;
    /** ISO 8601 end of the window. */
    readonly reset_at: string | null;
  }
>;

/**
 * The limit store failed (Redis down, timed out) and the in-process insurance limiter now decides:
 * limits hold per process only until the store answers again (docs/quotas.md#when-redis-fails, `insuranceLimiter`).
 * Sent once when the store fails, not on every send.
 */
export type QuotaDegradedEvent = QuotaEventEnvelope<
  'sms.quota_degraded',
  {
    /** Which part of the limits degraded. */
    readonly component: 'quotas' | 'pacing';
    /** The store's error message, e.g. `Redis rate limiter timed out after 500 ms`. */
    readonly error: string;
  }
>;

/** The limit store answers again after a `sms.quota_degraded`. */
export type QuotaRecoveredEvent = QuotaEventEnvelope<
  'sms.quota_recovered',
  {
    readonly component: 'quotas' | 'pacing';
    /** How long the insurance limiter decided. */
    readonly degraded_ms: number;
  }
>;

export type QuotaEvent = QuotaWarningEvent | QuotaDegradedEvent | QuotaRecoveredEvent;
