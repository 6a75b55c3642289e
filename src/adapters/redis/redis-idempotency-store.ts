import { optionError } from '../../options/option-error';
import { createRedisScriptRunner } from './redis-script-runner';
import { systemClock, type Clock } from '../../clock';
import type {
  IdempotencyClaimRequest,
  IdempotencyClaimResult,
  IdempotencyCompleteRequest,
  IdempotencyReleaseRequest,
  IdempotencySettleRequest,
  IdempotencyStore,
  StoredSendOutcome,
} from '../../idempotency/idempotency-store';
import { SETTLED_TOKEN } from '../../idempotency/idempotency-store';
import type { RedisIdempotencyClient } from './redis-idempotency-client';
import { CLAIM_SCRIPT, COMPLETE_SCRIPT, RELEASE_SCRIPT, SETTLE_SCRIPT, type RedisScript } from './redis-idempotency-scripts';

export interface RedisIdempotencyStoreOptions {
  /**
   * An ioredis client created with `enableOfflineQueue: false` and a `commandTimeout` (anything else is
   * refused: an outage must fail fast). It stays yours to close.
   */
  client?: RedisIdempotencyClient;
  /** Or a `redis://` URL: the store creates, on first use, a fail-fast client of its own that `close()` quits. */
  url?: string;
  /** Prefix of every key. Default `tools-core:idempotency:`. */
  keyPrefix?: string;
  /** Command and connect timeout of the client created from `url`, in ms. Default 1 000. */
  commandTimeoutMs?: number;
  /** Time for leases and retention; use the service's clock. Default the system clock. */
  clock?: Clock;
}

export interface RedisIdempotencyStore extends IdempotencyStore {
  /** Quits the client the store created from `url`; a client you passed is left open. */
  close(): Promise<void>;
}

/**
 * The idempotency store on Redis, shared by every process (docs/reliability.md#idempotency): claim,
 * complete and release are Lua scripts, so a claim is atomic across processes. The client fails fast
 * when Redis is down (no offline queue, bounded timeouts, docs/quotas.md#sources): `send()` then rejects
 * with `IDEMPOTENCY_STORE_UNAVAILABLE` and sends nothing, unless the service says
 * `onStoreUnavailable: 'send-without-claim'`. ioredis is an optional peer, imported on first use.
 *
 * @example
 * import { createRedisIdempotencyStore } from '@ocelot-platform/tools-core/redis';
 * const store = createRedisIdempotencyStore({ url: 'redis://127.0.0.1:6379' });
 * const sms = new SMSService({ providers, idempotency: { store } });
 */
export function createRedisIdempotencyStore(options: RedisIdempotencyStoreOptions): RedisIdempotencyStore {
  const keyPrefix = options.keyPrefix ?? 'tools-core:idempotency:';
  const commandTimeoutMs = options.commandTimeoutMs ?? 1_000;
  const clock = options.clock ?? systemClock;
  if (typeof keyPrefix !== 'string') throw optionError('options.keyPrefix', 'is not a string.', "pass a string such as 'tools-core:idempotency:'.");
  const runner = createRedisScriptRunner({ client: options.client, url: options.url, commandTimeoutMs, storeName: 'Redis idempotency store' });
  const run = (script: RedisScript, key: string, ...parameters: (string | number)[]): Promise<unknown> => runner.run(script, key, ...parameters);

  return {
    async claim(request: IdempotencyClaimRequest): Promise<IdempotencyClaimResult> {
      const now = clock.now();
      const reply = await run(CLAIM_SCRIPT, keyPrefix + request.key, now, request.token, request.fingerprint, now + request.leaseMs, request.leaseMs);
      const [state, fingerprint, expiresAt, outcome] = reply as string[];
      if (state === 'claimed') return { status: 'claimed' };
      if (state === 'completed') return { status: 'completed', fingerprint: fingerprint as string, outcome: JSON.parse(outcome as string) as StoredSendOutcome };
      return { status: 'in-flight', fingerprint: fingerprint as string, leaseExpiresAt: Number(expiresAt) };
    },
    async complete(request: IdempotencyCompleteRequest): Promise<boolean> {
      const now = clock.now();
      const reply = await run(
        COMPLETE_SCRIPT,
        keyPrefix + request.key,
        now,
        request.token,
        request.fingerprint,
        JSON.stringify(request.outcome),
        now + request.retentionMs,
        request.retentionMs,
      );
      return reply === 1;
    },
    async release(request: IdempotencyReleaseRequest): Promise<void> {
      await run(RELEASE_SCRIPT, keyPrefix + request.key, request.token);
    },
    async settle(request: IdempotencySettleRequest): Promise<boolean> {
      const now = clock.now();
      const outcome = request.outcome === null ? '' : JSON.stringify(request.outcome);
      const reply = await run(SETTLE_SCRIPT, keyPrefix + request.key, now, request.takeOverLease ? '1' : '0', request.fingerprint, outcome, now + request.retentionMs, request.retentionMs, SETTLED_TOKEN);
      return reply === 1;
    },
    close: () => runner.close(),
  };
}


