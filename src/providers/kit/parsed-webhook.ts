import type { SmsError } from '../../errors/sms-error';
import type { MessageStatus } from '../../messages/message-status';
import type { OptOutAction } from '../../messages/opt-out-action';
import type { InboundMedia } from '../../messages/inbound-message';

/** A delivery-status callback, normalised. */
export interface ParsedStatusCallback {
  readonly kind: 'status';
  /** Dedupe key within the provider: the same for a duplicate delivery of this callback. */
  readonly dedupeKey: string;
  readonly providerMessageId: string;
  readonly providerStatus: string;
  readonly status: MessageStatus;
  readonly errorCode: string | null;
  readonly error: SmsError | null;
  /** Our sender and the recipient, when the callback names them. */
  readonly from: string | null;
  readonly to: string | null;
}

/** An inbound message, normalised (the handler adds the library id and the opt-out action). */
export interface ParsedInboundMessage {
  readonly kind: 'inbound';
  readonly dedupeKey: string;
  readonly providerMessageId: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly media: readonly InboundMedia[];
  /** ISO 8601 from the provider, or null when it gives none. */
  readonly receivedAt: string | null;
  /** The provider's own opt-out classification (Twilio `OptOutType`), when present. */
  readonly providerOptOut: { readonly action: OptOutAction; readonly keyword: string } | null;
}

/** An authentic webhook of a kind the handler does not act on (answered 2xx). */
export interface IgnoredWebhook {
  readonly kind: 'ignored';
  readonly reason: string;
}

/** An authentic request whose payload cannot be read (answered 400). */
export interface MalformedWebhook {
  readonly kind: 'malformed';
  readonly problem: string;
}

export type ParsedWebhook = ParsedStatusCallback | ParsedInboundMessage | IgnoredWebhook | MalformedWebhook;

/** Provider ids and message ids are short tokens; anything else is not a provider payload. */
export const PROVIDER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Addresses: E.164, short codes, alphanumeric senders, channel prefixes (`whatsapp:+1…`). */
export function readAddress(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : undefined;
}

/** An ISO 8601 string for a provider timestamp, or null when it is missing or unreadable. */
export function readTimestamp(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
