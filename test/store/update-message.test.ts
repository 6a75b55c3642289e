import { describe, expect, it } from 'vitest';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { MessageRecord } from '../../src/store/message-record';
import type { MessageStore } from '../../src/store/message-store';
import { updateMessage } from '../../src/store/update-message';

const record: MessageRecord = {
  id: 'message-1', tenantId: 'org-1', direction: 'outbound', from: null, to: '+14155552671', body: 'Hi', mediaUrls: [],
  provider: 'twilio', providerMessageId: 'SM1', status: 'sent', errorCode: null, errorReason: null, errorMessage: null, cost: null, currency: null,
  segments: 1, encoding: 'GSM-7', metadata: {}, createdAt: '2026-01-01T00:00:00.000Z', sentAt: null, deliveredAt: null,
  providerCode: null, attempts: 0, idempotencyKey: null, statusChangedAt: '2026-01-01T00:00:00.000Z',
};

/** A store without `update`, so updateMessage falls back to get-then-save. */
function withoutUpdate(): MessageStore {
  const memory = createInMemoryMessageStore();
  return { get: (id) => memory.get(id), save: (next) => memory.save(next), findByProviderMessageId: (provider, id) => memory.findByProviderMessageId(provider, id) };
}

describe('updateMessage', () => {
  it('uses the store update when it has one', async () => {
    const calls: string[] = [];
    const store = { ...withoutUpdate(), update: (id: string) => (calls.push(id), Promise.resolve({ record, changed: true })) };
    expect(await updateMessage(store, 'message-1', () => undefined, new Map())).toEqual({ record, changed: true });
    expect(calls).toEqual(['message-1']);
  });

  it('gets, changes and saves without update; undefined for an unknown id; unchanged when change declines', async () => {
    const store = withoutUpdate();
    await store.save(record);
    const locks = new Map<string, Promise<unknown>>();
    const updated = await updateMessage(store, 'message-1', (current) => ({ ...current, status: 'delivered' }), locks);
    expect(updated).toMatchObject({ changed: true, record: { status: 'delivered' } });
    expect((await store.get('message-1'))?.status).toBe('delivered');
    expect(await updateMessage(store, 'missing', () => record, locks)).toBeUndefined();
    expect(await updateMessage(store, 'message-1', () => undefined, locks)).toMatchObject({ changed: false, record: { status: 'delivered' } });
    expect(locks.size).toBe(0);
  });

  it('serialises concurrent updates of one message, so none is lost, even after a failing one', async () => {
    const store = withoutUpdate();
    await store.save({ ...record, segments: 0 });
    const locks = new Map<string, Promise<unknown>>();
    const bump = (current: MessageRecord): MessageRecord => ({ ...current, segments: current.segments + 1 });
    const failing = updateMessage(store, 'message-1', () => {
      throw new Error('bad change');
    }, locks);
    const updates = Array.from({ length: 5 }, () => updateMessage(store, 'message-1', bump, locks));
    await expect(failing).rejects.toThrow('bad change');
    await Promise.all(updates);
    expect((await store.get('message-1'))?.segments).toBe(5);
    expect(locks.size).toBe(0);
  });
});
