// Public entry of `@ocelot-platform/tools-core/redis`. Importing it never loads `ioredis`: an adapter
// imports it when it first needs its own client, or uses the client you pass.
export { createRedisIdempotencyStore, type RedisIdempotencyStore, type RedisIdempotencyStoreOptions } from './redis-idempotency-store';
export type { RedisIdempotencyClient } from './redis-idempotency-client';
export { createRedisRateLimiter, type RedisRateLimiter, type RedisRateLimiterOptions } from './redis-rate-limiter';
export type { RedisLimiterClient } from './redis-limit-client';
export { createRedisOptOutStore, type RedisOptOutStore, type RedisOptOutStoreOptions, type RedisOptOutClient } from './redis-opt-out-store';
