import assert from 'node:assert/strict';
import type { MessageRecord } from '../store/message-record';
import type { MessageStore } from '../store/message-store';
import type { ContractTestApi } from './contract-test-api';

/**
 * The reconciliation case of `runMessageStoreContract` (docs/reconciliation.md): `findUnsettled` returns the
 * outbound records in the asked statuses whose status changed before the cut-off, the longest-waiting
 * first, at most `limit`.
 */
export function runUnsettledCases(api: ContractTestApi, createStore: () => MessageStore | Promise<MessageStore>, sample: (overrides: Partial<MessageRecord>) => MessageRecord): void {
  api.it('findUnsettled: outbound records in the statuses, changed before the cut-off, longest-waiting first, at most limit', async () => {
    const store = await createStore();
    assert.equal(typeof store.findUnsettled, 'function', 'findUnsettled is missing (pass reconciliation: false to skip this case)');
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    const id = (index: number) => `4c2d8e6f-1a3b-4d5c-8e7f-${String(index).padStart(12, '0')}`;
    const records = [
      sample({ id: id(1), status: 'unknown', providerMessageId: null, statusChangedAt: at(5) }),
      sample({ id: id(2), status: 'sent', providerMessageId: 'SM2', statusChangedAt: at(1) }),
      sample({ id: id(3), status: 'queued', providerMessageId: null, statusChangedAt: at(3) }),
      sample({ id: id(4), status: 'delivered', providerMessageId: 'SM4', statusChangedAt: at(0) }),
      sample({ id: id(5), status: 'sent', providerMessageId: 'SM5', statusChangedAt: at(30) }),
      sample({ id: id(6), direction: 'inbound', status: 'received', providerMessageId: 'SM6', statusChangedAt: at(0) }),
      sample({ id: id(7), status: 'sending', providerMessageId: 'SM7', statusChangedAt: at(2) }),
    ];
    for (const record of records) await store.save(record);
    const found = await store.findUnsettled?.({ statuses: ['unknown', 'queued', 'sending', 'sent', 'received'], changedBefore: at(10), limit: 10 });
    assert.deepEqual(found?.map((record) => record.id), [id(2), id(7), id(3), id(1)]);
    assert.deepEqual(found?.[0], records[1]);
    const limited = await store.findUnsettled?.({ statuses: ['unknown', 'sent'], changedBefore: at(10), limit: 1 });
    assert.deepEqual(limited?.map((record) => record.id), [id(2)]);
  });
}
