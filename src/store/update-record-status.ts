import type { SmsError } from '../errors/sms-error';
import type { MessageStatus } from '../messages/message-status';
import type { MessageRecord } from './message-record';
import { applyStatusTransition, STATUS_RANK } from '../messages/apply-status-transition';

export interface StatusUpdate {
  readonly provider: string;
  readonly providerMessageId: string;
  readonly status: MessageStatus;
  /** The callback's error in the taxonomy, or null. */
  readonly error: SmsError | null;
  /** When the callback was handled, ms since the epoch. */
  readonly at: number;
}

/**
 * The record after a status callback, or undefined when the callback does not move it forward
 * (`applyStatusTransition`). A record whose send had an unknown outcome gets the provider and provider
 * message id from the callback: the callback settles that send. The error fields follow the latest
 * status (a failure's error, or none), `sentAt` is set once the message left the provider, and
 * `deliveredAt` on delivery. Pure.
 *
 * @example
 * updateRecordStatus(record, { provider: 'twilio', providerMessageId: 'SM…', status: 'delivered', error: null, at: Date.now() })?.status; // 'delivered'
 */
export function updateRecordStatus(record: MessageRecord, update: StatusUpdate): MessageRecord | undefined {
  if (record.direction !== 'outbound' || applyStatusTransition(record.status, update.status) !== 'advance') return undefined;
  const at = new Date(update.at).toISOString();
  const failure = update.status === 'failed' || update.status === 'undelivered';
  // Every status from `sent` up, except a `failed` that never left the provider, means it was handed on.
  const handedOn = (STATUS_RANK[update.status] ?? 0) >= STATUS_RANK.sent && update.status !== 'failed';
  const settles = record.providerMessageId === null;
  return {
    ...record,
    status: update.status,
    provider: settles ? update.provider : record.provider,
    providerMessageId: settles ? update.providerMessageId : record.providerMessageId,
    errorCode: failure && update.error !== null ? update.error.code : null,
    errorReason: failure && update.error !== null ? update.error.reason : null,
    errorMessage: failure && update.error !== null ? update.error.message : null,
    providerCode: failure && update.error !== null ? (update.error.providerCode ?? null) : null,
    sentAt: record.sentAt ?? (handedOn ? at : null),
    deliveredAt: update.status === 'delivered' ? (record.deliveredAt ?? at) : record.deliveredAt,
    statusChangedAt: at,
  };
}
