import { describe, expect, it, vi } from 'vitest';
import { settleMessageRecord } from '../../src/service/settle-message-record';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { MessageRecord } from '../../src/store/message-record';
import type { MessageStore } from '../../src/store/message-store';

const record = (status: MessageRecord['status'], extra: Partial<MessageRecord> = {}): MessageRecord => ({
  id: 'msg-1', tenantId: null, direction: 'outbound', from: '+14155550199', to: '+14155552671', body: 'Hi', mediaUrls: [], provider: 'twilio',
  providerMessageId: 'SM1', status, errorCode: null, errorReason: null, errorMessage: null, cost: '0.0075', currency: 'USD', segments: 1,
  encoding: 'GSM-7', metadata: {}, createdAt: '2026-12-07T00:00:00.000Z', sentAt: '2026-12-07T00:00:01.000Z', deliveredAt: null, ...extra,
}) as MessageRecord;

describe('settleMessageRecord', () => {
  it('on a store without update: reads, merges and saves, never moving a status back', async () => {
    const inner = createInMemoryMessageStore();
    const store: MessageStore = { save: (r) => inner.save(r), get: (id) => inner.get(id), findByProviderMessageId: (p, id) => inner.findByProviderMessageId(p, id) };
    await inner.save(record('delivered', { deliveredAt: '2026-12-07T00:00:05.000Z' }));
    await settleMessageRecord(store, record('sent'), { onGiveUp: () => undefined });
    expect(await inner.get('msg-1')).toMatchObject({ status: 'delivered', deliveredAt: '2026-12-07T00:00:05.000Z' });
  });

  it('saves the outcome when the write-ahead record is missing', async () => {
    const store = createInMemoryMessageStore();
    await settleMessageRecord(store, record('sent'), { onGiveUp: () => undefined });
    expect((await store.get('msg-1'))?.status).toBe('sent');
  });

  it('retries with the given delays, then gives up with the last error', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      let failures = 0;
      const store: MessageStore = { save: async () => { failures += 1; throw new Error(`down ${failures}`); }, get: async () => undefined, findByProviderMessageId: async () => undefined };
      const onGiveUp = vi.fn();
      await settleMessageRecord(store, record('sent'), { retryDelaysMs: [10, 20], onGiveUp });
      expect(failures).toBe(1);
      await vi.advanceTimersByTimeAsync(30);
      expect(failures).toBe(3);
      expect(onGiveUp).toHaveBeenCalledWith(new Error('down 3'));
    } finally {
      vi.useRealTimers();
    }
  });
});
