/**
 * The Redis idempotency store on a real Redis at 127.0.0.1:6379: the shared contract suite, `SMSService`
 * over it (one provider call per key, however many concurrent sends), and the outage behaviour. The
 * tests needing Redis skip with a printed reason outside CI when it is unreachable; under CI
 * (`CI=true`) they must run.
 */
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisIdempotencyStore, type RedisIdempotencyStore } from '../../../src/adapters/redis/redis-idempotency-store';
import type { SmsError } from '../../../src/errors';
import { SMSService } from '../../../src/service/sms-service';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';
import { runIdempotencyStoreContract } from '../../../src/testing/run-idempotency-store-contract';
import { createIdempotencyClient, deleteKeys, redisIsReachable, REDIS_URL, uniquePrefix, untilReady } from '../../support/services/redis-idempotency-support';

const reachable = await redisIsReachable();
const prefix = uniquePrefix();
const to = '+14155552671';
let shared: Redis | undefined;
const stores: RedisIdempotencyStore[] = [];
let stored = 0;

async function sharedClient(): Promise<Redis> {
  shared ??= createIdempotencyClient();
  await untilReady(shared);
  return shared;
}

async function freshStore(): Promise<RedisIdempotencyStore> {
  const store = createRedisIdempotencyStore({ client: await sharedClient(), keyPrefix: `${prefix}${++stored}:` });
  stores.push(store);
  return store;
}

afterAll(async () => {
  for (const store of stores) await store.close();
  if (shared === undefined) return;
  await deleteKeys(shared, prefix);
  shared.disconnect();
});

describe.skipIf(!reachable)('createRedisIdempotencyStore on a real Redis', () => {
  runIdempotencyStoreContract({
    describe,
    it,
    name: 'redis',
    createStore: async (clock) => createRedisIdempotencyStore({ client: await sharedClient(), keyPrefix: `${prefix}${++stored}:`, clock }),
  });

  it('lets concurrent first calls on its own lazy client wait for the one connect, none failing fast', async () => {
    const store = createRedisIdempotencyStore({ url: REDIS_URL, keyPrefix: `${prefix}${++stored}:` });
    stores.push(store);
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, index) => store.claim({ key: `t.org-1/first-${index}`, fingerprint: 'f', token: `holder-${index}`, leaseMs: 60_000 })),
    );
    expect(claims.map((claim) => claim.status)).toEqual(Array.from({ length: 10 }, () => 'claimed'));
  });

  it('keeps every key under its prefix and lets Redis expire a record after its retention', async () => {
    const store = await freshStore();
    await store.claim({ key: 't.org-1/order-42', fingerprint: 'f', token: 'holder', leaseMs: 60_000 });
    const client = await sharedClient();
    const [key] = await client.keys(`${prefix}${stored}:*`);
    expect(key).toBe(`${prefix}${stored}:t.org-1/order-42`);
    expect(await client.pttl(key as string)).toBeGreaterThan(59_000);
    await store.complete({ key: 't.org-1/order-42', token: 'holder', fingerprint: 'f', outcome: { status: 'failed', error: { code: 'TIMEOUT' } }, retentionMs: 86_400_000 });
    expect(await client.pttl(key as string)).toBeGreaterThan(86_399_000);
  });

  it('creates its own fail-fast client from a URL and quits it on close', async () => {
    const store = createRedisIdempotencyStore({ url: REDIS_URL, keyPrefix: `${prefix}url:` });
    expect(await store.claim({ key: 'k', fingerprint: 'f', token: 't', leaseMs: 60_000 })).toEqual({ status: 'claimed' });
    await store.close();
    await expect(store.claim({ key: 'k', fingerprint: 'f', token: 'u', leaseMs: 60_000 })).resolves.toMatchObject({ status: 'in-flight' });
    await store.close();
  });

  it('SMSService: the same key sent twice in a row makes one provider call', async () => {
    const provider = createFakeProvider({ id: 'twilio' });
    const sms = new SMSService({ providers: [provider], idempotency: { store: await freshStore() } });
    const first = await sms.send({ to, body: 'Hi', idempotencyKey: 'twice', tenantId: 'org-1' });
    await expect(sms.send({ to, body: 'Hi', idempotencyKey: 'twice', tenantId: 'org-1' })).resolves.toEqual(first);
    expect(provider.calls).toHaveLength(1);
  });

  it('SMSService: ten concurrent sends with one key make one provider call', async () => {
    const provider = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'accept', delayMs: 100 }] });
    const sms = new SMSService({ providers: [provider], idempotency: { store: await freshStore(), pollIntervalMs: 10 } });
    const results = await Promise.all(Array.from({ length: 10 }, () => sms.send({ to, body: 'Hi', idempotencyKey: 'burst', tenantId: 'org-1' })));
    expect(provider.calls).toHaveLength(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
  });

  it('SMSService: two tenants with the same key stay independent', async () => {
    const provider = createFakeProvider({ id: 'twilio' });
    const sms = new SMSService({ providers: [provider], idempotency: { store: await freshStore() } });
    const one = await sms.send({ to, body: 'Hi', idempotencyKey: 'same', tenantId: 'org-1' });
    const two = await sms.send({ to, body: 'Hi', idempotencyKey: 'same', tenantId: 'org-2' });
    expect(one.id).not.toBe(two.id);
    expect(provider.calls).toHaveLength(2);
  });
});

