import assert from 'node:assert/strict';
import type { MessageRecord } from '../store/message-record';
import type { MessageStore } from '../store/message-store';
import type { ContractTestApi } from './contract-test-api';

export interface MessageStoreContractOptions extends ContractTestApi {
  /** Name shown in the suite title, e.g. `memory` or `postgres`. */
  name: string;
  /** Makes an empty store for each test. */
  createStore: () => MessageStore | Promise<MessageStore>;
}

/**
 * The behaviour every `MessageStore` must have; run it against your own adapter.
 *
 * @example
 * import { describe, it } from 'vitest';
 * runMessageStoreContract({ describe, it, name: 'memory', createStore: () => createInMemoryMessageStore() });
 */
export function runMessageStoreContract(options: MessageStoreContractOptions): void {
  const { describe, it, createStore } = options;
  describe(`MessageStore contract: ${options.name}`, () => {
    it('returns undefined for an unknown id', async () => {
      const store = await createStore();
      assert.equal(await store.get('missing'), undefined);
    });

    it('returns a saved record by id, field for field', async () => {
      const store = await createStore();
      const record = sampleRecord({ id: 'message-1' });
      await store.save(record);
      assert.deepEqual(await store.get('message-1'), record);
    });

    it('replaces the record on a second save with the same id', async () => {
      const store = await createStore();
      await store.save(sampleRecord({ id: 'message-1', status: 'queued' }));
      await store.save(sampleRecord({ id: 'message-1', status: 'delivered', deliveredAt: '2026-01-01T00:00:05.000Z' }));
      const stored = await store.get('message-1');
      assert.equal(stored?.status, 'delivered');
      assert.equal(stored?.deliveredAt, '2026-01-01T00:00:05.000Z');
    });

    it('finds a record by provider and provider message id, and only for that provider', async () => {
      const store = await createStore();
      await store.save(sampleRecord({ id: 'message-1', provider: 'twilio', providerMessageId: 'SM1' }));
      await store.save(sampleRecord({ id: 'message-2', provider: 'telnyx', providerMessageId: 'SM1' }));
      assert.equal((await store.findByProviderMessageId('twilio', 'SM1'))?.id, 'message-1');
      assert.equal((await store.findByProviderMessageId('telnyx', 'SM1'))?.id, 'message-2');
      assert.equal(await store.findByProviderMessageId('twilio', 'SM2'), undefined);
    });

    it('keeps records without a provider message id out of the provider index', async () => {
      const store = await createStore();
      await store.save(sampleRecord({ id: 'message-1', provider: 'twilio', providerMessageId: null, status: 'failed' }));
      assert.equal((await store.get('message-1'))?.status, 'failed');
      assert.equal(await store.findByProviderMessageId('twilio', ''), undefined);
    });

    it('keeps unicode bodies, media URLs and metadata intact', async () => {
      const store = await createStore();
      const record = sampleRecord({
        id: 'message-1',
        body: 'Ça va? 👨‍👩‍👧 ]\r\n',
        encoding: 'UCS-2',
        mediaUrls: ['https://example.com/a.jpg', 'https://example.com/b.png'],
        metadata: { campaign: 'spring', attempt: 2, vip: true, note: null },
      });
      await store.save(record);
      assert.deepEqual(await store.get('message-1'), record);
    });

    it('update: replaces the record with what change returns, and reports it changed', async () => {
      const store = await createStore();
      assert.equal(typeof store.update, 'function', 'the store has no update(): status callbacks then serialise per process only');
      await store.save(sampleRecord({ id: 'message-1', providerMessageId: null, status: 'unknown' }));
      const result = await store.update?.('message-1', (current) => ({ ...current, status: 'delivered', providerMessageId: 'SM1', deliveredAt: '2026-01-01T00:00:05.000Z' }));
      assert.equal(result?.changed, true);
      assert.equal(result?.record.status, 'delivered');
      assert.deepEqual(await store.get('message-1'), result?.record);
      assert.equal((await store.findByProviderMessageId('twilio', 'SM1'))?.id, 'message-1');
    });

    it('update: leaves the record as is when change returns undefined, and resolves undefined for an unknown id', async () => {
      const store = await createStore();
      const record = sampleRecord({ id: 'message-1' });
      await store.save(record);
      assert.deepEqual(await store.update?.('message-1', () => undefined), { record, changed: false });
      assert.deepEqual(await store.get('message-1'), record);
      let called = false;
      assert.equal(
        await store.update?.('missing', (current) => {
          called = true;
          return current;
        }),
        undefined,
      );
      assert.equal(called, false);
    });

    it('update: concurrent updates of one record each see the previous one (none is lost)', async () => {
      const store = await createStore();
      await store.save(sampleRecord({ id: 'message-1', segments: 0 }));
      await Promise.all(Array.from({ length: 25 }, () => store.update?.('message-1', (current) => ({ ...current, segments: current.segments + 1 }))));
      assert.equal((await store.get('message-1'))?.segments, 25);
    });
  });
}

function sampleRecord(overrides: Partial<MessageRecord>): MessageRecord {
  return {
    id: 'message',
    tenantId: 'tenant-1',
    direction: 'outbound',
    from: '+14155550100',
    to: '+14155550123',
    body: 'Hello',
    mediaUrls: [],
    provider: 'twilio',
    providerMessageId: 'SM00000000000000000000000000000000',
    status: 'queued',
    errorCode: null,
    errorReason: null,
    errorMessage: null,
    cost: '0.0075',
    currency: 'USD',
    segments: 1,
    encoding: 'GSM-7',
    metadata: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    sentAt: '2026-01-01T00:00:00.100Z',
    deliveredAt: null,
    ...overrides,
  };
}
