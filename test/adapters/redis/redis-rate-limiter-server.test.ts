// Cross-module scenario: the Redis rate limiter against a real Redis, shared by service instances (src/adapters/redis/redis-rate-limiter.ts).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisRateLimiter } from '../../../src/adapters/redis/redis-rate-limiter';
import type { QuotaEvent } from '../../../src/events/quota-event';
import { QuotaExceededError } from '../../../src/limits/quota-exceeded-error';
import { SMSService } from '../../../src/service/sms-service';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';
import { runRateLimiterContract } from '../../../src/testing';
import { createLimiterClient, deleteKeys, redisIsAvailable, uniquePrefix, waitUntilReady } from '../../support/services/limits-redis';
import { LimitsRedisServer } from '../../support/services/limits-redis-server';

const available = await redisIsAvailable();
const prefix = uniquePrefix();
const clients: Redis[] = [];
const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

function client(): Redis {
  const created = createLimiterClient();
  created.on('error', () => undefined);
  clients.push(created);
  return created;
}

afterAll(async () => {
  if (!available) return;
  const cleaner = client();
  await waitUntilReady(cleaner, 2000);
  await deleteKeys(cleaner, prefix);
  for (const each of clients) each.disconnect();
});

let limiters = 0;
describe.skipIf(!available)('RedisRateLimiter on a real Redis (127.0.0.1:6379)', () => {
  const shared = available ? client() : undefined;
  const fresh = () => createRedisRateLimiter({ client: shared as Redis, keyPrefix: `${prefix}-${++limiters}`, timeoutMs: 2000 });

  runRateLimiterContract({
    describe,
    it,
    name: 'redis, short real windows',
    createLimiter: async () => {
      await waitUntilReady(shared as Redis, 2000);
      return fresh();
    },
    createPacer: async () => {
      await waitUntilReady(shared as Redis, 2000);
      return fresh();
    },
    advanceTime: sleep,
    // Real time: windows short enough to roll over in the test, slack for the calls in between.
    windowMs: 800,
    toleranceMs: 100,
  });

  it('keeps rate-limiter-flexible’s key layout: RateLimiterRedis reads and deletes the same counters', async () => {
    await waitUntilReady(shared as Redis, 2000);
    const keyPrefix = `${prefix}-rlf`;
    const limiter = createRedisRateLimiter({ client: shared as Redis, keyPrefix });
    await limiter.consume([{ name: 'hourly', key: 'tenant:org-1:hourly', limit: 10, durationMs: 3_600_000, cost: 3 }]);
    const flexible = new RateLimiterRedis({ storeClient: shared, keyPrefix, points: 10, duration: 3600 });
    const read = await flexible.get('tenant:org-1:hourly');
    expect(read?.consumedPoints).toBe(3);
    expect(read?.msBeforeNext).toBeGreaterThan(3_590_000);
    await flexible.delete('tenant:org-1:hourly');
    const after = await limiter.peek([{ name: 'hourly', key: 'tenant:org-1:hourly', limit: 10, durationMs: 3_600_000, cost: 1 }]);
    expect(after.counters[0]?.used).toBe(0);
  });

  it('refuses a client with the offline queue on, naming the option and the fix', () => {
    const unsafe = createLimiterClient(6379, { enableOfflineQueue: true, lazyConnect: true });
    clients.push(unsafe);
    expect(() => createRedisRateLimiter({ client: unsafe })).toThrow(/options\.client: has the offline queue enabled.*enableOfflineQueue: false/s);
  });

  it('shares one tenant’s quota between two service instances, and tenant A at its limit leaves tenant B alone', async () => {
    await waitUntilReady(shared as Redis, 2000);
    const keyPrefix = `${prefix}-services`;
    const make = () => new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], quotas: { limiter: createRedisRateLimiter({ client: shared as Redis, keyPrefix }), hourly: 3, daily: 10 } });
    const [first, second] = [make(), make()];
    await first.send({ to: '+14155552671', body: 'a', tenantId: 'org-a' });
    await second.send({ to: '+14155552671', body: 'b', tenantId: 'org-a' });
    await first.send({ to: '+14155552671', body: 'c', tenantId: 'org-a' });
    const refused = await second.send({ to: '+14155552671', body: 'd', tenantId: 'org-a' }).catch((error: unknown) => error);
    expect(QuotaExceededError.isInstance(refused) && refused.window).toBe('hourly');
    await expect(second.send({ to: '+14155552671', body: 'e', tenantId: 'org-b' })).resolves.toMatchObject({ tenantId: 'org-b' });
    expect(await first.quota('org-a')).toMatchObject({ hourly: { limit: 3, used: 3, remaining: 0 }, daily: { limit: 10, used: 3, remaining: 7 }, degraded: false });
    expect(await first.quota('org-b')).toMatchObject({ hourly: { used: 1 } });
  });

  it(
    'admits exactly the limit when eight OS processes hammer the same tenants, never more',
    async () => {
      const keyPrefix = `${prefix}-hammer`;
      const perTenant = { 'org-hourly': { hourly: 50, daily: 1000 }, 'org-daily': { hourly: 1000, daily: 37 }, 'org-room': { hourly: 100, daily: 100 } };
      const settings = { port: 6379, keyPrefix, startAt: Date.now() + 4000, sends: { 'org-hourly': 30, 'org-daily': 20, 'org-room': 5 }, perTenant };
      const fixture = fileURLToPath(new URL('../../support/services/limits-hammer.ts', import.meta.url));
      const run = promisify(execFile);
      const outputs = await Promise.all(
        Array.from({ length: 8 }, () => run(process.execPath, ['--import', 'tsx', fixture, JSON.stringify(settings)], { cwd: fileURLToPath(new URL('../..', import.meta.url)), timeout: 60_000 })),
      );
      const results = outputs.map(
        ({ stdout }) =>
          JSON.parse(stdout.trim().split('\n').at(-1) as string) as { admitted: Record<string, number>; refused: Record<string, number>; failures: string[]; providerCalls: number; degraded: number },
      );
      const total = (field: 'admitted' | 'refused', tenant: string) => results.reduce((sum, result) => sum + (result[field][tenant] ?? 0), 0);
      expect(results.flatMap((result) => result.failures)).toEqual([]);
      expect(results.map((result) => result.degraded)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      expect(total('admitted', 'org-hourly')).toBe(50);
      expect(total('refused', 'org-hourly')).toBe(8 * 30 - 50);
      expect(total('admitted', 'org-daily')).toBe(37);
      expect(total('refused', 'org-daily')).toBe(8 * 20 - 37);
      expect(total('admitted', 'org-room')).toBe(40);
      expect(results.reduce((sum, result) => sum + result.providerCalls, 0)).toBe(50 + 37 + 40);
      // Nothing refused was charged: the counters hold exactly what was admitted.
      await waitUntilReady(shared as Redis, 2000);
      const limiter = createRedisRateLimiter({ client: shared as Redis, keyPrefix });
      const reading = await limiter.peek([
        { name: 'hourly', key: 'tenant:org-hourly:hourly', limit: 50, durationMs: 3_600_000, cost: 1 },
        { name: 'daily', key: 'tenant:org-hourly:daily', limit: 1000, durationMs: 86_400_000, cost: 1 },
        { name: 'hourly', key: 'tenant:org-daily:hourly', limit: 1000, durationMs: 3_600_000, cost: 1 },
        { name: 'daily', key: 'tenant:org-daily:daily', limit: 37, durationMs: 86_400_000, cost: 1 },
      ]);
      expect(reading.counters.map((state) => state.used)).toEqual([50, 50, 37, 37]);
    },
    90_000,
  );
});

