import assert from 'node:assert/strict';
import type { MessageRecord } from '../store/message-record';
import type { MessageStore } from '../store/message-store';
import type { ContractTestApi } from './contract-test-api';
import { runConversationCases } from './run-conversation-cases';
import { runUnsettledCases } from './run-unsettled-cases';

export interface MessageStoreContractOptions extends ContractTestApi {
  /** Name shown in the suite title, e.g. `memory` or `postgres`. */
  name: string;
  /** Makes an empty store for each test. */
  createStore: () => MessageStore | Promise<MessageStore>;
  /** Run the inbox cases (`listConversations`, `listMessages`). Default true; false for a store without them. */
  conversations?: boolean;
  /** Run the reconciliation case (`findUnsettled`). Default true; false for a store without it. */
  reconciliation?: boolean;
}

/**
 * The behaviour every `MessageStore` must have; run it against your own adapter.
 *
 * @example
 * import { describe, it } from 'vitest';
 * runMessageStoreContract({ describe, it, name: 'memory', createStore: () => createInMemoryMessageStore() });
 */
// Message ids are UUIDs (the default generateId, and ids derived from idempotency keys), so a store may key
// a UUID column on them, as the PostgreSQL store does.
const MESSAGE_1 = '6f1c2a9e-0b4d-4c8e-9a71-3d5e7f901b2c';
const MESSAGE_2 = '8a3d5c7e-1f2b-4d6a-8c9e-0b1d3f5a7c9e';
const MISSING = '00000000-0000-4000-8000-000000000000';

