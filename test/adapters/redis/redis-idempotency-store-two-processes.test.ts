// Cross-module scenario: two processes sharing one Redis idempotency store (src/adapters/redis/redis-idempotency-store.ts).
/**
 * Two Node processes send the same idempotency key at the same moment through one real Redis: exactly
 * one provider call between them, and both get the same result (the second waits for the first).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createIdempotencyClient, deleteKeys, redisIsReachable, REDIS_URL, uniquePrefix, untilReady } from '../../support/services/redis-idempotency-support';

const reachable = await redisIsReachable();
const prefix = uniquePrefix();
const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const sender = fileURLToPath(new URL('../../support/services/redis-idempotency-sender.ts', import.meta.url));

interface SenderReport {
  name: string;
  calls: number;
  id: string;
  providerMessageId: string;
}

afterAll(async () => {
  if (!reachable) return;
  const client: Redis = createIdempotencyClient();
  await untilReady(client);
  await deleteKeys(client, prefix);
  client.disconnect();
});

describe.skipIf(!reachable)('two processes sharing Redis', () => {
  it('send one idempotency key together: exactly one provider call, one result', async () => {
    // Far enough ahead for both processes to start (tsx compiles on the fly) and connect.
    const startAt = Date.now() + 4_000;
    const reports = await Promise.all(
      ['first', 'second'].map(async (name) => {
        const settings = JSON.stringify({ url: REDIS_URL, keyPrefix: prefix, idempotencyKey: 'order-42', startAt, name });
        const { stdout } = await run(process.execPath, ['--import', 'tsx', sender, settings], { cwd: root, timeout: 30_000 });
        return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as SenderReport;
      }),
    );
    expect(reports.reduce((total, report) => total + report.calls, 0)).toBe(1);
    expect(new Set(reports.map((report) => report.id)).size).toBe(1);
    expect(new Set(reports.map((report) => report.providerMessageId)).size).toBe(1);
  }, 40_000);
});
