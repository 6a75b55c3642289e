import type { SmsError } from '../errors/sms-error';
import type { SmsEncoding } from '../segments/calculate-segments';
import type { Money } from '../segments/money';
import { SMS_EVENT_SCHEMA_VERSION, type SmsResultEvent } from './sms-event';
import { toEventError } from './to-event-error';

export interface ResultEventInput {
  readonly eventId: string;
  readonly messageId: string;
  readonly correlationId: string;
  readonly tenantId: string | undefined;
  readonly timestamp: number;
  readonly to: string | undefined;
  readonly from: string | undefined;
  readonly provider: string | undefined;
  readonly providerMessageId: string | undefined;
  readonly cost: Money | null;
  readonly segments: number | undefined;
  readonly encoding: SmsEncoding | undefined;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly error: SmsError | undefined;
}

/**
 * Builds the `sms.sent` event (no error) or `sms.failed` event (with one), in the contract's
 * snake_case shape.
 */
export function createResultEvent(input: ResultEventInput): SmsResultEvent {
  const failed = input.error !== undefined;
  return {
    type: failed ? 'sms.failed' : 'sms.sent',
    schema_version: SMS_EVENT_SCHEMA_VERSION,
    event_id: input.eventId,
    correlation_id: input.correlationId,
    tenant_id: input.tenantId ?? null,
    timestamp: new Date(input.timestamp).toISOString(),
    status: failed ? 'failed' : 'success',
    data: {
      message_id: input.messageId,
      provider_message_id: input.providerMessageId ?? null,
      to_number: input.to ?? null,
      from_number: input.from ?? null,
      provider: input.provider ?? null,
      cost: input.cost?.amount ?? null,
      currency: input.cost?.currency ?? null,
      segments: input.segments ?? null,
      encoding: input.encoding ?? null,
      error: input.error === undefined ? null : toEventError(input.error),
      metadata: input.metadata,
    },
  };
}
