/**
 * The idempotency Lua scripts on a real Redis at 127.0.0.1:6379 (skipped with a printed reason outside
 * CI when it is unreachable): each script's own replies and the records it leaves.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../../../src/adapters/redis/redis-idempotency-client';
import { CLAIM_SCRIPT, COMPLETE_SCRIPT, RELEASE_SCRIPT } from '../../../src/adapters/redis/redis-idempotency-scripts';
import { createIdempotencyClient, deleteKeys, redisIsReachable, uniquePrefix, untilReady } from '../../support/services/redis-idempotency-support';

const reachable = await redisIsReachable();
const prefix = `scripts-${uniquePrefix()}`;
let client: Redis | undefined;
let keys = 0;

async function redis(): Promise<Redis> {
  client ??= createIdempotencyClient();
  await untilReady(client);
  return client;
}

const key = (): string => `${prefix}${++keys}`;
const NOW = 1_767_225_600_000;

afterAll(async () => {
  if (client === undefined) return;
  await deleteKeys(client, prefix);
  client.disconnect();
});

describe('Redis idempotency scripts', () => {
  it('names each script by the SHA1 of its source', () => {
    for (const script of [CLAIM_SCRIPT, COMPLETE_SCRIPT, RELEASE_SCRIPT]) {
      expect(script.sha1).toBe(createHash('sha1').update(script.source).digest('hex'));
    }
    expect(new Set([CLAIM_SCRIPT.sha1, COMPLETE_SCRIPT.sha1, RELEASE_SCRIPT.sha1]).size).toBe(3);
  });
});

describe.skipIf(!reachable)('Redis idempotency scripts on a real Redis', () => {
  it('CLAIM stores an in-flight record with a GC expiry, and tells another token about the live record', async () => {
    const r = await redis();
    const k = key();
    expect(await runScript(r, CLAIM_SCRIPT, k, NOW, 'token-a', 'fp-1', NOW + 30_000, 30_000)).toEqual(['claimed']);
    expect(await r.hgetall(k)).toEqual({ state: 'in-flight', token: 'token-a', fingerprint: 'fp-1', expiresAt: String(NOW + 30_000) });
    const ttl = await r.pttl(k);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    expect(await runScript(r, CLAIM_SCRIPT, k, NOW + 1, 'token-b', 'fp-2', NOW + 30_001, 30_000)).toEqual(['in-flight', 'fp-1', String(NOW + 30_000), '']);
    // The same token claims again (a command resent after a reconnect).
    expect(await runScript(r, CLAIM_SCRIPT, k, NOW + 2, 'token-a', 'fp-1', NOW + 30_002, 30_000)).toEqual(['claimed']);
  });

  it('CLAIM takes over a record whose expiresAt has passed on the caller clock', async () => {
    const r = await redis();
    const k = key();
    await runScript(r, CLAIM_SCRIPT, k, NOW, 'token-a', 'fp-1', NOW + 1_000, 60_000);
    expect(await runScript(r, CLAIM_SCRIPT, k, NOW + 1_000, 'token-b', 'fp-2', NOW + 2_000, 60_000)).toEqual(['claimed']);
    expect(await r.hget(k, 'token')).toBe('token-b');
  });

  it('COMPLETE stores the outcome, which CLAIM then returns, and refuses a live record of another token', async () => {
    const r = await redis();
    const k = key();
    await runScript(r, CLAIM_SCRIPT, k, NOW, 'token-a', 'fp-1', NOW + 30_000, 30_000);
    expect(await runScript(r, COMPLETE_SCRIPT, k, NOW + 1, 'token-b', 'fp-1', '{"x":1}', NOW + 86_400_000, 86_400_000)).toBe(0);
    expect(await r.hget(k, 'state')).toBe('in-flight');
    expect(await runScript(r, COMPLETE_SCRIPT, k, NOW + 1, 'token-a', 'fp-1', '{"sent":true}', NOW + 86_400_000, 86_400_000)).toBe(1);
    expect(await r.hgetall(k)).toEqual({ state: 'completed', token: 'token-a', fingerprint: 'fp-1', expiresAt: String(NOW + 86_400_000), outcome: '{"sent":true}' });
    expect(await runScript(r, CLAIM_SCRIPT, k, NOW + 2, 'token-c', 'fp-1', NOW + 30_002, 30_000)).toEqual(['completed', 'fp-1', String(NOW + 86_400_000), '{"sent":true}']);
  });

  it('COMPLETE writes a record that is missing or expired', async () => {
    const r = await redis();
    const k = key();
    expect(await runScript(r, COMPLETE_SCRIPT, k, NOW, 'token-a', 'fp-1', '{}', NOW + 1_000, 60_000)).toBe(1);
    expect(await runScript(r, COMPLETE_SCRIPT, k, NOW + 1_000, 'token-b', 'fp-2', '{"b":1}', NOW + 2_000, 60_000)).toBe(1);
    expect(await r.hget(k, 'token')).toBe('token-b');
  });

  it('RELEASE deletes only an in-flight record of the same token', async () => {
    const r = await redis();
    const k = key();
    await runScript(r, CLAIM_SCRIPT, k, NOW, 'token-a', 'fp-1', NOW + 30_000, 30_000);
    expect(await runScript(r, RELEASE_SCRIPT, k, 'token-b')).toBe(1);
    expect(await r.exists(k)).toBe(1);
    expect(await runScript(r, RELEASE_SCRIPT, k, 'token-a')).toBe(1);
    expect(await r.exists(k)).toBe(0);

    const done = key();
    await runScript(r, COMPLETE_SCRIPT, done, NOW, 'token-a', 'fp-1', '{}', NOW + 1_000, 60_000);
    await runScript(r, RELEASE_SCRIPT, done, 'token-a');
    expect(await r.hget(done, 'state')).toBe('completed');
  });
});
