import { deriveUuid } from '../hashing/derive-uuid';
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
  return deriveUuid('sms.message-id', idempotencyRecordKey(request));
}
