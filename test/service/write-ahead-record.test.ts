import { describe, expect, it } from 'vitest';
import type { SmsError } from '../../src/errors/sms-error';
import { ValidationError } from '../../src/errors/validation-error';
import type { IdempotencyLease } from '../../src/idempotency/create-idempotency-guard';
import type { SendEventSink } from '../../src/service/create-send-event-sink';
import { writeAheadRecord } from '../../src/service/write-ahead-record';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { MessageRecord } from '../../src/store/message-record';
import type { MessageStore } from '../../src/store/message-store';

const record: MessageRecord = {
  id: 'm1', tenantId: null, direction: 'outbound', from: null, to: '+14155552671', body: 'Hi', mediaUrls: [],
  provider: null, providerMessageId: null, status: 'queued', errorCode: null, errorReason: null, errorMessage: null, cost: null, currency: null,
  segments: 1, encoding: 'GSM-7', metadata: {}, createdAt: '2026-01-01T00:00:00.000Z', sentAt: null, deliveredAt: null,
  providerCode: null, attempts: 0, idempotencyKey: null, statusChangedAt: '2026-01-01T00:00:00.000Z',
};
const input = { to: '+14155552671', body: 'Hi' };

function observed() {
  const log: string[] = [];
  const refused: SmsError[] = [];
  const lease: IdempotencyLease = { complete: () => Promise.resolve(), release: () => (log.push('release'), Promise.resolve()) };
  const events = { refused: (_input: unknown, error: SmsError) => (log.push('refused'), refused.push(error), Promise.resolve()) } as unknown as SendEventSink;
  return { log, refused, lease, events };
}

function failingStore(error: unknown): MessageStore {
  const memory = createInMemoryMessageStore();
  return { get: (id) => memory.get(id), findByProviderMessageId: (provider, id) => memory.findByProviderMessageId(provider, id), save: () => Promise.reject(error) };
}

describe('writeAheadRecord', () => {
  it('saves the record and does nothing else', async () => {
    const store = createInMemoryMessageStore();
    const { log, lease, events } = observed();
    await writeAheadRecord(store, record, { input, lease, events });
    expect(await store.get('m1')).toEqual(record);
    expect(log).toEqual([]);
  });

  it('refuses the send with MESSAGE_STORE_UNAVAILABLE: frees the key, then publishes the refusal', async () => {
    const { log, refused, lease, events } = observed();
    const error = await writeAheadRecord(failingStore(new Error('ECONNRESET')), record, { input, lease, events }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'MESSAGE_STORE_UNAVAILABLE', retryable: true, outcomeUnknown: false });
    expect((error as Error).message).toContain('(ECONNRESET)');
    expect(log).toEqual(['release', 'refused']);
    expect(refused).toEqual([error]);
  });

  it('passes the store’s own ValidationError through, and works without a lease', async () => {
    const invalid = new ValidationError({ field: 'record.id', reason: 'INVALID_MESSAGE_ID', problem: 'is not a UUID.', fix: 'use UUIDs.' });
    const { log, events } = observed();
    await expect(writeAheadRecord(failingStore(invalid), record, { input, lease: undefined, events })).rejects.toBe(invalid);
    expect(log).toEqual(['refused']);
  });
});
