import { describe, expect, it } from 'vitest';
import type { RedisIdempotencyClient } from '../../../src/adapters/redis/redis-idempotency-client';
import type { RedisScript } from '../../../src/adapters/redis/redis-idempotency-scripts';
import { createRedisScriptRunner, type RedisScriptRunnerOptions } from '../../../src/adapters/redis/redis-script-runner';
import { ValidationError } from '../../../src/errors/validation-error';
import { redisIsReachable, REDIS_URL } from '../../support/services/redis-idempotency-support';

const reachable = await redisIsReachable();
const script: RedisScript = { source: "return ARGV[1] .. ':' .. KEYS[1]", sha1: '0000000000000000000000000000000000000000' };

function fakeClient(overrides: Partial<RedisIdempotencyClient> & { answer?: () => Promise<unknown> } = {}): RedisIdempotencyClient & { connects: number; quits: number } {
  const fake = {
    connects: 0,
    quits: 0,
    status: 'ready',
    options: { enableOfflineQueue: false, commandTimeout: 1_000 },
    async connect() {
      fake.connects += 1;
      await Promise.resolve();
      fake.status = 'ready';
    },
    evalsha: (...args: unknown[]) => (overrides.answer ?? (async () => args))(),
    eval: async () => 'eval',
    async quit() {
      fake.quits += 1;
    },
    disconnect: () => undefined,
    on: () => undefined,
    ...overrides,
  };
  return fake;
}

const options = (overrides: Partial<RedisScriptRunnerOptions>): RedisScriptRunnerOptions => ({
  client: undefined,
  url: undefined,
  commandTimeoutMs: 1_000,
  storeName: 'Redis opt-out store',
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the run to fail with an Error');
  return outcome;
}

function refusal(value: RedisScriptRunnerOptions): ValidationError {
  try {
    createRedisScriptRunner(value);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('createRedisScriptRunner: options', () => {
  it('needs exactly one of client and url', () => {
    expect(refusal(options({})).message).toContain('options: needs exactly one of client or url.');
    expect(refusal(options({ client: fakeClient(), url: REDIS_URL })).field).toBe('options');
  });

  it('refuses a URL that is not redis:// or rediss://', () => {
    for (const url of ['http://127.0.0.1:6379', '127.0.0.1:6379', 'redis://[bad']) {
      expect(refusal(options({ url })).field, url).toBe('options.url');
    }
    expect(() => createRedisScriptRunner(options({ url: 'rediss://cache.example.com:6380/2' }))).not.toThrow();
  });

  it('bounds the command timeout to whole milliseconds from 1 to 60000', () => {
    for (const commandTimeoutMs of [0, 60_001, 1.5, Number.NaN]) {
      const error = refusal(options({ url: REDIS_URL, commandTimeoutMs }));
      expect(error.field).toBe('options.commandTimeoutMs');
      expect(error.message).toBe(`options.commandTimeoutMs: ${String(commandTimeoutMs)} is out of range. Fix: pass a whole number of milliseconds from 1 to 60000.`);
    }
  });

  it("checks the caller's client", () => {
    expect(refusal(options({ client: fakeClient({ options: {} }) })).message).toContain('would not fail fast');
  });
});

describe("createRedisScriptRunner with the caller's client", () => {
  it('runs the script on one key and leaves the client open on close', async () => {
    const client = fakeClient();
    const runner = createRedisScriptRunner(options({ client }));
    expect(await runner.run(script, 'k1', 'a', 2)).toEqual([script.sha1, 1, 'k1', 'a', 2]);
    await runner.close();
    expect(client.quits).toBe(0);
  });

  it('connects a lazy client once for concurrent first calls', async () => {
    const client = fakeClient({ status: 'wait' });
    const runner = createRedisScriptRunner(options({ client }));
    await Promise.all([runner.run(script, 'a'), runner.run(script, 'b'), runner.run(script, 'c')]);
    expect(client.connects).toBe(1);
  });

  it('names the store and says "not connected" for ioredis\'s words', async () => {
    const closed = createRedisScriptRunner(options({ client: fakeClient({ answer: async () => Promise.reject(new Error('Connection is closed.')) }) }));
    const error = await failure(closed.run(script, 'k'));
    expect(error.message).toBe('Redis opt-out store: Redis is not connected');
    expect((error.cause as Error).message).toBe('Connection is closed.');

    const writeable = createRedisScriptRunner(options({ client: fakeClient({ answer: async () => Promise.reject(new Error("Stream isn't writeable and enableOfflineQueue options is false")) }) }));
    expect((await failure(writeable.run(script, 'k'))).message).toBe('Redis opt-out store: Redis is not connected');

    const other = createRedisScriptRunner(options({ client: fakeClient({ answer: async () => Promise.reject('OOM command not allowed') }) }));
    expect((await failure(other.run(script, 'k'))).message).toBe('Redis opt-out store: OOM command not allowed');
  });
});

describe.skipIf(!reachable)('createRedisScriptRunner with its own client on a real Redis', () => {
  it('creates its client on first use, runs scripts (loading them), and quits it on close', async () => {
    const runner = createRedisScriptRunner(options({ url: REDIS_URL }));
    expect(await runner.run(script, 'runner-key', 'value')).toBe('value:runner-key');
    await runner.close();
    await runner.close();
  });

  it('reports a failure with the last connection error', async () => {
    const runner = createRedisScriptRunner(options({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 200, storeName: 'Redis idempotency store' }));
    try {
      const error = await failure(runner.run(script, 'k'));
      expect(error.message).toMatch(/^Redis idempotency store: /);
      expect(error.message).toContain('ECONNREFUSED');
    } finally {
      await runner.close();
    }
  });
});
