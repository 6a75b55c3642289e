import type { SmsError } from '../errors/sms-error';
import { SMS_EVENT_SCHEMA_VERSION } from './sms-event';
import { toEventError } from './to-event-error';
import type { MessageStatus } from '../messages/message-status';
import type { SmsStatusEvent } from './sms-webhook-events';

export interface StatusEventInput {
  readonly eventId: string;
  readonly messageId: string | null;
  readonly tenantId: string | null;
  readonly timestamp: number;
  readonly provider: string;
  readonly providerMessageId: string;
  readonly status: MessageStatus;
  readonly previousStatus: MessageStatus | null;
  readonly providerStatus: string;
  readonly errorCode: string | null;
  readonly error: SmsError | null;
}

/**
 * Builds the `sms.status` event in the contract's snake_case shape.
 *
 * @example
 * createStatusEvent({ …, status: 'delivered', previousStatus: 'sent' }).data.status; // 'delivered'
 */
export function createStatusEvent(input: StatusEventInput): SmsStatusEvent {
  return {
    type: 'sms.status',
    schema_version: SMS_EVENT_SCHEMA_VERSION,
    event_id: input.eventId,
    correlation_id: input.messageId ?? input.providerMessageId,
    tenant_id: input.tenantId,
    timestamp: new Date(input.timestamp).toISOString(),
    status: input.status,
    data: {
      message_id: input.messageId,
      provider_message_id: input.providerMessageId,
      provider: input.provider,
      status: input.status,
      previous_status: input.previousStatus,
      provider_status: input.providerStatus,
      error_code: input.errorCode,
      error: input.error === null ? null : toEventError(input.error),
    },
  };
}
