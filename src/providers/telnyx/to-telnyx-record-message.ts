import type { MessageStatus } from '../../messages/message-status';
import type { ProviderMessage } from '../provider';

/**
 * The `status` values of a Message Detail Record ("Final status of the message after the delivery
 * attempt": telnyx-node `DetailRecordListResponse.MessageDetailRecord`,
 * https://developers.telnyx.com/api-reference/detail-records/search-detail-records). They are not the
 * message statuses of `map-telnyx-status.ts`, so they get their own, deliberately cautious, rows:
 * `gw_timeout` says nothing about the outcome and anything undocumented (a record still in progress)
 * is `unknown`; `fetchMessage` gives the exact status.
 */
const RECORD_STATUS_TABLE: Readonly<Record<string, MessageStatus>> = {
  delivered: 'delivered',
  // Handed to the carrier, no delivery receipt (unconfirmed, or none in time).
  dlr_unconfirmed: 'sent',
  dlr_timeout: 'sent',
  // Refused by the gateway, or failed: not delivered.
  gw_reject: 'failed',
  failed: 'failed',
  received: 'received',
};

/**
 * A messaging detail record as a `ProviderMessage`: `uuid` is the message id (the id `POST /v2/messages`
 * returns, https://developers.telnyx.com/docs/messaging/messages/message-detail-records), `cld`/`cli` the
 * recipient/sender, `created_at` the creation time, the first `errors[]` code. Records carry no body, so
 * `body` is null. Undefined for a record without `uuid`.
 *
 * @example
 * toTelnyxRecordMessage({ record_type: 'message_detail_record', uuid: '…', cld: '+1…', status: 'delivered' })?.status; // 'delivered'
 */
export function toTelnyxRecordMessage(record: unknown): ProviderMessage | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const { uuid, cld, cli, created_at: createdAt, status, errors } = record as Record<string, unknown>;
  if (typeof uuid !== 'string' || uuid === '') return undefined;
  const code = Array.isArray(errors) ? errors.find((entry): entry is string => typeof entry === 'string' && entry !== '') : undefined;
  const key = typeof status === 'string' ? status.trim().toLowerCase() : '';
  return {
    providerMessageId: uuid,
    status: Object.hasOwn(RECORD_STATUS_TABLE, key) ? (RECORD_STATUS_TABLE[key] ?? 'unknown') : 'unknown',
    to: typeof cld === 'string' ? cld : '',
    from: typeof cli === 'string' && cli !== '' ? cli : null,
    body: null,
    createdAt: typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) ? new Date(createdAt).toISOString() : null,
    providerCode: code ?? null,
  };
}
