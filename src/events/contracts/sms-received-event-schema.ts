import { z } from 'zod';
import { SMS_EVENT_SCHEMA_VERSION } from '../sms-event';
import { isoTimestamp } from './sms-event-error-schema';

/**
 * `sms.received` (`SmsReceivedEvent`, published by the webhook handler): one inbound message. It carries
 * numbers and the body: never log it as is.
 *
 * @example
 * const event = smsReceivedEventSchema.parse(JSON.parse(body));
 * if (event.data.opt_out_action === 'opt-out') unsubscribe(event.data.from);
 */
export const smsReceivedEventSchema = z.object({
  type: z.literal('sms.received'),
  schema_version: z.literal(SMS_EVENT_SCHEMA_VERSION),
  event_id: z.string().min(1),
  correlation_id: z.string().min(1),
  tenant_id: z.string().nullable(),
  timestamp: isoTimestamp,
  status: z.literal('received'),
  data: z.object({
    id: z.string().min(1),
    provider: z.string(),
    provider_message_id: z.string(),
    from: z.string(),
    to: z.string(),
    body: z.string(),
    media: z.array(z.object({ url: z.string(), content_type: z.string().nullable() })).readonly(),
    received_at: isoTimestamp,
    opt_out_action: z.enum(['opt-out', 'opt-in', 'help']).nullable(),
  }),
});
