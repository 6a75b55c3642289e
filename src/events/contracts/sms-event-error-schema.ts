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
  // Added in 0.2 without a version bump (version 1 only grows): events from earlier producers lack
  // them, so a missing field reads as null (docs/events-and-store.md#error).
  provider_code: z.string().nullable().default(null),
  http_status: z.number().int().min(100).max(599).nullable().default(null),
  field: z.string().nullable(),
});

/** ISO 8601 with an offset, as every event's `timestamp`. */
export const isoTimestamp = z.iso.datetime({ offset: true });
/** Exact decimal money, e.g. `"0.0075"`: never a float. */
export const decimalAmount = z.string().regex(/^-?\d+(\.\d+)?$/);
