import { applyStatusTransition } from '../messages/apply-status-transition';
import type { MessageRecord } from '../store/message-record';

/**
 * The record after a send, given what the store holds now: the send's own record (`final`), except that a
 * status a webhook already moved further (`delivered` before this instance wrote `sent`, on another
 * instance sharing the store) is kept with its delivery time, error and change time. Never moves a status backwards;
 * `undefined` when the stored record already equals the result. Pure.
 *
 * @example
 * mergeSendOutcome({ ...final, status: 'delivered' }, final).status; // 'delivered'
 */
export function mergeSendOutcome(current: MessageRecord, final: MessageRecord): MessageRecord | undefined {
  const next =
    applyStatusTransition(current.status, final.status) === 'stale'
      ? {
          ...final,
          status: current.status,
          deliveredAt: current.deliveredAt,
          errorCode: current.errorCode,
          errorReason: current.errorReason,
          errorMessage: current.errorMessage,
          providerCode: current.providerCode,
          statusChangedAt: current.statusChangedAt,
        }
      : current.status === final.status
        ? { ...final, statusChangedAt: current.statusChangedAt }
        : final;
  return sameRecord(current, next) ? undefined : next;
}

function sameRecord(left: MessageRecord, right: MessageRecord): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
