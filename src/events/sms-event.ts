import type { QuotaEvent } from './quota-event';
import type { SmsEncoding } from '../segments/calculate-segments';
import type { SmsReceivedEvent, SmsStatusEvent } from './sms-webhook-events';
import { SMS_EVENT_SCHEMA_VERSION } from './sms-event-schema-version';
import type { SmsEventError } from './sms-event-error';

export { SMS_EVENT_SCHEMA_VERSION, type SmsEventError };

export type SmsEventType = 'sms.sent' | 'sms.failed' | 'sms.retrying' | 'sms.status' | 'sms.received';

export interface SmsResultEventData {
  /** The library's id for the message (also carried in provider status callbacks). */
  readonly message_id: string;
  /** The provider's id (Twilio `SM…`, Telnyx `data.id`), or null when nothing was sent. */
  readonly provider_message_id: string | null;
  /** E.164 destination, or null when the request was refused before its number was validated. */
  readonly to_number: string | null;
  readonly from_number: string | null;
  readonly provider: string | null;
  /** Exact decimal string, e.g. `"0.0075"`; null when nothing was charged or no price is configured. */
  readonly cost: string | null;
  readonly currency: string | null;
  readonly segments: number | null;
  readonly encoding: SmsEncoding | null;
  readonly error: SmsEventError | null;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * The response event published after every send (docs/platform-mode.md#contracts:
 * `event_id`, `correlation_id`, `timestamp`, `status`, `data{message_id, to_number, provider, cost,
 * error}`), with `type`, `schema_version` and `tenant_id` added so one bus can carry several kinds and
 * tenants. Money is a decimal string, never a float.
 */
export interface SmsResultEvent {
  readonly type: 'sms.sent' | 'sms.failed';
  readonly schema_version: typeof SMS_EVENT_SCHEMA_VERSION;
  readonly event_id: string;
  readonly correlation_id: string;
  readonly tenant_id: string | null;
  /** ISO 8601. */
  readonly timestamp: string;
  readonly status: 'success' | 'failed';
  readonly data: SmsResultEventData;
}

/**
 * The data of `sms.retrying`: the result event's fields (nothing sent yet, so no provider message id
 * and no cost) plus the retry. `error` is the transient, not-sent failure that caused it.
 */
export interface SmsRetryingEventData extends SmsResultEventData {
  readonly provider_message_id: null;
  readonly cost: null;
  readonly currency: null;
  readonly error: SmsEventError;
  /** The taxonomy code of a scheduled retry. */
  readonly code: 'RETRYING';
  /** Number of the attempt about to start: 2 for the first retry. */
  readonly attempt: number;
  /** Milliseconds waited before it starts (backoff with jitter, or the provider's Retry-After). */
  readonly delay_ms: number;
}

/**
 * Published before each retry of a send that failed without sending (docs/reliability.md#retries); the
 * outcome still follows as `sms.sent` or `sms.failed`. Additive to schema version 1.
 */
export interface SmsRetryingEvent {
  readonly type: 'sms.retrying';
  readonly schema_version: typeof SMS_EVENT_SCHEMA_VERSION;
  readonly event_id: string;
  readonly correlation_id: string;
  readonly tenant_id: string | null;
  /** ISO 8601. */
  readonly timestamp: string;
  readonly status: 'retrying';
  readonly data: SmsRetryingEventData;
}

/**
 * Every event the library publishes; `sms.status` and `sms.received` come from the webhook handler
 * (src/events/sms-webhook-events.ts).
 */
export type SmsEvent = SmsResultEvent | SmsRetryingEvent | SmsStatusEvent | SmsReceivedEvent | QuotaEvent;
