import { z } from 'zod';
import { SMS_EVENT_SCHEMA_VERSION } from '../sms-event';
import { decimalAmount, isoTimestamp, smsEventErrorSchema } from './sms-event-error-schema';

/** `data` of `sms.sent` / `sms.failed` (`SmsResultEventData`). */
export const smsResultEventDataSchema = z.object({
  message_id: z.string().min(1),
  provider_message_id: z.string().nullable(),
  to_number: z.string().nullable(),
  from_number: z.string().nullable(),
  provider: z.string().nullable(),
  cost: decimalAmount.nullable(),
  currency: z.string().nullable(),
  segments: z.int().min(0).nullable(),
  encoding: z.enum(['GSM-7', 'UCS-2']).nullable(),
  error: smsEventErrorSchema.nullable(),
  metadata: z.record(z.string(), z.unknown()),
});

/**
 * The response events `sms.sent` and `sms.failed` (docs/platform-mode.md#contracts: `event_id`, `correlation_id`,
 * `timestamp`, `status`, `data{message_id, to_number, provider, cost, segments, error}`), as the service
 * publishes them in standalone mode and the worker in platform mode. A worker's response also carries
 * the `request_id` it answers. Unknown fields are ignored, so additive changes keep version 1. `sms.sent`
 * has status `success` and no error; `sms.failed` has status `failed` and an error.
 *
 * @example
 * const event = smsResultEventSchema.parse(JSON.parse(body));
 * if (event.type === 'sms.failed') console.log(event.data.error?.code);
 */
export const smsResultEventSchema = z
  .object({
    type: z.enum(['sms.sent', 'sms.failed']),
    schema_version: z.literal(SMS_EVENT_SCHEMA_VERSION),
    event_id: z.string().min(1),
    correlation_id: z.string().min(1),
    /** Set on a worker's response: the `request_id` of the `sms.send_request` it answers. */
    request_id: z.string().min(1).optional(),
    tenant_id: z.string().nullable(),
    timestamp: isoTimestamp,
    status: z.enum(['success', 'failed']),
    data: smsResultEventDataSchema,
  })
  .refine((event) => (event.type === 'sms.sent') === (event.status === 'success') && (event.type === 'sms.sent') === (event.data.error === null), {
    message: 'sms.sent has status "success" and no error; sms.failed has status "failed" and an error.',
    path: ['status'],
  });

/** `sms.sent` or `sms.failed`, as parsed. */
export type SmsResultEventOutput = z.output<typeof smsResultEventSchema>;
