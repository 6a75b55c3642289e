import { describe, expect, it } from 'vitest';
import type { SmsStatusEvent } from '../../src/events/sms-webhook-events';
import { ANY_SENDER } from '../../src/opt-outs/opt-out-store';
import type { ParsedStatusCallback } from '../../src/providers/kit/parsed-webhook';
import { mapTwilioError } from '../../src/providers/twilio/map-twilio-error';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { MessageStore } from '../../src/store/message-store';
import { handleStatusCallback } from '../../src/webhooks/handle-status-callback';
import { WebhookStageError } from '../../src/webhooks/webhook-stage';
import { CONTACT, directContext, ENDPOINT, NOW, OURS, outboundRecord } from './support/direct-context';

const AT = new Date(NOW).toISOString();

function callback(overrides: Partial<ParsedStatusCallback> = {}): ParsedStatusCallback {
  return { kind: 'status', dedupeKey: 'SM1:sent', providerMessageId: 'SM1', providerStatus: 'sent', status: 'sent', errorCode: null, error: null, from: OURS, to: CONTACT, ...overrides };
}

describe('handleStatusCallback', () => {
  it('moves the record forward and publishes sms.status with the previous status', async () => {
    const { context, store, events, errors } = directContext();
    await store.save(outboundRecord());
    await handleStatusCallback(context, callback());
    expect(await store.get('message-1')).toEqual(outboundRecord({ status: 'sent', sentAt: AT, statusChangedAt: AT }));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'sms.status', event_id: 'generated-1', correlation_id: 'message-1', tenant_id: 'org-1', timestamp: AT, status: 'sent',
        data: { message_id: 'message-1', provider_message_id: 'SM1', provider: 'twilio', status: 'sent', previous_status: 'queued', provider_status: 'sent', error_code: null, error: null },
      }),
    ]);
    expect(errors).toEqual([]);
  });

  it('records a failure with its error and provider code', async () => {
    const { context, store, events } = directContext();
    await store.save(outboundRecord({ status: 'sent', sentAt: '2026-01-01T00:00:01.000Z' }));
    const error = mapTwilioError({ code: '30003' });
    await handleStatusCallback(context, callback({ status: 'undelivered', providerStatus: 'undelivered', errorCode: '30003', error }));
    expect(await store.get('message-1')).toMatchObject({ status: 'undelivered', errorCode: error.code, errorReason: error.reason, providerCode: '30003', sentAt: '2026-01-01T00:00:01.000Z' });
    expect(events[0]).toMatchObject({ data: { status: 'undelivered', previous_status: 'sent', error_code: '30003', error: { code: error.code, reason: error.reason } } });
  });

  it.each([
    ['stale (already delivered)', 'delivered', 'sent'],
    ['a duplicate (same status)', 'sent', 'sent'],
    ['unknown, which never moves a status', 'sent', 'unknown'],
  ] as const)('changes and publishes nothing for a callback that is %s', async (_label, stored, incoming) => {
    const { context, store, events } = directContext();
    const before = outboundRecord({ status: stored, sentAt: '2026-01-01T00:00:01.000Z' });
    await store.save(before);
    await handleStatusCallback(context, callback({ status: incoming, providerStatus: incoming }));
    expect(await store.get('message-1')).toEqual(before);
    expect(events).toEqual([]);
  });

  it('publishes with message_id null and records nothing for a message the store does not know', async () => {
    const { context, store, events } = directContext();
    await handleStatusCallback(context, callback({ providerMessageId: 'SM-elsewhere' }));
    expect(store.size).toBe(0);
    expect(events).toEqual([expect.objectContaining({ correlation_id: 'SM-elsewhere', tenant_id: null, data: expect.objectContaining({ message_id: null, previous_status: null, provider_message_id: 'SM-elsewhere' }) })]);
  });

  it('settles an unknown outcome through the message_id URL parameter, taking the provider id from the callback', async () => {
    const { context, store, events } = directContext({ url: `${ENDPOINT}?message_id=message-1` });
    await store.save(outboundRecord({ status: 'unknown', providerMessageId: null, errorCode: 'TIMEOUT', errorReason: 'RESPONSE_TIMEOUT', errorMessage: 'no answer' }));
    await handleStatusCallback(context, callback({ providerMessageId: 'SM-late', status: 'delivered', providerStatus: 'delivered' }));
    expect(await store.get('message-1')).toMatchObject({ status: 'delivered', providerMessageId: 'SM-late', errorCode: null, deliveredAt: AT });
    expect((await store.findByProviderMessageId('twilio', 'SM-late'))?.id).toBe('message-1');
    expect(events[0]).toMatchObject({ data: { message_id: 'message-1', previous_status: 'unknown', provider_message_id: 'SM-late' } });
  });

  it('without message_id, cannot find a record still waiting for its provider id', async () => {
    const { context, store, events } = directContext();
    await store.save(outboundRecord({ status: 'unknown', providerMessageId: null }));
    await handleStatusCallback(context, callback({ providerMessageId: 'SM-late' }));
    expect((await store.get('message-1'))?.status).toBe('unknown');
    expect(events[0]).toMatchObject({ data: { message_id: null } });
  });

  it('does not let message_id re-point a callback at another message: the provider id decides', async () => {
    const { context, store, events } = directContext({ url: `${ENDPOINT}?message_id=message-1` });
    await store.save(outboundRecord({ id: 'message-1', providerMessageId: 'SM1' }));
    await store.save(outboundRecord({ id: 'message-2', providerMessageId: 'SM2' }));
    await handleStatusCallback(context, callback({ providerMessageId: 'SM2' }));
    expect((await store.get('message-1'))?.status).toBe('queued');
    expect((await store.get('message-2'))?.status).toBe('sent');
    expect(events[0]).toMatchObject({ data: { message_id: 'message-2' } });
  });

  it('ignores a message_id naming an inbound record', async () => {
    const { context, store, events } = directContext({ url: `${ENDPOINT}?message_id=inbound-1` });
    const inbound = outboundRecord({ id: 'inbound-1', direction: 'inbound', status: 'received', providerMessageId: null, from: CONTACT, to: OURS });
    await store.save(inbound);
    await handleStatusCallback(context, callback({ providerMessageId: 'SM-x' }));
    expect(await store.get('inbound-1')).toEqual(inbound);
    expect(events[0]).toMatchObject({ data: { message_id: null } });
  });

  it("records the provider's opt-out error for the callback's pair", async () => {
    const { context, store, optOuts } = directContext();
    await store.save(outboundRecord({ status: 'sent' }));
    await handleStatusCallback(context, callback({ status: 'failed', providerStatus: 'failed', errorCode: '21610', error: mapTwilioError({ code: '21610' }) }));
    expect(await optOuts.find({ sender: OURS, recipient: CONTACT })).toEqual({ sender: OURS, recipient: CONTACT, source: 'provider', detail: '21610', provider: 'twilio', createdAt: AT });
    expect(await store.get('message-1')).toMatchObject({ status: 'failed', errorReason: 'OPTED_OUT', providerCode: '21610' });
  });

  it("falls back to the record's numbers, then to every sender, when the callback names none", async () => {
    const error = mapTwilioError({ code: '21610' });
    const withRecord = directContext();
    await withRecord.store.save(outboundRecord({ from: '+14155550111', status: 'sent' }));
    await handleStatusCallback(withRecord.context, callback({ from: null, to: null, status: 'failed', errorCode: '21610', error }));
    expect(await withRecord.optOuts.find({ sender: '+14155550111', recipient: CONTACT })).toMatchObject({ sender: '+14155550111', source: 'provider' });

    const providerChoseSender = directContext();
    await providerChoseSender.store.save(outboundRecord({ from: null, status: 'sent' }));
    await handleStatusCallback(providerChoseSender.context, callback({ from: null, to: null, status: 'failed', errorCode: '21610', error }));
    expect(await providerChoseSender.optOuts.find({ sender: OURS, recipient: CONTACT })).toMatchObject({ sender: ANY_SENDER });
  });

  it('records the opt-out even for a message the store does not know, when the callback names the recipient', async () => {
    const { context, optOuts } = directContext();
    await handleStatusCallback(context, callback({ providerMessageId: 'SM-elsewhere', status: 'failed', errorCode: '21610', error: mapTwilioError({ code: '21610' }) }));
    expect(optOuts.size).toBe(1);
    expect(await optOuts.find({ sender: OURS, recipient: CONTACT })).toMatchObject({ detail: '21610' });
  });

  it('records no opt-out for another failure', async () => {
    const { context, store, optOuts } = directContext();
    await store.save(outboundRecord({ status: 'sent' }));
    await handleStatusCallback(context, callback({ status: 'failed', errorCode: '30003', error: mapTwilioError({ code: '30003' }) }));
    expect(optOuts.size).toBe(0);
  });

  it('applies callbacks on a store without update one at a time, through the locks', async () => {
    const inner = createInMemoryMessageStore();
    const withoutUpdate: MessageStore = { save: (record) => inner.save(record), get: (id) => inner.get(id), findByProviderMessageId: (provider, id) => inner.findByProviderMessageId(provider, id) };
    const { context, events } = directContext({ store: withoutUpdate });
    await inner.save(outboundRecord());
    await Promise.all([handleStatusCallback(context, callback({ status: 'delivered' })), handleStatusCallback(context, callback({ status: 'sent' }))]);
    expect((await inner.get('message-1'))?.status).toBe('delivered');
    expect((events as SmsStatusEvent[]).map((event) => event.status)).toEqual(['delivered']);
    expect(context.locks.size).toBe(0);
  });

  it('throws a store failure tagged with the store stage, and publishes nothing', async () => {
    const failing: MessageStore = { save: async () => undefined, get: async () => undefined, findByProviderMessageId: () => Promise.reject(new Error('store down')) };
    const { context, events } = directContext({ store: failing });
    const error = await handleStatusCallback(context, callback()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebhookStageError);
    expect(error).toMatchObject({ stage: 'store', message: 'store down' });
    expect(events).toEqual([]);
  });

  it('reports a refused publish instead of throwing, the record already moved', async () => {
    const { context, store, errors } = directContext({ publish: () => Promise.reject(new Error('bus down')) });
    await store.save(outboundRecord());
    await expect(handleStatusCallback(context, callback())).resolves.toBeUndefined();
    expect((await store.get('message-1'))?.status).toBe('sent');
    expect(errors).toEqual([{ error: new Error('bus down'), context: { stage: 'events', provider: 'twilio', messageId: 'message-1' } }]);
  });
});
