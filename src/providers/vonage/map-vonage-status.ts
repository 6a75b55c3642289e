import type { MessageStatus } from '../../messages/message-status';

/**
 * The message statuses of the Messages API status webhook for SMS and MMS
 * (https://developer.vonage.com/en/api/messages#message-status; docs/vonage.md#status-mapping).
 * `accepted` is the send answer's implicit status (HTTP 202), not a webhook value.
 */
export const VONAGE_MESSAGE_STATUSES = ['accepted', 'submitted', 'delivered', 'read', 'rejected', 'undeliverable'] as const;

export type VonageMessageStatus = (typeof VONAGE_MESSAGE_STATUSES)[number];

/**
 * One row per Vonage status. `satisfies Record<VonageMessageStatus, …>` makes the table exhaustive:
 * a status added to the list above does not compile until it is mapped here.
 */
const VONAGE_STATUS_TABLE = {
  // HTTP 202 with a message_uuid: accepted, not yet handed to a carrier.
  accepted: 'queued',
  // Handed to the carrier: sent, delivery not confirmed yet.
  submitted: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  // Vonage refused it before any carrier (throttling, barred number, sender, Fraud Defender): never sent.
  rejected: 'failed',
  // The carrier could not deliver it.
  undeliverable: 'undelivered',
} as const satisfies Record<VonageMessageStatus, MessageStatus>;

/**
 * Maps a Vonage message status to the normalised status set. Unknown strings map to `unknown`,
 * never throw.
 *
 * @example
 * mapVonageStatus('submitted'); // 'sent'
 * mapVonageStatus('undeliverable'); // 'undelivered'
 * mapVonageStatus('something-new'); // 'unknown'
 */
export function mapVonageStatus(status: string): MessageStatus {
  const key = typeof status === 'string' ? status.trim().toLowerCase() : '';
  return Object.hasOwn(VONAGE_STATUS_TABLE, key) ? VONAGE_STATUS_TABLE[key as VonageMessageStatus] : 'unknown';
}
