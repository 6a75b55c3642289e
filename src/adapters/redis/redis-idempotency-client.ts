import type { RedisOptions } from 'ioredis';
import { ValidationError } from '../../errors/validation-error';
import { loadOptionalPeer } from '../../optional-peers/load-optional-peer';
import type { RedisScript } from './redis-idempotency-scripts';

/** What the store needs of an ioredis client (`new Redis(...)` satisfies it). */
export interface RedisIdempotencyClient {
  readonly status: string;
  readonly options: { readonly enableOfflineQueue?: boolean | undefined; readonly commandTimeout?: number | undefined };
  connect(): Promise<unknown>;
  evalsha(sha1: string, numberOfKeys: number, ...keysAndArguments: (string | number)[]): Promise<unknown>;
  eval(source: string, numberOfKeys: number, ...keysAndArguments: (string | number)[]): Promise<unknown>;
  quit(): Promise<unknown>;
  disconnect(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Options of the client the store creates from a URL: fail fast during an outage instead of queueing
 * (docs/quotas.md#sources: `enableOfflineQueue: false`, bounded `commandTimeout` / `maxRetriesPerRequest`,
 * ioredis would otherwise replay queued commands after a reconnect); no automatic resend of a command
 * in flight when the connection dropped; connect on first use, so importing never opens a socket.
 */
export function failFastRedisOptions(commandTimeoutMs: number): RedisOptions {
  return {
    lazyConnect: true,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    connectTimeout: commandTimeoutMs,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  };
}

/**
 * Refuses a prebuilt client that would queue commands during an outage or wait forever for an answer:
 * a claim must fail fast, and a queued claim replayed later would hold a key nobody sends for.
 */
export function checkRedisClient(client: RedisIdempotencyClient): void {
  const problems: string[] = [];
  if (typeof client?.evalsha !== 'function' || typeof client.eval !== 'function') {
    throw new ValidationError({ field: 'options.client', reason: 'INVALID_OPTION', problem: 'is not an ioredis client.', fix: "pass new Redis(url, { enableOfflineQueue: false, commandTimeout: 1000 }) from 'ioredis'." });
  }
  if (client.options?.enableOfflineQueue !== false) problems.push('enableOfflineQueue is not false (commands would queue during an outage)');
  if (typeof client.options?.commandTimeout !== 'number') problems.push('commandTimeout is not set (a command could wait forever)');
  if (problems.length > 0) {
    throw new ValidationError({
      field: 'options.client',
      reason: 'INVALID_OPTION',
      problem: `would not fail fast: ${problems.join('; ')}.`,
      fix: "create it with new Redis(url, { enableOfflineQueue: false, commandTimeout: 1000, maxRetriesPerRequest: 1 }), or pass url instead.",
    });
  }
}

/**
 * Creates the store's own client with `import('ioredis')` on first use (an optional peer: a missing
 * package names what to install).
 */
export async function createRedisClient(url: string, commandTimeoutMs: number, neededBy = 'The Redis idempotency store'): Promise<RedisIdempotencyClient> {
  const Redis = await loadOptionalPeer({
    packageName: 'ioredis',
    neededBy,
    provider: 'redis',
    importModule: () => import('ioredis'),
    expected: 'the Redis client class',
    pick: (candidate) => {
      const constructor = (candidate as { Redis?: unknown } | null)?.Redis ?? candidate;
      return typeof constructor === 'function' ? (constructor as new (url: string, options: RedisOptions) => RedisIdempotencyClient) : undefined;
    },
  });
  return new Redis(url, failFastRedisOptions(commandTimeoutMs));
}

/** Runs a script by its SHA1, loading it on the server the first time (`NOSCRIPT`). */
export async function runScript(client: RedisIdempotencyClient, script: RedisScript, key: string, ...parameters: (string | number)[]): Promise<unknown> {
  try {
    return await client.evalsha(script.sha1, 1, key, ...parameters);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return client.eval(script.source, 1, key, ...parameters);
  }
}
