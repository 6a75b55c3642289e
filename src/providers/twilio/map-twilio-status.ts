import type { MessageStatus } from '../../messages/message-status';

/**
 * Every Message status twilio-node 6.2 knows (`MessageStatus` in
 * `src/rest/api/v2010/account/message.ts`; https://www.twilio.com/docs/messaging/api/message-resource).
 */
export const TWILIO_MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'delivered',
  'undelivered',
  'receiving',
  'received',
  'accepted',
  'scheduled',
  'read',
  'partially_delivered',
  'canceled',
] as const;

export type TwilioMessageStatus = (typeof TWILIO_MESSAGE_STATUSES)[number];

/**
 * One row per Twilio status. `satisfies Record<TwilioMessageStatus, …>` makes the table exhaustive:
 * a status added to the list above does not compile until it is mapped here.
 */
const TWILIO_STATUS_TABLE = {
  queued: 'queued',
  // With a Messaging Service the first status is `accepted` (docs/twilio.md#what-one-send-does); waiting like queued.
  accepted: 'queued',
  // Scheduled (SendAt) messages wait in Twilio until their time: not sent yet.
  scheduled: 'queued',
  sending: 'sending',
  sent: 'sent',
  delivered: 'delivered',
  // `read` (WhatsApp/RCS read receipts) comes after delivery.
  read: 'delivered',
  // Part of a multi-part message was confirmed and part was not: handed to the carrier, but claiming
  // either delivered or undelivered would be wrong; `sent` keeps it open for a later final status.
  partially_delivered: 'sent',
  undelivered: 'undelivered',
  failed: 'failed',
  // A scheduled message cancelled before sending: terminal and never handed to a carrier, like failed.
  canceled: 'failed',
  receiving: 'received',
  received: 'received',
} as const satisfies Record<TwilioMessageStatus, MessageStatus>;

/**
 * Maps a Twilio Message status (API response or status callback `MessageStatus`) to the normalised
 * status set. Unknown strings map to `unknown`, never throw: Twilio adds statuses over time.
 *
 * @example
 * mapTwilioStatus('accepted'); // 'queued'
 * mapTwilioStatus('undelivered'); // 'undelivered'
 * mapTwilioStatus('something-new'); // 'unknown'
 */
export function mapTwilioStatus(status: string): MessageStatus {
  const key = typeof status === 'string' ? status.trim().toLowerCase() : '';
  return Object.hasOwn(TWILIO_STATUS_TABLE, key) ? TWILIO_STATUS_TABLE[key as TwilioMessageStatus] : 'unknown';
}
