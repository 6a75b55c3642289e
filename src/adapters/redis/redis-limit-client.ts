import { optionError } from '../../options/option-error';

/**
 * The part of an ioredis client the Redis rate limiter uses. Structural, so this package needs no
 * runtime or type dependency on ioredis: pass `new Redis(…)` from ioredis 5 or later.
 */
export interface RedisLimiterClient {
  /** ioredis connection state; calls fail fast to the insurance limiter unless it is `ready`. */
  readonly status: string;
  readonly options: { readonly enableOfflineQueue?: boolean | undefined };
  readonly isCluster?: boolean;
  defineCommand(name: string, definition: { lua: string; numberOfKeys?: number }): void;
  /** Used by rate-limiter-flexible's `RateLimiterRedis#get` to read a counter and its TTL. */
  multi(): unknown;
}

/**
 * Refuses a client that would make a Redis outage hang or double-count sends (docs/quotas.md#sources): with
 * the offline queue on, every limiter call waits in it while Redis is down and replays later in an
 * uncontrolled order (rate-limiter-flexible #37, firecrawl#3728). A Redis Cluster client is refused
 * because one charge runs one script over keys that may live on different nodes.
 */
export function checkRedisLimiterClient(client: unknown): asserts client is RedisLimiterClient {
  const candidate = client as Partial<RedisLimiterClient> | null | undefined;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.defineCommand !== 'function' || typeof candidate.multi !== 'function' || typeof candidate.status !== 'string') {
    throw optionError('options.client', 'is not an ioredis client.', "pass new Redis({ host, port, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 }) from 'ioredis'.");
  }
  if (candidate.isCluster === true) {
    throw optionError('options.client', 'is a Redis Cluster client; a charge runs one script over keys that may sit on different nodes.', 'use a standalone or Sentinel-managed Redis for limits.');
  }
  if (candidate.options?.enableOfflineQueue !== false) {
    throw optionError('options.client', 
      'has the offline queue enabled: while Redis is down every limit check would wait in it, then replay in an uncontrolled order.',
      'create it with { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 }, e.g. client.duplicate({ enableOfflineQueue: false }).',
    );
  }
}


