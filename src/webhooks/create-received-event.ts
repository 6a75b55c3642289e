import { SMS_EVENT_SCHEMA_VERSION } from '../events/sms-event';
import type { InboundMessage } from '../messages/inbound-message';
import type { SmsReceivedEvent } from '../events/sms-webhook-events';

/**
 * Builds the `sms.received` event: the inbound message in snake_case.
 *
 * @example
 * createReceivedEvent({ eventId: 'e1', tenantId: null, timestamp: Date.now(), message }).data.body; // 'STOP'
 */
export function createReceivedEvent(input: { readonly eventId: string; readonly tenantId: string | null; readonly timestamp: number; readonly message: InboundMessage }): SmsReceivedEvent {
  const { message } = input;
  return {
    type: 'sms.received',
    schema_version: SMS_EVENT_SCHEMA_VERSION,
    event_id: input.eventId,
    correlation_id: message.id,
    tenant_id: input.tenantId,
    timestamp: new Date(input.timestamp).toISOString(),
    status: 'received',
    data: {
      id: message.id,
      provider: message.provider,
      provider_message_id: message.providerMessageId,
      from: message.from,
      to: message.to,
      body: message.body,
      media: message.media.map((media) => ({ url: media.url, content_type: media.contentType })),
      received_at: message.receivedAt,
      opt_out_action: message.optOutAction,
    },
  };
}
