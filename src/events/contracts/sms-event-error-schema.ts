import { z } from 'zod';
import { SMS_ERROR_CODES } from '../../errors/error-code';

/** The log-safe error part of `sms.failed`, `sms.retrying` and `sms.status` (`SmsEventError`). */
export const smsEventErrorSchema = z.object({
  code: z.enum(SMS_ERROR_CODES),
  reason: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  outcome_unknown: z.boolean(),
  provider: z.string().nullable(),
  field: z.string().nullable(),
});

/** ISO 8601 with an offset, as every event's `timestamp`. */
export const isoTimestamp = z.iso.datetime({ offset: true });
/** Exact decimal money, e.g. `"0.0075"`: never a float. */
export const decimalAmount = z.string().regex(/^-?\d+(\.\d+)?$/);
