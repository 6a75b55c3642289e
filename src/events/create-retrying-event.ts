import type { ProviderRetry } from '../failover/reliable-send-options';
import type { SmsEncoding } from '../segments/calculate-segments';
import { SMS_EVENT_SCHEMA_VERSION, type SmsRetryingEvent } from './sms-event';
import { toEventError } from './to-event-error';

export interface RetryingEventInput {
  readonly eventId: string;
  readonly messageId: string;
  readonly correlationId: string;
  readonly tenantId: string | undefined;
  readonly timestamp: number;
  readonly to: string;
  readonly from: string | undefined;
  readonly segments: number;
  readonly encoding: SmsEncoding;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly retry: ProviderRetry;
}

/**
 * Builds the `sms.retrying` event for a retry the retrying provider announced, in the contract's
 * snake_case shape: the taxonomy code `RETRYING`, the attempt about to start, its provider and delay,
 * and the failure that caused it.
 *
 * @example
 * createRetryingEvent({ …, retry: { attempt: 2, delayMs: 1000, provider: 'twilio', error } }).data.code; // 'RETRYING'
 */
export function createRetryingEvent(input: RetryingEventInput): SmsRetryingEvent {
  return {
    type: 'sms.retrying',
    schema_version: SMS_EVENT_SCHEMA_VERSION,
    event_id: input.eventId,
    correlation_id: input.correlationId,
    tenant_id: input.tenantId ?? null,
    timestamp: new Date(input.timestamp).toISOString(),
    status: 'retrying',
    data: {
      message_id: input.messageId,
      provider_message_id: null,
      to_number: input.to,
      from_number: input.from ?? null,
      provider: input.retry.provider,
      cost: null,
      currency: null,
      segments: input.segments,
      encoding: input.encoding,
      error: toEventError(input.retry.error),
      metadata: input.metadata,
      code: 'RETRYING',
      attempt: input.retry.attempt,
      delay_ms: input.retry.delayMs,
    },
  };
}
