/**
 * The idempotency store port (docs/reliability.md#idempotency, docs/reliability.md#idempotency-model): an atomic claim of a key before any
 * provider call, the first outcome kept for replay, and a lease so a crashed holder does not block the
 * key forever. The in-memory default and the Redis adapter pass the same contract suite
 * (`runIdempotencyStoreContract` in `./testing`).
 *
 * Keys are opaque to the store: the service scopes them per tenant before they get here. Records
 * expire on the store's own clock (`expiresAt` in epoch ms), so tests can move time.
 */
import type { SendResult } from '../messages/send-result';

/** What a completed record replays: the `SendResult`, or the failure as `SmsError.toJSON()` gives it. */
export type StoredSendOutcome =
  | { readonly status: 'sent'; readonly result: SendResult }
  | { readonly status: 'failed'; readonly error: Readonly<Record<string, unknown>> };

export interface IdempotencyClaimRequest {
  readonly key: string;
  /** sha256 of the request's canonical payload; a different one under the same key is a conflict. */
  readonly fingerprint: string;
  /** Identifies the holder (the service uses the message id). */
  readonly token: string;
  /** How long the in-flight record holds the key if its holder never completes or releases it. */
  readonly leaseMs: number;
}

export type IdempotencyClaimResult =
  /** The key is now held by `token` (also when `token` already held it: a claim is idempotent). */
  | { readonly status: 'claimed' }
  /** Another holder's send is running; its lease ends at `leaseExpiresAt` (epoch ms). */
  | { readonly status: 'in-flight'; readonly fingerprint: string; readonly leaseExpiresAt: number }
  /** The first send under this key finished; replay its outcome. */
  | { readonly status: 'completed'; readonly fingerprint: string; readonly outcome: StoredSendOutcome };

export interface IdempotencyCompleteRequest {
  readonly key: string;
  readonly token: string;
  readonly fingerprint: string;
  readonly outcome: StoredSendOutcome;
  /** How long the completed record is kept (at least 24 h by default, docs/reliability.md#idempotency-model). */
  readonly retentionMs: number;
}

export interface IdempotencyReleaseRequest {
  readonly key: string;
  readonly token: string;
}

export interface IdempotencyStore {
  /** Atomically holds `key` for `token` when no live record exists, else returns the live record. */
  claim(request: IdempotencyClaimRequest): Promise<IdempotencyClaimResult>;
  /**
   * Stores the outcome for `retentionMs`. Resolves false, changing nothing, when another holder owns a
   * live record under the key (this holder's lease ran out and was taken over).
   */
  complete(request: IdempotencyCompleteRequest): Promise<boolean>;
  /** Deletes the key if `token` holds it in flight (nothing was sent), so it can be claimed again. */
  release(request: IdempotencyReleaseRequest): Promise<void>;
  /**
   * Optional, for reconciliation (docs/reconciliation.md#what-a-replay-returns): replaces what the key
   * replays with the outcome the provider proved, keeping the stored fingerprint (or `fingerprint` when the
   * key is gone). `outcome: null` deletes the record so the key can be claimed again (a resend). A live
   * in-flight lease is replaced only with `takeOverLease` (the provider holds the message, so its holder
   * can only have the same outcome); otherwise resolves false and changes nothing.
   */
  settle?(request: IdempotencySettleRequest): Promise<boolean>;
}

export interface IdempotencySettleRequest {
  readonly key: string;
  /** Written only when the key holds no record: the fingerprint of the settled request. */
  readonly fingerprint: string;
  readonly outcome: StoredSendOutcome | null;
  readonly retentionMs: number;
  readonly takeOverLease: boolean;
}

/** The token of a record written by `settle`: no send holds it. */
export const SETTLED_TOKEN = 'tools-core:reconciled';
