import { describe, expect, it } from 'vitest';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { MessageRecord } from '../../src/store/message-record';
import type { MessageStore } from '../../src/store/message-store';
import { runUnsettledCases } from '../../src/testing/run-unsettled-cases';
import { collectContract, failingTests } from '../support/collect-contract';

const CASE = 'findUnsettled: outbound records in the statuses, changed before the cut-off, longest-waiting first, at most limit';

function sample(overrides: Partial<MessageRecord>): MessageRecord {
  return {
    id: '4c2d8e6f-1a3b-4d5c-8e7f-000000000000', tenantId: 'tenant-1', direction: 'outbound', from: '+14155550100', to: '+14155550123', body: 'Hello', mediaUrls: [],
    provider: 'twilio', providerMessageId: null, status: 'queued', errorCode: null, errorReason: null, errorMessage: null, providerCode: null, cost: null, currency: null,
    segments: 1, encoding: 'GSM-7', metadata: {}, attempts: 1, idempotencyKey: null, createdAt: '2026-01-01T00:00:00.000Z', sentAt: null, deliveredAt: null,
    statusChangedAt: '2026-01-01T00:00:00.000Z', ...overrides,
  };
}

/** The in-memory store with `findUnsettled` replaced (or removed, with undefined). */
function withFindUnsettled(findUnsettled: (inner: ReturnType<typeof createInMemoryMessageStore>) => MessageStore['findUnsettled']): () => MessageStore {
  return () => {
    const inner = createInMemoryMessageStore();
    const found = findUnsettled(inner);
    return { get: (id) => inner.get(id), save: (record) => inner.save(record), findByProviderMessageId: (provider, id) => inner.findByProviderMessageId(provider, id), ...(found === undefined ? {} : { findUnsettled: found }) };
  };
}

const contract = (createStore: () => MessageStore) => collectContract((api) => runUnsettledCases(api, createStore, sample));

describe('runUnsettledCases', () => {
  it('registers one case, which passes for the in-memory store', async () => {
    const tests = contract(() => createInMemoryMessageStore());
    expect(tests.map((test) => test.name)).toEqual([CASE]);
    expect(await failingTests(tests)).toEqual([]);
  });

  it('fails a store without findUnsettled, saying how to skip the case', async () => {
    const [test] = contract(withFindUnsettled(() => undefined));
    await expect(test?.run()).rejects.toThrow('findUnsettled is missing (pass reconciliation: false to skip this case)');
  });

  it.each([
    ['ignores the limit', (inner: ReturnType<typeof createInMemoryMessageStore>): MessageStore['findUnsettled'] => (query) => inner.findUnsettled({ ...query, limit: 100 })],
    ['returns the newest first', (inner: ReturnType<typeof createInMemoryMessageStore>): MessageStore['findUnsettled'] => async (query) => [...(await inner.findUnsettled(query))].reverse()],
    ['ignores the cut-off', (inner: ReturnType<typeof createInMemoryMessageStore>): MessageStore['findUnsettled'] => (query) => inner.findUnsettled({ ...query, changedBefore: '2100-01-01T00:00:00.000Z' })],
    ['returns inbound records too', (inner: ReturnType<typeof createInMemoryMessageStore>): MessageStore['findUnsettled'] => async (query) => {
      const outbound = await inner.findUnsettled(query);
      const inbound = (await inner.get('4c2d8e6f-1a3b-4d5c-8e7f-000000000006'));
      return inbound === undefined ? outbound : [inbound, ...outbound];
    }],
  ])('catches a store that %s', async (_name, broken) => {
    expect(await failingTests(contract(withFindUnsettled(broken)))).toEqual([CASE]);
  });
});