describe('createRedisIdempotencyStore when Redis is unreachable', () => {
  const unreachable = 'redis://127.0.0.1:1';

  it('fails the send fast with a clear error and sends nothing', async () => {
    const store = createRedisIdempotencyStore({ url: unreachable, commandTimeoutMs: 500 });
    stores.push(store);
    const provider = createFakeProvider({ id: 'twilio' });
    const sms = new SMSService({ providers: [provider], idempotency: { store } });
    const startedAt = Date.now();
    const error = (await sms.send({ to, body: 'Hi', idempotencyKey: 'k' }).catch((thrown: unknown) => thrown)) as SmsError;
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'IDEMPOTENCY_STORE_UNAVAILABLE', outcomeUnknown: false, retryable: true });
    expect(error.message).toMatch(/Redis idempotency store: .*ECONNREFUSED 127\.0\.0\.1:1/);
    expect(provider.calls).toHaveLength(0);
    // Later sends fail fast too, while the client keeps reconnecting in the background.
    const again = (await sms.send({ to, body: 'Hi', idempotencyKey: 'k' }).catch((thrown: unknown) => thrown)) as SmsError;
    expect(again.message).toContain('Redis is not connected');
    expect(provider.calls).toHaveLength(0);
  });

  it("sends without a claim only when configured to, and reports it", async () => {
    const store = createRedisIdempotencyStore({ url: unreachable, commandTimeoutMs: 500 });
    stores.push(store);
    const provider = createFakeProvider({ id: 'twilio' });
    const reported: string[] = [];
    const sms = new SMSService({
      providers: [provider],
      idempotency: { store, onStoreUnavailable: 'send-without-claim' },
      onBackgroundError: (error, context) => reported.push(`${context.stage}: ${(error as Error).message}`),
    });
    await expect(sms.send({ to, body: 'Hi', idempotencyKey: 'k' })).resolves.toMatchObject({ provider: 'twilio' });
    expect(provider.calls).toHaveLength(1);
    expect(reported).toEqual([expect.stringMatching(/^idempotency: Redis idempotency store: /)]);
  });

  it('refuses a prebuilt client that would queue commands during an outage or wait forever', async () => {
    const { Redis } = await import('ioredis');
    const queueing = new Redis(REDIS_URL, { lazyConnect: true });
    expect(() => createRedisIdempotencyStore({ client: queueing })).toThrow(/options\.client: would not fail fast: enableOfflineQueue is not false .*commandTimeout is not set/);
    queueing.disconnect();
    expect(() => createRedisIdempotencyStore({})).toThrow(/options: needs exactly one of client or url/);
    expect(() => createRedisIdempotencyStore({ url: 'http://127.0.0.1:6379' })).toThrow(/options\.url: is not a valid redis:\/\//);
    expect(() => createRedisIdempotencyStore({ url: 'redis://127.0.0.1:notaport' })).toThrow(/options\.url: is not a valid redis:\/\//);
  });
});
