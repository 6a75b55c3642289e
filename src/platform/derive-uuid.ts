import { createHash } from 'node:crypto';

/**
 * A UUID (RFC 9562 version 8, name-based on SHA-256) that is always the same for the same namespace and
 * name. The worker derives each response's `event_id` from the request's `request_id` with it, so the
 * answer a redelivered request repeats carries the same `event_id` as the first, and consumers can drop
 * it (reliability.md §5: at-least-once, consumers dedupe on a stable id).
 *
 * @example
 * deriveUuid('sms.response', 'request-42') === deriveUuid('sms.response', 'request-42'); // true
 */
export function deriveUuid(namespace: string, name: string): string {
  const bytes = createHash('sha256').update(`tools-core:${namespace}:v1\u0000${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
