import { randomUUID } from 'node:crypto';
import type { SmsError } from '../errors/sms-error';
import type { SendResult } from '../messages/send-result';
import { fingerprintSendRequest, type FingerprintedRequest } from './fingerprint-send-request';
import { idempotencyConflictError, idempotencyInFlightError, idempotencyStoreUnavailableError } from './idempotency-errors';
import type { ResolvedIdempotencyOptions } from './idempotency-options';
import { idempotencyRecordKey } from './idempotency-record-key';
import type { IdempotencyStore, StoredSendOutcome } from './idempotency-store';
import { reviveSmsError } from './revive-sms-error';
import { sleep } from '../timers/sleep';

/** What the guard needs of a validated request. */
export interface GuardedRequest extends FingerprintedRequest {
  readonly tenantId: string | undefined;
  readonly idempotencyKey: string | undefined;
}

/** The claim held by one send; settle it exactly once. */
export interface IdempotencyLease {
  /** Keeps the outcome for replay (docs/reliability.md#idempotency-model: the first result, failures included). */
  complete(outcome: { readonly result: SendResult } | { readonly error: SmsError }): Promise<void>;
  /** Frees the key: the send stopped before any provider call (e.g. a quota refused it). */
  release(): Promise<void>;
}

export type IdempotencyClaimOutcome =
  /** Send. `lease` is undefined without a key, or when the store was down and `send-without-claim` applies. */
  | { readonly status: 'proceed'; readonly lease: IdempotencyLease | undefined }
  /** Do not send: `settle` returns the first send's result, or throws its error (or the in-flight error). */
  | { readonly status: 'duplicate'; readonly settle: () => SendResult };

export interface IdempotencyGuard {
  claim(request: GuardedRequest, messageId: string): Promise<IdempotencyClaimOutcome>;
}

export interface IdempotencyGuardOptions {
  readonly store: IdempotencyStore;
  readonly settings: ResolvedIdempotencyOptions;
  /** A store failure that does not change the send (complete, release, or a claim in `send-without-claim`). */
  readonly onStoreError: (error: unknown, messageId: string) => void;
}

const unclaimed: IdempotencyClaimOutcome = { status: 'proceed', lease: undefined };

/**
 * The idempotency stage of `SMSService.send()` (docs/reliability.md#idempotency): it claims the key, scoped
 * per tenant, with the request's fingerprint, before any provider call.
 * - New key: the send proceeds holding a lease, completed with its outcome or released.
 * - Same key and payload, finished: the stored outcome is replayed, nothing is sent.
 * - Same key and payload, in flight: waits for the outcome (`inFlight: 'wait'`, polling the store),
 *   or at once (`'fail'`) or after `waitTimeoutMs`, an `IDEMPOTENCY_KEY_IN_FLIGHT` error; nothing is sent.
 * - Same key, other payload: `VALIDATION_ERROR` `IDEMPOTENCY_KEY_CONFLICT`.
 * - Store down: `IDEMPOTENCY_STORE_UNAVAILABLE`, nothing sent, unless `onStoreUnavailable: 'send-without-claim'`.
 *
 * @example
 * const guard = createIdempotencyGuard({ store, settings: readIdempotencyOptions({}, 30_000), onStoreError: report });
 * const claim = await guard.claim(request, messageId);
 * if (claim.status === 'duplicate') return claim.settle();
 */
export function createIdempotencyGuard(options: IdempotencyGuardOptions): IdempotencyGuard {
  const { store, settings, onStoreError } = options;

  const leaseFor = (key: string, fingerprint: string, token: string, messageId: string): IdempotencyLease => ({
    async complete(outcome) {
      const stored: StoredSendOutcome = 'result' in outcome ? { status: 'sent', result: outcome.result } : { status: 'failed', error: outcome.error.toJSON() };
      try {
        const kept = await store.complete({ key, token, fingerprint, outcome: stored, retentionMs: settings.retentionMs });
        if (!kept) onStoreError(new Error(`The idempotency lease of message ${messageId} ran out and another send took its key over: the message may have been sent twice. Fix: raise idempotency.leaseMs above the longest send.`), messageId);
      } catch (error) {
        onStoreError(error, messageId);
      }
    },
    async release() {
      try {
        await store.release({ key, token });
      } catch (error) {
        onStoreError(error, messageId);
      }
    },
  });

  return {
    async claim(request, messageId) {
      if (request.idempotencyKey === undefined) return unclaimed;
      const key = idempotencyRecordKey({ tenantId: request.tenantId, idempotencyKey: request.idempotencyKey });
      const fingerprint = fingerprintSendRequest(request);
      // Each send holds its own token: every send of one key names the same message (deriveMessageId),
      // so the message id cannot tell the holder from a concurrent duplicate.
      const token = randomUUID();
      // Counted in poll intervals, not on the clock: a frozen test clock must not make a wait endless.
      let waitedMs = 0;
      for (;;) {
        let claim;
        try {
          claim = await store.claim({ key, fingerprint, token, leaseMs: settings.leaseMs });
        } catch (error) {
          if (settings.onStoreUnavailable === 'fail') throw idempotencyStoreUnavailableError(error);
          onStoreError(error, messageId);
          return unclaimed;
        }
        if (claim.status === 'claimed') return { status: 'proceed', lease: leaseFor(key, fingerprint, token, messageId) };
        if (claim.fingerprint !== fingerprint) throw idempotencyConflictError();
        if (claim.status === 'completed') {
          const outcome = claim.outcome;
          return { status: 'duplicate', settle: () => replay(outcome) };
        }
        if (settings.inFlight === 'fail' || waitedMs + settings.pollIntervalMs > settings.waitTimeoutMs) {
          // A hint only: the first send usually ends within a second or two.
          const error = idempotencyInFlightError(waitedMs, 1_000);
          return {
            status: 'duplicate',
            settle: () => {
              throw error;
            },
          };
        }
        await sleep(settings.pollIntervalMs);
        waitedMs += settings.pollIntervalMs;
      }
    },
  };
}

function replay(outcome: StoredSendOutcome): SendResult {
  if (outcome.status === 'sent') return outcome.result;
  throw reviveSmsError(outcome.error);
}
