// Write-ahead records (docs/persistence.md#write-ahead): the record exists before the provider call, a
// store that cannot take it refuses the send, and a store failing after acceptance never loses the outcome.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SmsError } from '../../src/errors';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { SmsEvent } from '../../src/events/sms-event';
import { SMSService } from '../../src/service/sms-service';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { MessageRecord } from '../../src/store/message-record';
import type { MessageStore } from '../../src/store/message-store';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const to = '+14155552671';

/** An in-memory store whose writes fail while `down` says so; `saves` lists every record written. */
function flakyStore(down: (write: number) => boolean) {
  const inner = createInMemoryMessageStore();
  const saves: MessageRecord[] = [];
  let writes = 0;
  const fail = () => {
    writes += 1;
    return down(writes);
  };
  const store: MessageStore = {
    save: async (record) => {
      if (fail()) throw new Error('connection terminated');
      saves.push(record);
      await inner.save(record);
    },
    get: (id) => inner.get(id),
    findByProviderMessageId: (provider, id) => inner.findByProviderMessageId(provider, id),
    update: async (id, change) => {
      if (fail()) throw new Error('connection terminated');
      return inner.update?.(id, change);
    },
  };
  return { store, saves, inner };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SMSService write-ahead records', () => {
  it('writes the record as queued before the provider is called, then the outcome over it', async () => {
    const { store, saves } = flakyStore(() => false);
    const provider = createFakeProvider({ id: 'twilio' });
    const seenAtSend: Array<MessageRecord | undefined> = [];
    const watched = { ...provider, send: async (...args: Parameters<typeof provider.send>) => {
      seenAtSend.push(await store.get(args[0].messageId));
      return provider.send(...args);
    } };
    const sms = new SMSService({ providers: [watched], store });
    const result = await sms.send({ to, body: 'Hi' });
    expect(seenAtSend[0]).toMatchObject({ id: result.id, status: 'queued', provider: null, providerMessageId: null, to, body: 'Hi' });
    expect(saves.map((record) => record.status)).toEqual(['queued']);
    expect(await store.get(result.id)).toMatchObject({ status: result.status, providerMessageId: result.providerMessageId });
  });

  it('refuses the send when the store is down before the call: nothing sent, sms.failed published, the key freed', async () => {
    let storeDown = true;
    const { store } = flakyStore(() => storeDown);
    const provider = createFakeProvider({ id: 'twilio' });
    const events = createInMemoryEventPublisher();
    const published: SmsEvent[] = [];
    events.subscribe('*', (event) => void published.push(event));
    const sms = new SMSService({ providers: [provider], store, events });
    const request = { to, body: 'Hi', idempotencyKey: 'order-42', tenantId: 'org-1' };
    const error = await sms.send(request).catch((thrown: unknown) => thrown);
    expect(SmsError.isInstance(error) && error.toJSON()).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'MESSAGE_STORE_UNAVAILABLE', retryable: true, outcomeUnknown: false });
    expect((error as Error).message).toMatch(/did not record the message before sending \(connection terminated\), so it was not sent\. Fix: /);
    expect(provider.sent).toHaveLength(0);
    expect(published.map((event) => event.type)).toEqual(['sms.failed']);
    // The key was freed: once the store is back, the same request is sent, once, under the same message id.
    storeDown = false;
    const result = await sms.send(request);
    expect(provider.sent).toHaveLength(1);
    expect(result.id).toBe((published[0] as { data: { message_id: string } }).data.message_id);
  });

  it('resolves when the store fails after acceptance, and retries the write until it lands', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    // Write 1 (write-ahead) works, writes 2 and 3 fail, write 4 (the second retry) lands.
    const { store, inner } = flakyStore((write) => write === 2 || write === 3);
    const provider = createFakeProvider({ id: 'twilio' });
    const onBackgroundError = vi.fn();
    const sms = new SMSService({ providers: [provider], store, onBackgroundError });
    const result = await sms.send({ to, body: 'Hi' });
    expect(provider.sent).toHaveLength(1);
    expect((await inner.get(result.id))?.status).toBe('queued');
    await vi.advanceTimersByTimeAsync(100 + 400);
    expect(await inner.get(result.id)).toMatchObject({ status: result.status, providerMessageId: result.providerMessageId });
    expect(onBackgroundError).not.toHaveBeenCalled();
  });

  it('reports through onBackgroundError once every retry failed, naming the message', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { store, inner } = flakyStore((write) => write > 1);
    const onBackgroundError = vi.fn();
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], store, onBackgroundError });
    const result = await sms.send({ to, body: 'Hi' });
    await vi.advanceTimersByTimeAsync(3_400);
    expect(onBackgroundError).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(onBackgroundError).toHaveBeenCalledTimes(1);
    expect(onBackgroundError.mock.calls[0]?.[1]).toEqual({ stage: 'store', messageId: result.id });
    // What stays is the write-ahead record, for reconciliation to settle.
    expect((await inner.get(result.id))?.status).toBe('queued');
  });

  it('never moves back a status a webhook advanced before the outcome was written', async () => {
    const inner = createInMemoryMessageStore();
    const provider = createFakeProvider({ id: 'twilio' });
    // The callback of another instance lands between the provider's answer and this instance's write.
    const racing = { ...provider, send: async (...args: Parameters<typeof provider.send>) => {
      const accepted = await provider.send(...args);
      await inner.update?.(args[0].messageId, (current) => ({ ...current, status: 'delivered', deliveredAt: '2026-12-07T10:00:05.000Z', providerMessageId: accepted.providerMessageId }));
      return accepted;
    } };
    const sms = new SMSService({ providers: [racing], store: inner });
    const result = await sms.send({ to, body: 'Hi' });
    expect(await inner.get(result.id)).toMatchObject({ status: 'delivered', deliveredAt: '2026-12-07T10:00:05.000Z', provider: 'twilio', providerMessageId: result.providerMessageId, cost: result.cost?.amount ?? null });
  });

  it('names one message for every send of one tenant and idempotency key', async () => {
    const provider = createFakeProvider({ id: 'twilio' });
    const first = new SMSService({ providers: [provider] });
    const second = new SMSService({ providers: [provider] });
    const request = { to, body: 'Hi', idempotencyKey: 'order-42', tenantId: 'org-1' };
    const [a, b] = [await first.send(request), await second.send(request)];
    expect(a.id).toBe(b.id);
    expect((await first.send({ ...request, tenantId: 'org-2' })).id).not.toBe(a.id);
    expect((await first.send({ to, body: 'Hi' })).id).not.toBe((await first.send({ to, body: 'Hi' })).id);
  });
});
