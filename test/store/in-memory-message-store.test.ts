import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { MessageRecord } from '../../src/store/message-record';
import { runMessageStoreContract } from '../../src/testing/run-message-store-contract';

runMessageStoreContract({ describe, it, name: 'memory', createStore: () => createInMemoryMessageStore() });

function record(id: string, providerMessageId: string | null = `SM-${id}`): MessageRecord {
  return {
    id,
    tenantId: null,
    direction: 'outbound',
    from: null,
    to: '+14155550100',
    body: 'x',
    mediaUrls: [],
    provider: 'twilio',
    providerMessageId,
    status: 'queued',
    errorCode: null,
    errorReason: null,
    errorMessage: null,
    providerCode: null,
    cost: null,
    currency: null,
    segments: 1,
    encoding: 'GSM-7',
    metadata: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    sentAt: null,
    deliveredAt: null,
    attempts: 1,
    idempotencyKey: null,
    statusChangedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('InMemoryMessageStore bounds', () => {
  it('never holds more than maxMessages and evicts the oldest-written first, index included', async () => {
    const store = createInMemoryMessageStore({ maxMessages: 3 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) await store.save(record(id));
    expect(store.size).toBe(3);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBeUndefined();
    expect(await store.findByProviderMessageId('twilio', 'SM-a')).toBeUndefined();
    expect((await store.get('e'))?.id).toBe('e');
    expect((await store.findByProviderMessageId('twilio', 'SM-c'))?.id).toBe('c');
  });

  it('treats a re-save as the newest write', async () => {
    const store = createInMemoryMessageStore({ maxMessages: 2 });
    await store.save(record('a'));
    await store.save(record('b'));
    await store.save(record('a'));
    await store.save(record('c'));
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('a'))?.id).toBe('a');
  });

  it('drops a stale provider index entry when a record changes its provider message id', async () => {
    const store = createInMemoryMessageStore();
    await store.save(record('a', 'SM-old'));
    await store.save(record('a', 'SM-new'));
    expect(await store.findByProviderMessageId('twilio', 'SM-old')).toBeUndefined();
    expect((await store.findByProviderMessageId('twilio', 'SM-new'))?.id).toBe('a');
  });

  it('stays bounded over a long run', async () => {
    const store = createInMemoryMessageStore({ maxMessages: 100 });
    for (let index = 0; index < 5000; index += 1) await store.save(record(`m${index}`));
    expect(store.size).toBe(100);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxMessages %s with a ValidationError naming the option', (maxMessages) => {
    expect(() => createInMemoryMessageStore({ maxMessages })).toThrow(ValidationError);
    expect(() => createInMemoryMessageStore({ maxMessages })).toThrow(/options\.maxMessages/);
  });
});
