import { deriveMessageId } from '../idempotency/derive-message-id';

/**
 * The id of the message a `send(input)` makes: derived from the tenant and idempotency key when the
 * request has a key ({@link deriveMessageId}: every retry and redelivery of one request names one
 * message), otherwise a fresh `generateId()`. The input is not validated yet: a malformed key or tenant
 * is refused right after, and the id then only names the refusal.
 *
 * @example
 * chooseMessageId({ to, body, idempotencyKey: 'order-42' }, randomUUID) === chooseMessageId({ to, body, idempotencyKey: 'order-42' }, randomUUID); // true
 */
export function chooseMessageId(input: unknown, generateId: () => string): string {
  if (typeof input !== 'object' || input === null) return generateId();
  const { idempotencyKey, tenantId } = input as { idempotencyKey?: unknown; tenantId?: unknown };
  if (typeof idempotencyKey !== 'string' || idempotencyKey === '') return generateId();
  if (tenantId !== undefined && typeof tenantId !== 'string') return generateId();
  return deriveMessageId({ tenantId, idempotencyKey });
}