describe.skipIf(!available)('RedisRateLimiter when Redis stops mid-run (own redis-server on 127.0.0.1:6390)', () => {
  const server = new LimitsRedisServer(6390);
  afterAll(() => server.stop());

  it(
    'hands over to the insurance limiter with one clear event, never hangs a send, and returns to Redis when it is back',
    async () => {
      await server.start();
      // The client's own commandTimeout is long on purpose: the limiter's timeoutMs must bound the send alone.
      const redis = createLimiterClient(6390, { commandTimeout: 5000, retryStrategy: () => 50 });
      redis.on('error', () => undefined);
      clients.push(redis);
      await waitUntilReady(redis, 3000);
      const events: QuotaEvent[] = [];
      const provider = createFakeProvider({ id: 'twilio' });
      const limiter = createRedisRateLimiter({ client: redis, keyPrefix: prefix, timeoutMs: 300, insurance: { instances: 2 } });
      const sms = new SMSService({ providers: [provider], quotas: { limiter, hourly: 10, daily: 100, onEvent: (event) => void events.push(event) } });
      const send = async (tenantId = 'org-1') => {
        const started = performance.now();
        const outcome = await sms.send({ to: '+14155552671', body: 'Hi', tenantId }).then(
          () => 'sent',
          (error: unknown) => (QuotaExceededError.isInstance(error) ? `RATE_LIMITED/${error.window}` : `error: ${String(error)}`),
        );
        return { outcome, milliseconds: performance.now() - started };
      };

      for (let index = 0; index < 4; index += 1) expect((await send()).outcome).toBe('sent');
      expect(await sms.quota('org-1')).toMatchObject({ hourly: { used: 4 }, degraded: false });
      expect(events).toEqual([]);

      await server.stop();
      const outage = [];
      for (let index = 0; index < 7; index += 1) outage.push(await send());
      // Insurance allows 10 / 2 instances = 5 per process: a real limit, correctly labelled; the outage itself refuses nothing.
      expect(outage.map((result) => result.outcome)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'RATE_LIMITED/hourly', 'RATE_LIMITED/hourly']);
      // Bounded well below the client's 5 s commandTimeout: no send waits for a dead server.
      expect(Math.max(...outage.map((result) => result.milliseconds))).toBeLessThan(2000);
      expect(events.map((event) => event.type)).toEqual(['sms.quota_degraded']);
      expect(events[0]).toMatchObject({ tenant_id: null, data: { component: 'quotas', error: expect.stringMatching(/Redis|Connection|closed|writeable/i) } });
      expect(await sms.quota('org-1')).toMatchObject({ hourly: { limit: 5, used: 5 }, degraded: true });

      // A server that accepts the connection but never answers is bounded by timeoutMs too.
      await server.start();
      await waitUntilReady(redis, 5000);
      expect((await send()).outcome).toBe('sent');
      expect(events.map((event) => event.type)).toEqual(['sms.quota_degraded', 'sms.quota_recovered']);
      // The restarted server kept nothing (no persistence): Redis counts from zero again.
      expect(await sms.quota('org-1')).toMatchObject({ hourly: { limit: 10, used: 1 }, degraded: false });

      const admin = createLimiterClient(6390);
      admin.on('error', () => undefined);
      clients.push(admin);
      await waitUntilReady(admin, 2000);
      await admin.call('CLIENT', 'PAUSE', '3000', 'ALL');
      // org-1 used up its insurance share above, so another tenant shows the send going through.
      const paused = await send('org-2');
      expect(paused.outcome).toBe('sent');
      expect(paused.milliseconds).toBeGreaterThanOrEqual(250);
      expect(paused.milliseconds).toBeLessThan(2000);
      expect(events.at(-1)).toMatchObject({ type: 'sms.quota_degraded', data: { error: expect.stringContaining('timed out after 300 ms') } });
      await sleep(3100);
      expect((await send('org-2')).outcome).toBe('sent');
      expect(events.at(-1)?.type).toBe('sms.quota_recovered');
    },
    30_000,
  );
});
