import { z } from 'zod';
import { SMS_EVENT_SCHEMA_VERSION } from '../sms-event';
import { isoTimestamp, smsEventErrorSchema } from './sms-event-error-schema';
import { smsResultEventDataSchema } from './sms-result-event-schema';

/**
 * `sms.retrying` (`SmsRetryingEvent`): published before each retry of a send that failed without
 * sending; the outcome still follows as `sms.sent` or `sms.failed`.
 *
 * @example
 * const event = smsRetryingEventSchema.parse(JSON.parse(body));
 * console.log(event.data.attempt, event.data.delay_ms);
 */
export const smsRetryingEventSchema = z.object({
  type: z.literal('sms.retrying'),
  schema_version: z.literal(SMS_EVENT_SCHEMA_VERSION),
  event_id: z.string().min(1),
  correlation_id: z.string().min(1),
  tenant_id: z.string().nullable(),
  timestamp: isoTimestamp,
  status: z.literal('retrying'),
  data: smsResultEventDataSchema.extend({
    provider_message_id: z.null(),
    cost: z.null(),
    currency: z.null(),
    error: smsEventErrorSchema,
    code: z.literal('RETRYING'),
    attempt: z.int().min(2),
    delay_ms: z.number().min(0),
  }),
});
