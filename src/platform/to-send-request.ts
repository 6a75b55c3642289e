import type { SmsSendRequest } from '../events/contracts/sms-send-request-schema';
import type { SendRequest } from '../messages/send-request';

/** Twilio's longest `ValidityPeriod` (docs/twilio.md#validity-period: clamp(…, 1, 36000)). */
const MAX_VALIDITY_SECONDS = 36_000;

/**
 * The `SMSService.send()` request for an envelope: the request's tenant, idempotency key and correlation
 * id, and what is left of its `ttl` as the validity period, so the provider never keeps trying past the
 * request's deadline (docs/platform-mode.md#ttl: clamp(remaining, 1, 36000)). The idempotency
 * fingerprint leaves the validity period out, so a redelivery with less time left still replays. The
 * worker refuses a request whose ttl already ran out (docs/platform-mode.md, "TTL").
 *
 * @example
 * toSendRequest(envelope, 3600).idempotencyKey === envelope.idempotency_key; // true
 */
export function toSendRequest(envelope: SmsSendRequest, remainingSeconds: number): SendRequest {
  const { data } = envelope;
  return {
    to: data.to_number,
    body: data.body,
    ...(data.from_number === undefined || data.from_number === null ? {} : { from: data.from_number }),
    ...(data.media_urls === undefined ? {} : { mediaUrls: data.media_urls }),
    tenantId: envelope.tenant_id,
    idempotencyKey: envelope.idempotency_key,
    correlationId: envelope.correlation_id,
    validityPeriodSeconds: Math.max(1, Math.min(Math.floor(remainingSeconds), MAX_VALIDITY_SECONDS)),
    metadata: data.metadata,
  };
}
