/**
 * The normalised message status set every provider status maps onto. Provider-specific mappings live in
 * each adapter as pure exhaustive functions (`mapTwilioStatus`, `mapTelnyxStatus`).
 */
export const MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'received',
  'unknown',
] as const;

export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
