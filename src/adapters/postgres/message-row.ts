import { ValidationError } from '../../errors/validation-error';
import type { MessageStatus } from '../../messages/message-status';
import type { SmsEncoding } from '../../segments/calculate-segments';
import type { MessageRecord } from '../../store/message-record';

/** The columns written, in the order of {@link toRowValues}. */
export const MESSAGE_COLUMNS = [
  'id', 'organization_id', 'tenant_id', 'direction', 'from_number', 'to_number', 'body', 'media_urls', 'provider', 'provider_message_id',
  'status', 'error_code', 'error_reason', 'error_message', 'cost', 'currency', 'segments', 'encoding', 'campaign_id', 'contact_id',
  'metadata', 'created_at', 'sent_at', 'delivered_at', 'status_changed_at', 'provider_code', 'attempts', 'idempotency_key',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value fits a `uuid` column. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * The column values of a record. `organization_id` is the tenant id when it is a UUID (the host's
 * organisations), `tenant_id` always; `campaign_id` / `contact_id` come from the metadata keys `campaignId`
 * / `contactId` when they are UUIDs. A record whose id is not a UUID is refused: the table's key is a UUID.
 *
 * @example
 * pool.query(`INSERT INTO … VALUES (${placeholders})`, toRowValues(record));
 */
export function toRowValues(record: MessageRecord): unknown[] {
  if (!isUuid(record.id)) {
    throw new ValidationError({ field: 'record.id', reason: 'INVALID_MESSAGE_ID', problem: `${JSON.stringify(record.id)} is not a UUID, the key of the PostgreSQL message table.`, fix: 'keep the default generateId (crypto.randomUUID), or make it return UUIDs.' });
  }
  const metadata = record.metadata;
  return [
    record.id, isUuid(record.tenantId) ? record.tenantId : null, record.tenantId, record.direction, record.from, record.to, record.body,
    JSON.stringify(record.mediaUrls), record.provider, record.providerMessageId, record.status, record.errorCode, record.errorReason,
    record.errorMessage, record.cost, record.currency, record.segments, record.encoding,
    isUuid(metadata.campaignId) ? metadata.campaignId : null, isUuid(metadata.contactId) ? metadata.contactId : null,
    JSON.stringify(metadata), record.createdAt, record.sentAt, record.deliveredAt, record.statusChangedAt, record.providerCode,
    record.attempts, record.idempotencyKey,
  ];
}

/** A row as the store returns it: the record, field for field as it was saved. */
export function fromRow(row: Record<string, unknown>): MessageRecord {
  return {
    id: String(row.id),
    tenantId: (row.tenant_id as string | null) ?? null,
    direction: row.direction as MessageRecord['direction'],
    from: (row.from_number as string | null) ?? null,
    to: String(row.to_number),
    body: String(row.body),
    mediaUrls: (row.media_urls as string[] | null) ?? [],
    provider: (row.provider as string | null) ?? null,
    providerMessageId: (row.provider_message_id as string | null) ?? null,
    status: row.status as MessageStatus,
    errorCode: (row.error_code as string | null) ?? null,
    errorReason: (row.error_reason as string | null) ?? null,
    errorMessage: (row.error_message as string | null) ?? null,
    providerCode: (row.provider_code as string | null) ?? null,
    cost: (row.cost as string | null) ?? null,
    currency: (row.currency as string | null) ?? null,
    segments: Number(row.segments),
    encoding: row.encoding as SmsEncoding,
    metadata: (row.metadata as Record<string, unknown> | null) ?? {},
    attempts: Number(row.attempts ?? 0),
    idempotencyKey: (row.idempotency_key as string | null) ?? null,
    createdAt: isoOf(row.created_at) ?? new Date(0).toISOString(),
    sentAt: isoOf(row.sent_at),
    deliveredAt: isoOf(row.delivered_at),
    statusChangedAt: isoOf(row.status_changed_at) ?? new Date(0).toISOString(),
  };
}

function isoOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}
