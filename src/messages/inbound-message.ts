import type { OptOutAction } from './opt-out-action';

/** One attachment of an inbound MMS. */
export interface InboundMedia {
  /** Where the provider serves it (Twilio `MediaUrl{N}`, Telnyx `media[].url`); it may need the account's credentials. */
  readonly url: string;
  /** MIME type as the provider reported it (`MediaContentType{N}`, `media[].content_type`), or null. */
  readonly contentType: string | null;
}

/** A message a recipient sent to one of the host's numbers, the same shape for every provider. */
export interface InboundMessage {
  /** The library's id for it: the id of its `MessageRecord` (direction `inbound`). */
  readonly id: string;
  /** Provider id, e.g. `twilio`, `telnyx`. */
  readonly provider: string;
  /** The provider's id (Twilio `MessageSid`, Telnyx `data.payload.id`). */
  readonly providerMessageId: string;
  /** The sender: the recipient's number. */
  readonly from: string;
  /** The host's number it was sent to. */
  readonly to: string;
  /** The text, as received; empty for a media-only MMS. */
  readonly body: string;
  readonly media: readonly InboundMedia[];
  /** ISO 8601: the provider's time when it gives one (Telnyx `received_at`), else when the webhook arrived. */
  readonly receivedAt: string;
  /**
   * The opt-out keyword the body is (STOP, START, HELP…), or the provider's own opt-out type (Twilio
   * `OptOutType` with Advanced Opt-Out); null for an ordinary message.
   */
  readonly optOutAction: OptOutAction | null;
}
