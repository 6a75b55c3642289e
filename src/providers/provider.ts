/**
 * The provider spec: what a built-in or custom SMS adapter implements. Types only, no runtime code, so
 * third-party adapters compile against it and nothing else (pattern: Vercel AI SDK `packages/provider`).
 *
 * Contract for `send()`:
 * - resolve with a `ProviderSendResult` only when the provider accepted the message (outcome "sent");
 * - reject with an `SmsError` otherwise, where `outcomeUnknown: true` means the request may have been
 *   accepted (timeout after the request was written, reset mid-response, 5xx on create) and must not be
 *   re-sent, and `fault` says whether another provider may be tried (`provider`) or not (`request`);
 * - never retry internally: retry and failover decisions belong to the library (docs/reliability.md#provider-creates-are-not-idempotent).
 */
import type { MessageStatus } from '../messages/message-status';
import type { SendAttempt } from '../messages/send-attempt';

export interface SmsProvider {
  /** Version of this spec the adapter implements. */
  readonly specificationVersion: 'v1';
  /** Stable id used in results, events, pricing and logs: `twilio`, `telnyx`, `my-gateway`. */
  readonly id: string;
  /** What the adapter supports; the service refuses requests that need a missing capability. */
  readonly capabilities?: SmsProviderCapabilities;
  send(request: ProviderSendRequest, options?: ProviderSendOptions): Promise<ProviderSendResult>;
  /**
   * Optional preflight, run by `SMSService.ready()` before the first send (docs/platform-mode.md#preflight-smsready):
   * load the SDK and check what can be checked without sending. Resolves when the provider can send;
   * rejects with an `SmsError` whose message names the fix (reason `SDK_NOT_INSTALLED`: run
   * `npm install telnyx`). Never sends a message. Decorators forward it to the provider they wrap.
   */
  ready?(): Promise<void>;
  /**
   * Optional, for reconciliation (docs/reconciliation.md): the provider's current view of one message it
   * accepted, by the provider's id (Twilio `GET /Messages/{Sid}.json`). Resolves undefined when the
   * provider does not know the id; rejects with an `SmsError` otherwise (`RATE_LIMITED` with
   * `retryAfterMs` when it asks to wait). Never sends anything.
   */
  fetchMessage?(request: ProviderFetchRequest, options?: ProviderCallOptions): Promise<ProviderMessage | undefined>;
  /**
   * Optional, for reconciliation: the messages the provider accepted to `to` (from `from`, when given)
   * created inside the window, for a send whose provider id was never learnt (a timeout after the request
   * was written). The library compares bodies and decides; an adapter returns every candidate it found
   * (at most `limit`). Providers whose API cannot list by recipient omit it (docs/reconciliation.md).
   */
  findMessages?(query: ProviderMessageQuery, options?: ProviderCallOptions): Promise<readonly ProviderMessage[]>;
}

export interface ProviderFetchRequest {
  readonly providerMessageId: string;
}

export interface ProviderMessageQuery {
  readonly to: string;
  readonly from?: string;
  /** The window the message was created in: from a little before the send started to after it ended. */
  readonly createdAfter: Date;
  readonly createdBefore: Date;
  /** The body sent, for adapters whose API can filter by it; the library compares it anyway. */
  readonly body: string;
  /** Most candidates wanted. */
  readonly limit: number;
}

export interface ProviderCallOptions {
  /** Aborts the provider call (`reconcile({ signal })`). */
  readonly signal?: AbortSignal;
}

/** A message as the provider reports it. */
export interface ProviderMessage {
  readonly providerMessageId: string;
  /** Normalised status (the adapter's status table, as for callbacks). */
  readonly status: MessageStatus;
  readonly to: string;
  readonly from: string | null;
  /** The body, when the provider returns it (Twilio does; some APIs do not). */
  readonly body: string | null;
  /** ISO 8601 creation time at the provider, when it reports one. */
  readonly createdAt: string | null;
  /** The provider's own error code of a failed message (Twilio `30003`), or null. */
  readonly providerCode: string | null;
}

/** The capabilities every adapter states, set or not (the definition of a built-in vendor lists them all). */
export type SendCapabilities = Required<Pick<SmsProviderCapabilities, 'maxMediaUrls' | 'scheduling' | 'validityPeriod'>>;

export interface SmsProviderCapabilities {
  /** Largest number of media URLs in one message; 0 or undefined means no MMS. */
  maxMediaUrls?: number;
  /** Whether `sendAt` scheduling is supported. */
  scheduling?: boolean;
  /** Whether a validity period (TTL) can be passed to the provider. */
  validityPeriod?: boolean;
  /**
   * How long after accepting a message the provider's listing (`findMessages`) is known to show it: a
   * message not found once this has passed since the send was never accepted. Undefined: no listing, or
   * no documented delay, so a send not found stays unknown.
   */
  listingDelayMs?: number;
}

export interface ProviderSendRequest {
  /** The library's own id for this message; adapters put it in status callback URLs for correlation. */
  readonly messageId: string;
  /** Destination, strict E.164. */
  readonly to: string;
  /** Sender (E.164, short code or alphanumeric id); when absent the adapter uses its configured default. */
  readonly from?: string;
  readonly body: string;
  readonly mediaUrls: readonly string[];
  /** Encoding and segment count computed by the library, for adapters that want to pass them on. */
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly segments: number;
  /** Seconds the provider may keep trying before it gives up (Twilio `ValidityPeriod`). */
  readonly validityPeriodSeconds?: number;
  /** When the message should go out, for providers that support scheduling. */
  readonly sendAt?: Date;
  /** Tenant the message belongs to, for adapters that route or tag by tenant. */
  readonly tenantId?: string;
}

export interface ProviderSendOptions {
  /** Aborted when the caller gives up; adapters abort their HTTP request and report outcome unknown. */
  readonly signal?: AbortSignal;
  /**
   * Decorators that call other providers (failover) report each inner attempt here; a plain adapter
   * ignores it and the service records its single call itself.
   */
  readonly onAttempt?: (attempt: SendAttempt) => void;
}

export interface ProviderSendResult {
  /** The provider's id for the accepted message (Twilio `SM…`, Telnyx `data.id`). */
  readonly providerMessageId: string;
  /** Normalised initial status, usually `queued`. */
  readonly status: MessageStatus;
  /** The sender the provider actually used, when it reports it. */
  readonly from?: string;
  /** Segment count as the provider reports it, for reconciliation with the library's own count. */
  readonly segments?: number;
  /** Id of the provider that accepted the message, set by decorators that delegate to other providers. */
  readonly provider?: string;
}
