import { z } from 'zod';

/** Version of the `sms.send_request` envelope; bumped when a field changes meaning or disappears. */
export const SMS_SEND_REQUEST_SCHEMA_VERSION = 1;

/**
 * Longest `ttl`, in seconds: 24 h, the idempotency store's default retention. A request must not outlive
 * the record that keeps its redeliveries from sending twice (docs/reliability.md#idempotency).
 */
export const MAX_REQUEST_TTL_SECONDS = 86_400;

/** Metadata values the service records and echoes: strings, finite numbers, booleans or null. */
const metadataValue = z.union([z.string().max(1024), z.number().finite(), z.boolean(), z.null()]);
const identifier = z.string().min(1).max(255);

/**
 * What to send. Strict: an unknown field (a typo such as `media_url`) is refused rather than dropped, so a
 * message never goes out without something the host asked for. Numbers are checked fully (E.164, line
 * type) by `SMSService.send()`, here only for shape.
 */
export const smsSendRequestDataSchema = z.strictObject({
  /** Destination, E.164. */
  to_number: z.string().min(1).max(64),
  /** Text; may be empty only when `media_urls` carries media. */
  body: z.string().max(20_000),
  /** Sender; null or absent: the provider's own number. */
  from_number: z.string().min(1).max(64).nullable().optional(),
  media_urls: z.array(z.string().min(1).max(2048)).max(10).optional(),
  /** At most 50 keys of up to 64 characters (checked by the service). Default `{}`. */
  metadata: z.record(z.string().max(64), metadataValue).default({}),
});

/**
 * The `sms.send_request` envelope a host publishes in platform mode (docs/platform-mode.md#contracts), with `type`, `schema_version` and `created_at` added. Unknown envelope fields are
 * ignored (additive changes keep version 1); `data` is strict.
 *
 * - `idempotency_key`: scoped per `tenant_id`; a redelivery or a resend under the same key never sends twice.
 * - `ttl`: seconds from `created_at` after which the request is refused unsent (`sms.failed`,
 *   `TIMEOUT`/`REQUEST_EXPIRED`). Without `created_at` it counts from the moment a worker first took the
 *   request (docs/platform-mode.md).
 *
 * @example
 * const parsed = smsSendRequestSchema.safeParse(JSON.parse(body));
 * if (parsed.success) console.log(parsed.data.data.to_number);
 */
export const smsSendRequestSchema = z.object({
  type: z.literal('sms.send_request'),
  schema_version: z.literal(SMS_SEND_REQUEST_SCHEMA_VERSION),
  /** Unique per request message: responses carry it back, and their `event_id` derives from it. */
  request_id: identifier,
  /** The host's trace id, copied into every event about this request. */
  correlation_id: identifier,
  tenant_id: z.string().min(1).max(128),
  /** Who asked; informational. */
  actor: z.object({ user_id: z.string().min(1).max(255).nullable().optional() }).nullable().optional(),
  idempotency_key: identifier,
  /** Whole seconds, 1 to 86 400. */
  ttl: z.int().min(1).max(MAX_REQUEST_TTL_SECONDS),
  /** ISO 8601 with an offset (`Z` or `+02:00`). */
  created_at: z.iso.datetime({ offset: true }).optional(),
  data: smsSendRequestDataSchema,
});

/** A request after parsing: `metadata` defaulted. */
export type SmsSendRequest = z.output<typeof smsSendRequestSchema>;
/** A request as a host writes it. */
export type SmsSendRequestInput = z.input<typeof smsSendRequestSchema>;
