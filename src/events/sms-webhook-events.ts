import type { MessageStatus } from '../messages/message-status';
import type { SMS_EVENT_SCHEMA_VERSION } from './sms-event-schema-version';
import type { SmsEventError } from './sms-event-error';
import type { OptOutAction } from '../messages/opt-out-action';

export interface SmsStatusEventData {
  /** The library's message id, or null when the store does not know the message (sent elsewhere, or evicted). */
  readonly message_id: string | null;
  readonly provider_message_id: string;
  readonly provider: string;
  /** Normalised status (`mapTwilioStatus` / `mapTelnyxStatus`). */
  readonly status: MessageStatus;
  /** The status the record had before; `unknown` when this resolved a send whose outcome was unknown; null for an unknown message. */
  readonly previous_status: MessageStatus | null;
  /** The provider's own status word, e.g. `undelivered`, `delivery_failed`. */
  readonly provider_status: string;
  /** The provider's error code, e.g. `30003`, `40006`, or null. */
  readonly error_code: string | null;
  /** The error in the taxonomy (`mapTwilioError` / `mapTelnyxError`), log-safe, or null. */
  readonly error: SmsEventError | null;
}

/**
 * Published when a provider's delivery-status callback moves a message forward (or concerns a message
 * the store does not know). Stale and duplicate callbacks publish nothing. Log-safe: no numbers, no
 * body. Additive to schema version 1.
 */
export interface SmsStatusEvent {
  readonly type: 'sms.status';
  readonly schema_version: typeof SMS_EVENT_SCHEMA_VERSION;
  readonly event_id: string;
  /** The message id, or the provider message id when the message is unknown. */
  readonly correlation_id: string;
  readonly tenant_id: string | null;
  /** ISO 8601: when the callback was handled. */
  readonly timestamp: string;
  /** The normalised status, as in `data.status`. */
  readonly status: MessageStatus;
  readonly data: SmsStatusEventData;
}

export interface SmsReceivedMedia {
  readonly url: string;
  readonly content_type: string | null;
}

/** `InboundMessage` in snake_case. */
export interface SmsReceivedEventData {
  readonly id: string;
  readonly provider: string;
  readonly provider_message_id: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly media: readonly SmsReceivedMedia[];
  readonly received_at: string;
  readonly opt_out_action: OptOutAction | null;
}

/**
 * Published for each inbound message, once (duplicates are dropped). It carries the numbers and the
 * body, which is its point: do not log it as is. Additive to schema version 1.
 */
export interface SmsReceivedEvent {
  readonly type: 'sms.received';
  readonly schema_version: typeof SMS_EVENT_SCHEMA_VERSION;
  readonly event_id: string;
  /** The inbound message's id. */
  readonly correlation_id: string;
  readonly tenant_id: string | null;
  /** ISO 8601: when the webhook was handled. */
  readonly timestamp: string;
  readonly status: 'received';
  readonly data: SmsReceivedEventData;
}
