import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import {
  checkRedisClient,
  createRedisClient,
  failFastRedisOptions,
  runScript,
  type RedisIdempotencyClient,
} from '../../../src/adapters/redis/redis-idempotency-client';
import type { RedisScript } from '../../../src/adapters/redis/redis-idempotency-scripts';

const script: RedisScript = { source: 'return 1', sha1: 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db' };

interface Call {
  readonly command: 'evalsha' | 'eval';
  readonly args: readonly unknown[];
}

function fakeClient(evalsha: (...args: unknown[]) => Promise<unknown>, overrides: Partial<RedisIdempotencyClient> = {}): RedisIdempotencyClient & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    status: 'ready',
    options: { enableOfflineQueue: false, commandTimeout: 1_000 },
    connect: async () => undefined,
    evalsha: (...args) => {
      calls.push({ command: 'evalsha', args });
      return evalsha(...args);
    },
    eval: async (...args) => {
      calls.push({ command: 'eval', args });
      return 'from eval';
    },
    quit: async () => 'OK',
    disconnect: () => undefined,
    on: () => undefined,
    ...overrides,
  };
}

function refusal(client: unknown): ValidationError {
  try {
    checkRedisClient(client as RedisIdempotencyClient);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('failFastRedisOptions', () => {
  it('connects lazily, queues nothing, resends nothing and bounds every wait', () => {
    const options = failFastRedisOptions(750);
    expect(options).toMatchObject({
      lazyConnect: true,
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 750,
      connectTimeout: 750,
    });
    expect([1, 2, 5, 10, 50].map((times) => options.retryStrategy?.(times))).toEqual([200, 400, 1_000, 2_000, 2_000]);
  });
});

describe('checkRedisClient', () => {
  it('accepts a fail-fast client', () => {
    expect(() => checkRedisClient(fakeClient(async () => 1))).not.toThrow();
  });

  it('refuses something that is not an ioredis client', () => {
    expect(refusal({}).message).toBe("options.client: is not an ioredis client. Fix: pass new Redis(url, { enableOfflineQueue: false, commandTimeout: 1000 }) from 'ioredis'.");
    expect(refusal(undefined).field).toBe('options.client');
  });

  it('lists every reason the client would not fail fast', () => {
    const both = refusal(fakeClient(async () => 1, { options: {} }));
    expect(both.field).toBe('options.client');
    expect(both.reason).toBe('INVALID_OPTION');
    expect(both.message).toContain(
      'would not fail fast: enableOfflineQueue is not false (commands would queue during an outage); commandTimeout is not set (a command could wait forever).',
    );
    expect(refusal(fakeClient(async () => 1, { options: { enableOfflineQueue: false } })).message).toContain(
      'would not fail fast: commandTimeout is not set (a command could wait forever). Fix:',
    );
    expect(refusal(fakeClient(async () => 1, { options: { enableOfflineQueue: true, commandTimeout: 5 } })).message).toContain(
      'would not fail fast: enableOfflineQueue is not false (commands would queue during an outage). Fix:',
    );
  });
});

describe('runScript', () => {
  it('runs the script by its SHA1 with one key', async () => {
    const client = fakeClient(async () => 'from evalsha');
    expect(await runScript(client, script, 'k', 'a', 2)).toBe('from evalsha');
    expect(client.calls).toEqual([{ command: 'evalsha', args: [script.sha1, 1, 'k', 'a', 2] }]);
  });

  it('loads the source when the server does not know the script', async () => {
    const client = fakeClient(async () => {
      throw new Error('NOSCRIPT No matching script. Please use EVAL.');
    });
    expect(await runScript(client, script, 'k', 'a')).toBe('from eval');
    expect(client.calls.map((call) => call.command)).toEqual(['evalsha', 'eval']);
    expect(client.calls[1]?.args).toEqual(['return 1', 1, 'k', 'a']);
  });

  it('rethrows any other error without retrying', async () => {
    const failure = new Error('Connection is closed.');
    const client = fakeClient(async () => {
      throw failure;
    });
    await expect(runScript(client, script, 'k')).rejects.toBe(failure);
    expect(client.calls).toHaveLength(1);
  });
});

describe('createRedisClient', () => {
  it('creates a lazy ioredis client with the fail-fast options, opening no socket', async () => {
    const client = await createRedisClient('redis://127.0.0.1:6390', 321);
    try {
      expect(client.status).toBe('wait');
      expect(client.options).toMatchObject({ enableOfflineQueue: false, commandTimeout: 321, lazyConnect: true, port: 6390 });
    } finally {
      client.disconnect();
    }
  });
});
