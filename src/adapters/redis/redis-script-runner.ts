import { optionError } from '../../options/option-error';
import { checkRedisClient, createRedisClient, runScript, type RedisIdempotencyClient } from './redis-idempotency-client';
import type { RedisScript } from './redis-idempotency-scripts';

export interface RedisScriptRunnerOptions {
  /** A fail-fast ioredis client of the caller's (checked), or… */
  readonly client: RedisIdempotencyClient | undefined;
  /** …a redis:// URL for a client of the runner's own, created with `import('ioredis')` on first use. */
  readonly url: string | undefined;
  /** Command and connect timeout of the client created from `url`, in ms. */
  readonly commandTimeoutMs: number;
  /** Who needs the client, for messages: `Redis opt-out store`. */
  readonly storeName: string;
}

export interface RedisScriptRunner {
  /** Runs a Lua script on one key; a failure names the store, the error and the last connection error. */
  run(script: RedisScript, key: string, ...parameters: (string | number)[]): Promise<unknown>;
  /** Quits the client the runner created; a client the caller passed is left open. */
  close(): Promise<void>;
}

/**
 * Internal: the connection handling the Redis stores share. It checks `client` / `url` /
 * `commandTimeoutMs`, creates the runner's own fail-fast client lazily (docs/quotas.md#sources: no offline
 * queue, bounded timeouts), lets concurrent first calls wait for the one connect in progress rather
 * than fail fast as if Redis were down, and keeps the client's connection errors for the next failure's
 * message instead of letting ioredis log "Unhandled error event" on every reconnect attempt.
 */
export function createRedisScriptRunner(options: RedisScriptRunnerOptions): RedisScriptRunner {
  const { url, commandTimeoutMs, storeName } = options;
  if ((options.client === undefined) === (url === undefined)) {
    throw optionError('options', 'needs exactly one of client or url.', "pass { url: 'redis://127.0.0.1:6379' } or { client: new Redis(url, { enableOfflineQueue: false, commandTimeout: 1000 }) }.");
  }
  if (url !== undefined && (!/^rediss?:\/\//.test(url) || !URL.canParse(url))) {
    throw optionError('options.url', 'is not a valid redis:// or rediss:// URL (a host, an optional port of digits).', "pass a URL such as 'redis://127.0.0.1:6379'.");
  }
  if (!Number.isSafeInteger(commandTimeoutMs) || commandTimeoutMs < 1 || commandTimeoutMs > 60_000) {
    throw optionError('options.commandTimeoutMs', `${String(commandTimeoutMs)} is out of range.`, 'pass a whole number of milliseconds from 1 to 60000.');
  }
  if (options.client !== undefined) checkRedisClient(options.client);

  let created: Promise<RedisIdempotencyClient> | undefined;
  let connecting: Promise<unknown> | undefined;
  let connectionError: Error | undefined;
  const createOwnClient = async (): Promise<RedisIdempotencyClient> => {
    const redis = await createRedisClient(url as string, commandTimeoutMs, `The ${storeName}`);
    redis.on('error', (error) => {
      connectionError = error;
    });
    return redis;
  };
  const client = async (): Promise<RedisIdempotencyClient> => {
    const redis = options.client ?? (await (created ??= createOwnClient()));
    // A lazy client connects once, on first use; while it is down, commands fail fast on their own.
    if (redis.status === 'wait') {
      connecting ??= redis.connect().finally(() => {
        connecting = undefined;
      });
    }
    if (connecting !== undefined) await connecting;
    return redis;
  };

  return {
    async run(script, key, ...parameters) {
      try {
        return await runScript(await client(), script, key, ...parameters);
      } catch (error) {
        throw unavailable(storeName, error, connectionError);
      }
    },
    async close() {
      if (created === undefined) return;
      const redis = await created.catch(() => undefined);
      created = undefined;
      // quit() waits for pending replies; a client that is not connected just stops reconnecting.
      if (redis?.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis?.disconnect();
    },
  };
}

/** A store failure that says what failed: the command's error and the last connection error. */
function unavailable(storeName: string, error: unknown, connectionError: Error | undefined): Error {
  const message = error instanceof Error ? error.message : String(error);
  // ioredis's words for "not connected" while the offline queue is off.
  const detail = /Stream isn't writeable|Connection is closed/.test(message) ? 'Redis is not connected' : message;
  const connection = connectionError === undefined || connectionError.message === message ? '' : ` (last connection error: ${connectionError.message})`;
  return new Error(`${storeName}: ${detail}${connection}`, { cause: error });
}

