import type { MessageStatus } from '../../messages/message-status';

/**
 * Every message state Plivo reports in status callbacks and the Message API
 * (https://www.plivo.com/docs/messaging/api/message/message-status-callbacks,
 * https://support.plivo.com/hc/en-us/articles/360041315292-What-are-the-different-SMS-statuses-in-Plivo).
 */
export const PLIVO_MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'delivered', 'undelivered', 'rejected', 'read', 'received'] as const;

export type PlivoMessageStatus = (typeof PLIVO_MESSAGE_STATUSES)[number];

/**
 * One row per Plivo state. `satisfies Record<PlivoMessageStatus, …>` makes the table exhaustive: a state
 * added to the list above does not compile until it is mapped here.
 */
const PLIVO_STATUS_TABLE = {
  queued: 'queued',
  // Handed to the carrier; in the US and Canada no delivery report follows, so `sent` is often final.
  sent: 'sent',
  // Plivo could not pass the message to a carrier (not charged): terminal.
  failed: 'failed',
  delivered: 'delivered',
  undelivered: 'undelivered',
  // "the carrier rejected the message due to some regulations" (a delivery report): handed over, not delivered.
  rejected: 'undelivered',
  // WhatsApp read receipts come after delivery.
  read: 'delivered',
  received: 'received',
} as const satisfies Record<PlivoMessageStatus, MessageStatus>;

/**
 * Maps a Plivo message state (callback `Status`, API `message_state`) to the normalised status set.
 * Unknown strings map to `unknown`, never throw: Plivo may add states.
 *
 * @example
 * mapPlivoStatus('queued'); // 'queued'
 * mapPlivoStatus('rejected'); // 'undelivered'
 * mapPlivoStatus('something-new'); // 'unknown'
 */
export function mapPlivoStatus(status: string): MessageStatus {
  const key = typeof status === 'string' ? status.trim().toLowerCase() : '';
  return Object.hasOwn(PLIVO_STATUS_TABLE, key) ? PLIVO_STATUS_TABLE[key as PlivoMessageStatus] : 'unknown';
}
