import type { MessageStatus } from '../../messages/message-status';

/**
 * Every message status telnyx-node 7.24 declares for `to[].status` across its message payloads
 * (`src/resources/messages/messages.ts`; docs/telnyx.md#webhooks-and-correlation): outbound delivery
 * statuses, `scheduled`/`cancelled` for `send_at` messages, `read`, and the inbound
 * `received`/`webhook_delivered`.
 */
export const TELNYX_MESSAGE_STATUSES = [
  'scheduled',
  'queued',
  'sending',
  'sent',
  'expired',
  'sending_failed',
  'delivery_unconfirmed',
  'delivered',
  'delivery_failed',
  'read',
  'cancelled',
  'received',
  'webhook_delivered',
] as const;

export type TelnyxMessageStatus = (typeof TELNYX_MESSAGE_STATUSES)[number];

/**
 * One row per Telnyx status. `satisfies Record<TelnyxMessageStatus, …>` makes the table exhaustive:
 * a status added to the list above does not compile until it is mapped here.
 */
const TELNYX_STATUS_TABLE = {
  // A `send_at` message waiting for its time: accepted, not sent yet.
  scheduled: 'queued',
  queued: 'queued',
  sending: 'sending',
  sent: 'sent',
  // The carrier accepted it but never confirmed delivery: handed over, not known delivered.
  delivery_unconfirmed: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  delivery_failed: 'undelivered',
  // Telnyx could not hand it to the carrier.
  sending_failed: 'failed',
  // Still queued at `valid_until`: "discarded" (docs/telnyx.md#validity-period), never sent.
  expired: 'failed',
  // A scheduled message cancelled before sending: terminal and never sent.
  cancelled: 'failed',
  // Inbound: received by Telnyx, and delivered to our webhook.
  received: 'received',
  webhook_delivered: 'received',
} as const satisfies Record<TelnyxMessageStatus, MessageStatus>;

/**
 * Maps a Telnyx message status (`data.to[].status` of the send response or a `message.*` webhook)
 * to the normalised status set. Unknown strings map to `unknown`, never throw.
 *
 * @example
 * mapTelnyxStatus('queued'); // 'queued'
 * mapTelnyxStatus('delivery_failed'); // 'undelivered'
 * mapTelnyxStatus('something-new'); // 'unknown'
 */
export function mapTelnyxStatus(status: string): MessageStatus {
  const key = typeof status === 'string' ? status.trim().toLowerCase() : '';
  return Object.hasOwn(TELNYX_STATUS_TABLE, key) ? TELNYX_STATUS_TABLE[key as TelnyxMessageStatus] : 'unknown';
}
