import { optionError } from '../../options/option-error';
import { createRedisScriptRunner } from './redis-script-runner';
import { ANY_SENDER, type OptOutEntry, type OptOutPair, type OptOutQuery, type OptOutStore } from '../../opt-outs/opt-out-store';
import type { RedisIdempotencyClient } from './redis-idempotency-client';
import type { RedisScript } from './redis-idempotency-scripts';
import { OPT_OUT_ADD_SCRIPT, OPT_OUT_FIND_SCRIPT, OPT_OUT_REMOVE_SCRIPT } from './redis-opt-out-scripts';

/** What the store needs of an ioredis client: the same as the idempotency store (`new Redis(...)` satisfies it). */
export type RedisOptOutClient = RedisIdempotencyClient;

export interface RedisOptOutStoreOptions {
  /**
   * An ioredis client created with `enableOfflineQueue: false` and a `commandTimeout` (anything else is
   * refused: a send waits on this lookup, so an outage must fail fast). It stays yours to close.
   */
  client?: RedisOptOutClient;
  /** Or a `redis://` URL: the store creates, on first use, a fail-fast client of its own that `close()` quits. */
  url?: string;
  /** Prefix of every key. Default `tools-core:opt-out:`. */
  keyPrefix?: string;
  /** Command and connect timeout of the client created from `url`, in ms. Default 1 000. */
  commandTimeoutMs?: number;
}

export interface RedisOptOutStore extends OptOutStore {
  /** Quits the client the store created from `url`; a client you passed is left open. */
  close(): Promise<void>;
}

/**
 * Opt-outs on Redis, shared by every process that sends or receives webhooks: one hash per recipient,
 * one field per sender, each operation a Lua script. The client fails fast when Redis is down (no
 * offline queue, bounded timeouts, docs/quotas.md#sources): `send()` then fails with
 * `OPT_OUT_STORE_UNAVAILABLE` and sends nothing, because sending without knowing could message someone
 * who said STOP; the webhook handler answers 500 so the provider retries. ioredis is an optional peer,
 * imported on first use.
 *
 * @example
 * import { createRedisOptOutStore } from '@ocelot-platform/tools-core/redis';
 * const optOuts = createRedisOptOutStore({ url: 'redis://127.0.0.1:6379' });
 * const sms = new SMSService({ providers, optOuts });
 */
export function createRedisOptOutStore(options: RedisOptOutStoreOptions): RedisOptOutStore {
  const keyPrefix = options.keyPrefix ?? 'tools-core:opt-out:';
  const commandTimeoutMs = options.commandTimeoutMs ?? 1_000;
  if (typeof keyPrefix !== 'string') throw optionError('options.keyPrefix', 'is not a string.', "pass a string such as 'tools-core:opt-out:'.");
  const runner = createRedisScriptRunner({ client: options.client, url: options.url, commandTimeoutMs, storeName: 'Redis opt-out store' });
  const run = (script: RedisScript, recipient: string, ...parameters: string[]): Promise<unknown> => runner.run(script, keyPrefix + recipient, ...parameters);

  return {
    async add(entry: OptOutEntry): Promise<void> {
      await run(OPT_OUT_ADD_SCRIPT, entry.recipient, entry.sender, JSON.stringify(entry));
    },
    async remove(pair: OptOutPair): Promise<boolean> {
      return Number(await run(OPT_OUT_REMOVE_SCRIPT, pair.recipient, pair.sender)) > 0;
    },
    async find(query: OptOutQuery): Promise<OptOutEntry | undefined> {
      const reply = await run(OPT_OUT_FIND_SCRIPT, query.recipient, query.sender ?? '', ANY_SENDER);
      return typeof reply === 'string' ? readEntry(reply) : undefined;
    },
    close: () => runner.close(),
  };
}


/** A stored entry; one written by something else is reported rather than trusted. */
function readEntry(json: string): OptOutEntry {
  const entry = JSON.parse(json) as Partial<OptOutEntry> | null;
  if (typeof entry?.sender !== 'string' || typeof entry.recipient !== 'string' || typeof entry.createdAt !== 'string') {
    throw new Error('Redis opt-out store: a stored entry is not an opt-out record (another program writes under this key prefix?).');
  }
  return { sender: entry.sender, recipient: entry.recipient, source: entry.source ?? 'manual', detail: entry.detail ?? null, provider: entry.provider ?? null, createdAt: entry.createdAt };
}