export function runMessageStoreContract(options: MessageStoreContractOptions): void {
  const { describe, it, createStore } = options;
  describe(`MessageStore contract: ${options.name}`, () => {
    it('returns undefined for an unknown id', async () => {
      const store = await createStore();
      assert.equal(await store.get(MISSING), undefined);
    });

    it('returns a saved record by id, field for field', async () => {
      const store = await createStore();
      const record = sampleRecord({ id: MESSAGE_1 });
      await store.save(record);
      assert.deepEqual(await store.get(MESSAGE_1), record);
    });

    it('replaces the record on a second save with the same id', async () => {
      const store = await createStore();
      await store.save(sampleRecord({ id: MESSAGE_1, status: 'queued' }));
      await store.save(sampleRecord({ id: MESSAGE_1, status: 'delivered', deliveredAt: '2026-01-01T00:00:05.000Z' }));
      const stored = await store.get(MESSAGE_1);
      assert.equal(stored?.status, 'delivered');
      assert.equal(stored?.deliveredAt, '2026-01-01T00:00:05.000Z');
    });

    it('finds a record by provider and provider message id, and only for that provider', async () => {
      const store = await createStore();
      await store.save(sampleRecord({ id: MESSAGE_1, provider: 'twilio', providerMessageId: 'SM1' }));
      await store.save(sampleRecord({ id: MESSAGE_2, provider: 'telnyx', providerMessageId: 'SM1' }));
      assert.equal((await store.findByProviderMessageId('twilio', 'SM1'))?.id, MESSAGE_1);
      assert.equal((await store.findByProviderMessageId('telnyx', 'SM1'))?.id, MESSAGE_2);
      assert.equal(await store.findByProviderMessageId('twilio', 'SM2'), undefined);
    });

    it('keeps records without a provider message id out of the provider index', async () => {
      const store = await createStore();
      await store.save(sampleRecord({ id: MESSAGE_1, provider: 'twilio', providerMessageId: null, status: 'failed' }));
      assert.equal((await store.get(MESSAGE_1))?.status, 'failed');
      assert.equal(await store.findByProviderMessageId('twilio', ''), undefined);
    });

    it('keeps the provider code, attempts, idempotency key and status change time', async () => {
      const store = await createStore();
      const record = sampleRecord({ id: MESSAGE_1, status: 'failed', providerCode: '21610', attempts: 3, idempotencyKey: 'order/42é', statusChangedAt: '2026-01-01T00:00:02.345Z' });
      await store.save(record);
      assert.deepEqual(await store.get(MESSAGE_1), record);
    });

    it('keeps unicode bodies, media URLs and metadata intact', async () => {
      const store = await createStore();
      const record = sampleRecord({
        id: MESSAGE_1,
        body: 'Ça va? 👨‍👩‍👧 ]\r\n',
        encoding: 'UCS-2',
        mediaUrls: ['https://example.com/a.jpg', 'https://example.com/b.png'],
        metadata: { campaign: 'spring', attempt: 2, vip: true, note: null },
      });
      await store.save(record);
      assert.deepEqual(await store.get(MESSAGE_1), record);
    });

    it('update: replaces the record with what change returns, and reports it changed', async () => {
      const store = await createStore();
      assert.equal(typeof store.update, 'function', 'the store has no update(): status callbacks then serialise per process only');
      await store.save(sampleRecord({ id: MESSAGE_1, providerMessageId: null, status: 'unknown' }));
      const result = await store.update?.(MESSAGE_1, (current) => ({ ...current, status: 'delivered', providerMessageId: 'SM1', deliveredAt: '2026-01-01T00:00:05.000Z' }));
      assert.equal(result?.changed, true);
      assert.equal(result?.record.status, 'delivered');
      assert.deepEqual(await store.get(MESSAGE_1), result?.record);
      assert.equal((await store.findByProviderMessageId('twilio', 'SM1'))?.id, MESSAGE_1);
    });

    it('update: leaves the record as is when change returns undefined, and resolves undefined for an unknown id', async () => {
      const store = await createStore();
      const record = sampleRecord({ id: MESSAGE_1 });
      await store.save(record);
      assert.deepEqual(await store.update?.(MESSAGE_1, () => undefined), { record, changed: false });
      assert.deepEqual(await store.get(MESSAGE_1), record);
      let called = false;
      assert.equal(
        await store.update?.(MISSING, (current) => {
          called = true;
          return current;
        }),
        undefined,
      );
      assert.equal(called, false);
    });

    it('keeps money exactly as written: the decimal string and its currency', async () => {
      const store = await createStore();
      for (const [index, cost] of ['0.0075', '0.000001', '1234.5', '0.0150'].entries()) {
        const id = index === 0 ? MESSAGE_1 : `${MESSAGE_2.slice(0, -1)}${index}`;
        await store.save(sampleRecord({ id, cost, currency: index === 3 ? 'EUR' : 'USD', providerMessageId: null }));
        assert.equal((await store.get(id))?.cost, cost);
        assert.equal((await store.get(id))?.currency, index === 3 ? 'EUR' : 'USD');
      }
    });

    it('update: concurrent updates of one record each see the previous one (none is lost)', async () => {
      const store = await createStore();
      await store.save(sampleRecord({ id: MESSAGE_1, segments: 0 }));
      await Promise.all(Array.from({ length: 25 }, () => store.update?.(MESSAGE_1, (current) => ({ ...current, segments: current.segments + 1 }))));
      assert.equal((await store.get(MESSAGE_1))?.segments, 25);
    });

    if (options.conversations !== false) runConversationCases(options, createStore, sampleRecord);
    if (options.reconciliation !== false) runUnsettledCases(options, createStore, sampleRecord);
  });
}

function sampleRecord(overrides: Partial<MessageRecord>): MessageRecord {
  return {
    id: MESSAGE_1,
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
    providerCode: null,
    cost: '0.0075',
    currency: 'USD',
    segments: 1,
    encoding: 'GSM-7',
    metadata: {},
    attempts: 1,
    idempotencyKey: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    sentAt: '2026-01-01T00:00:00.100Z',
    deliveredAt: null,
    statusChangedAt: '2026-01-01T00:00:00.100Z',
    ...overrides,
  };
}
