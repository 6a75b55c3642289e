/**
 * The Redis opt-out store on a real Redis at 127.0.0.1:6379: the shared contract suite, two services
 * and a webhook handler sharing opt-outs through it, and the outage behaviour (fail closed, fast). The
 * tests needing Redis skip with a printed reason outside CI when it is unreachable; under CI they must run.
 */
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisOptOutStore, type RedisOptOutStore } from '../../../src/adapters/redis/redis-opt-out-store';
import { ValidationError } from '../../../src/errors/validation-error';
import { createInMemoryEventPublisher } from '../../../src/events/in-memory-event-publisher';
import { SMSService } from '../../../src/service/sms-service';
import { createInMemoryMessageStore } from '../../../src/store/in-memory-message-store';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';
import { runOptOutStoreContract } from '../../../src/testing/run-opt-out-store-contract';
import { createWebhookHandler } from '../../../src/webhooks/create-webhook-handler';
import { NOW, OURS, RECIPIENT, TWILIO_TOKEN, twilioInbound, twilioRequest } from '../../webhooks/support/webhook-fixtures';
import { createIdempotencyClient, deleteKeys, redisIsReachable, REDIS_URL, uniquePrefix, untilReady } from '../../support/services/redis-idempotency-support';

const reachable = await redisIsReachable();
const prefix = `opt-out-${uniquePrefix()}`;
let shared: Redis | undefined;
const stores: RedisOptOutStore[] = [];
let created = 0;

async function sharedClient(): Promise<Redis> {
  shared ??= createIdempotencyClient();
  await untilReady(shared);
  return shared;
}

async function freshStore(keyPrefix = `${prefix}${++created}:`): Promise<RedisOptOutStore> {
  const store = createRedisOptOutStore({ client: await sharedClient(), keyPrefix });
  stores.push(store);
  return store;
}

afterAll(async () => {
  for (const store of stores) await store.close();
  if (shared === undefined) return;
  await deleteKeys(shared, prefix);
  shared.disconnect();
});

describe.skipIf(!reachable)('createRedisOptOutStore on a real Redis', () => {
  runOptOutStoreContract({ describe, it, name: 'redis', createStore: () => freshStore() });

  it('keeps one hash per recipient under its prefix, with no expiry', async () => {
    const store = await freshStore();
    await store.add({ sender: OURS, recipient: RECIPIENT, source: 'keyword', detail: 'STOP', provider: 'twilio', createdAt: '2026-01-01T00:00:00.000Z' });
    const client = await sharedClient();
    const key = `${prefix}${created}:${RECIPIENT}`;
    expect(await client.type(key)).toBe('hash');
    expect(await client.hkeys(key)).toEqual([OURS]);
    expect(await client.pttl(key)).toBe(-1);
  });

  it('creates its own fail-fast client from a URL and quits it on close', async () => {
    const store = createRedisOptOutStore({ url: REDIS_URL, keyPrefix: `${prefix}url:` });
    await store.add({ sender: OURS, recipient: RECIPIENT, source: 'manual', detail: null, provider: null, createdAt: '2026-01-01T00:00:00.000Z' });
    expect((await store.find({ recipient: RECIPIENT }))?.source).toBe('manual');
    await store.close();
    await store.close();
  });

  it('a STOP handled by one process blocks the sends of another', async () => {
    const keyPrefix = `${prefix}shared:`;
    const clock = { now: () => NOW };
    const receiving = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], optOuts: await freshStore(keyPrefix), clock });
    const handler = createWebhookHandler({ service: receiving, providers: { twilio: { authToken: TWILIO_TOKEN } }, clock });
    const provider = createFakeProvider({ id: 'twilio' });
    const sending = new SMSService({ providers: [provider], optOuts: await freshStore(keyPrefix), store: createInMemoryMessageStore(), events: createInMemoryEventPublisher(), clock });

    expect((await handler(twilioRequest(twilioInbound('STOP')))).status).toBe(200);
    await expect(sending.send({ to: RECIPIENT, from: OURS, body: 'Sale!' })).rejects.toMatchObject({ reason: 'OPTED_OUT' });
    expect(provider.calls).toHaveLength(0);
    expect((await handler(twilioRequest(twilioInbound('START', { MessageSid: 'SM99999999999999999999999999999999' })))).status).toBe(200);
    await expect(sending.send({ to: RECIPIENT, from: OURS, body: 'Welcome back' })).resolves.toMatchObject({ provider: 'twilio' });
  });
});

describe('createRedisOptOutStore: outages and options', () => {
  it('fails closed and fast while Redis is unreachable: send refused, webhook answered 500', async () => {
    const store = createRedisOptOutStore({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 200 });
    try {
      const provider = createFakeProvider({ id: 'twilio' });
      const sms = new SMSService({ providers: [provider], optOuts: store });
      const started = Date.now();
      await expect(sms.send({ to: RECIPIENT, from: OURS, body: 'Hi' })).rejects.toMatchObject({ reason: 'OPT_OUT_STORE_UNAVAILABLE', message: expect.stringContaining('Redis opt-out store') as string });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(provider.calls).toHaveLength(0);
      const errors: string[] = [];
      const handler = createWebhookHandler({ service: sms, providers: { twilio: { authToken: TWILIO_TOKEN } }, onError: (_error, context) => void errors.push(context.stage) });
      expect((await handler(twilioRequest(twilioInbound('STOP')))).status).toBe(500);
      expect(errors).toEqual(['opt-outs']);
    } finally {
      await store.close();
    }
  });

  it('refuses a client that would queue commands during an outage, and bad options', () => {
    const queueing = { status: 'wait', options: { enableOfflineQueue: true }, evalsha: () => undefined, eval: () => undefined } as never;
    expect(() => createRedisOptOutStore({ client: queueing })).toThrow(/enableOfflineQueue/);
    expect(() => createRedisOptOutStore({})).toThrow(ValidationError);
    expect(() => createRedisOptOutStore({ url: 'http://127.0.0.1' })).toThrow(/redis:\/\//);
    expect(() => createRedisOptOutStore({ url: REDIS_URL, commandTimeoutMs: 0 })).toThrow(/commandTimeoutMs/);
  });
});
