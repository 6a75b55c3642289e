import { randomUUID } from 'node:crypto';
import type { ResponseTarget } from './build-response-event';

/**
 * Whom to answer for a message that failed validation: its `request_id`, `correlation_id` and
 * `tenant_id` when they are usable strings, so the host still gets a correlated `sms.failed`. Without a
 * `request_id`, a random one: that answer cannot be deduplicated, but nothing could match it anyway.
 *
 * @example
 * salvageResponseTarget({ request_id: 'r-1', ttl: 'soon' }).correlationId; // 'r-1'
 */
export function salvageResponseTarget(message: unknown): ResponseTarget {
  const record = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {};
  const text = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined);
  const requestId = text(record.request_id, 255) ?? randomUUID();
  return {
    requestId,
    correlationId: text(record.correlation_id, 255) ?? requestId,
    tenantId: text(record.tenant_id, 128) ?? null,
    metadata: {},
  };
}
