import { z } from 'zod';
import { MESSAGE_STATUSES } from '../../messages/message-status';
import { SMS_EVENT_SCHEMA_VERSION } from '../sms-event';
import { isoTimestamp, smsEventErrorSchema } from './sms-event-error-schema';

/**
 * `sms.status` (`SmsStatusEvent`, published by the webhook handler): a provider's delivery status moved a
 * message forward. `correlation_id` is the message id (or the provider's id for an unknown message).
 *
 * @example
 * const event = smsStatusEventSchema.parse(JSON.parse(body));
 * if (event.status === 'delivered') markDelivered(event.data.message_id);
 */
export const smsStatusEventSchema = z.object({
  type: z.literal('sms.status'),
  schema_version: z.literal(SMS_EVENT_SCHEMA_VERSION),
  event_id: z.string().min(1),
  correlation_id: z.string().min(1),
  tenant_id: z.string().nullable(),
  timestamp: isoTimestamp,
  status: z.enum(MESSAGE_STATUSES),
  data: z.object({
    message_id: z.string().nullable(),
    provider_message_id: z.string(),
    provider: z.string(),
    status: z.enum(MESSAGE_STATUSES),
    previous_status: z.enum(MESSAGE_STATUSES).nullable(),
    provider_status: z.string(),
    error_code: z.string().nullable(),
    error: smsEventErrorSchema.nullable(),
  }),
});
