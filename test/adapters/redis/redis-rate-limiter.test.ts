import { describe, expect, it } from 'vitest';
import { createRedisRateLimiter } from '../../../src/adapters/redis/redis-rate-limiter';
import type { RedisLimiterClient } from '../../../src/adapters/redis/redis-limit-client';
import { ValidationError } from '../../../src/errors/validation-error';
import type { QuotaCounter } from '../../../src/limits/quota-limiter';

/** A stand-in ioredis client: no server; `answer` decides what each script call does. */
function fakeClient(options: { status?: string; enableOfflineQueue?: boolean; isCluster?: boolean; answer?: () => Promise<unknown> } = {}) {
  const calls: string[] = [];
  const client: RedisLimiterClient & Record<string, unknown> = {
    status: options.status ?? 'ready',
    options: { enableOfflineQueue: options.enableOfflineQueue ?? false },
    isCluster: options.isCluster ?? false,
    defineCommand(name: string) {
      client[name] = () => {
        calls.push(name);
        return (options.answer ?? (() => new Promise(() => undefined)))();
      };
    },
    multi: () => ({}),
  };
  return { client, calls };
}

const counter = (limit: number, cost = 1): QuotaCounter => ({ name: 'hourly', key: 'tenant:org-1:hourly', limit, durationMs: 3_600_000, cost });

function thrown(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('RedisRateLimiter without a server', () => {
  it.each([
    [{ client: {} }, 'options.client', 'is not an ioredis client'],
    [{ client: fakeClient({ enableOfflineQueue: true }).client }, 'options.client', 'has the offline queue enabled'],
    [{ client: fakeClient({ isCluster: true }).client }, 'options.client', 'is a Redis Cluster client'],
    [{ client: fakeClient().client, keyPrefix: 'has space' }, 'options.keyPrefix', 'is not 1 to 64 letters'],
    [{ client: fakeClient().client, timeoutMs: 0 }, 'options.timeoutMs', 'is out of range'],
    [{ client: fakeClient().client, insurance: { instances: 0 } }, 'options.insurance.instances', 'is out of range'],
  ])('refuses %j at construction', (options, field, problem) => {
    const error = thrown(() => createRedisRateLimiter(options as never));
    expect(error.field).toBe(field);
    expect(error.message).toContain(problem);
  });

  it('fails fast to the insurance limiter while the client is not ready, without sending a command', async () => {
    const { client, calls } = fakeClient({ status: 'reconnecting' });
    const limiter = createRedisRateLimiter({ client });
    const decision = await limiter.consume([counter(5)]);
    expect(decision).toMatchObject({ allowed: true, counters: [{ used: 1, remaining: 4 }] });
    expect(decision.storeError?.message).toBe('Redis is not ready (connection reconnecting)');
    expect(calls).toEqual([]);
    const pace = await limiter.reserve({ key: 'twilio:+14155550100', intervalMs: 1000, maxWaitMs: 5000 });
    expect(pace).toMatchObject({ accepted: true, waitMs: 0 });
    expect(pace.storeError).toBeInstanceOf(Error);
    expect((await limiter.peek([counter(5)])).storeError).toBeInstanceOf(Error);
  });

  it('bounds a Redis that never answers by timeoutMs, then lets the insurance limiter decide', async () => {
    const { client, calls } = fakeClient();
    const limiter = createRedisRateLimiter({ client, timeoutMs: 50 });
    const started = performance.now();
    const decision = await limiter.consume([counter(5)]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(decision.allowed).toBe(true);
    expect(decision.storeError?.message).toBe('Redis rate limiter consume timed out after 50 ms');
    expect(calls).toEqual(['ocelotSmsQuotaConsume']);
  });

  it('never turns a store failure into a refusal; the insurance share per process is limit / instances, rounded up', async () => {
    const { client } = fakeClient({ answer: () => Promise.reject(new Error('Connection is closed.')) });
    const limiter = createRedisRateLimiter({ client, insurance: { instances: 4 } });
    const decisions = [];
    for (let index = 0; index < 4; index += 1) decisions.push(await limiter.consume([counter(10)]));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions.every((decision) => decision.storeError?.message === 'Connection is closed.')).toBe(true);
    expect(decisions[3]?.refusedBy).toMatchObject({ limit: 3, used: 3 });
    // A charge that fits the real limit still fits the insurance once, however small the share.
    expect((await limiter.consume([{ ...counter(10, 5), key: 'tenant:org-2:hourly' }])).allowed).toBe(true);
  });

  it('reads the script reply into a decision', async () => {
    const { client } = fakeClient({ answer: () => Promise.resolve([0, 5, 120_000, 2, 86_000_000]) });
    const limiter = createRedisRateLimiter({ client });
    const decision = await limiter.consume([counter(5), { ...counter(10), name: 'daily', key: 'tenant:org-1:daily', durationMs: 86_400_000 }]);
    expect(decision).toMatchObject({ allowed: false, refusedBy: { name: 'hourly', used: 5, remaining: 0 }, retryAfterMs: 120_000, storeError: undefined });
    expect(decision.counters[1]).toMatchObject({ name: 'daily', used: 2, remaining: 8 });
  });
});
