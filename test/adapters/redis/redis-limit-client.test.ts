import { describe, expect, it } from 'vitest';
import { checkRedisLimiterClient } from '../../../src/adapters/redis/redis-limit-client';
import { ValidationError } from '../../../src/errors/validation-error';

const client = (overrides: Record<string, unknown> = {}) => ({
  status: 'ready',
  options: { enableOfflineQueue: false },
  defineCommand: () => undefined,
  multi: () => undefined,
  ...overrides,
});

function refusal(value: unknown): ValidationError {
  try {
    checkRedisLimiterClient(value);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('checkRedisLimiterClient', () => {
  it('accepts a standalone client without an offline queue', () => {
    expect(() => checkRedisLimiterClient(client())).not.toThrow();
    expect(() => checkRedisLimiterClient(client({ isCluster: false, status: 'wait' }))).not.toThrow();
  });

  it('refuses what is not an ioredis client', () => {
    for (const value of [null, undefined, 'redis://', client({ defineCommand: undefined }), client({ multi: 1 }), client({ status: undefined })]) {
      const error = refusal(value);
      expect(error.field).toBe('options.client');
      expect(error.message).toContain('options.client: is not an ioredis client.');
    }
  });

  it('refuses a Redis Cluster client', () => {
    expect(refusal(client({ isCluster: true })).message).toContain('is a Redis Cluster client; a charge runs one script over keys that may sit on different nodes.');
  });

  it('refuses a client whose offline queue is on or left at its default', () => {
    for (const options of [{ enableOfflineQueue: true }, {}, undefined]) {
      const error = refusal(client({ options }));
      expect(error.reason).toBe('INVALID_OPTION');
      expect(error.message).toContain('has the offline queue enabled');
      expect(error.message).toContain('client.duplicate({ enableOfflineQueue: false })');
    }
  });
});
