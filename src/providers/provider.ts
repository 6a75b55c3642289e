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
}

export interface SmsProviderCapabilities {
  /** Largest number of media URLs in one message; 0 or undefined means no MMS. */
  maxMediaUrls?: number;
  /** Whether `sendAt` scheduling is supported. */
  scheduling?: boolean;
  /** Whether a validity period (TTL) can be passed to the provider. */
  validityPeriod?: boolean;
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
