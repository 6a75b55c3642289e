import { sha256 } from './sha256';

/** Hex digits for the variant nibble: `10xx` (RFC 9562 §4.1), from the digest's own nibble. */
const VARIANT_DIGITS = '89ab89ab89ab89ab';

/**
 * A UUID (RFC 9562 version 8, name-based on SHA-256) that is always the same for the same namespace and
 * name. The worker derives each response's `event_id` from the request's `request_id` with it, so the
 * answer a redelivered request repeats carries the same `event_id` as the first, and consumers can drop
 * it (docs/platform-mode.md#rabbitmq: at-least-once, consumers dedupe on a stable id).
 *
 * The first 128 bits of the digest, with the version nibble set to 8 and the two variant bits to `10`
 * (RFC 9562 §5.8), written straight from the hex digest.
 *
 * @example
 * deriveUuid('sms.response', 'request-42') === deriveUuid('sms.response', 'request-42'); // true
 */
export function deriveUuid(namespace: string, name: string): string {
  const hex = sha256(`tools-core:${namespace}:v1\u0000${name}`, 'hex');
  const variant = VARIANT_DIGITS[Number.parseInt(hex[16] as string, 16)] as string;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
