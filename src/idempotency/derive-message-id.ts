import { sha256 } from '../hashing/sha256';
import { idempotencyRecordKey } from './idempotency-record-key';

/**
 * The message id of a send with an idempotency key: a UUID (version 8, RFC 9562 §5.8,
 * https://www.rfc-editor.org/rfc/rfc9562#section-5.8) derived from the tenant-scoped key, so every attempt
 * at one request (a retry, a platform redelivery after a crash) names the same message in its record, its
 * callback URL, its events and its answer. Different tenants or keys give different ids.
 *
 * @example
 * deriveMessageId({ tenantId: 'org-1', idempotencyKey: 'order-42' }); // '…-…-8…-…-…', the same on every call
 */
export function deriveMessageId(request: { readonly tenantId: string | undefined; readonly idempotencyKey: string }): string {
  const hex = sha256(`tools-core message id v1\u0000${idempotencyRecordKey(request)}`, 'hex');
  // Version 8 in the 13th hex digit, variant 10xx in the 17th.
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
