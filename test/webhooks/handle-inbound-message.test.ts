import { describe, expect, it } from 'vitest';
import type { SmsReceivedEvent } from '../../src/events/sms-webhook-events';
import { ANY_SENDER } from '../../src/opt-outs/opt-out-store';
import type { ParsedInboundMessage } from '../../src/providers/kit/parsed-webhook';
import type { MessageStore } from '../../src/store/message-store';
import { handleInboundMessage } from '../../src/webhooks/handle-inbound-message';
import { WebhookStageError } from '../../src/webhooks/webhook-stage';
import { CONTACT, directContext, NOW, OURS, outboundRecord } from './support/direct-context';

const AT = new Date(NOW).toISOString();
const RECEIVED_AT = '2026-01-01T00:00:03.000Z';

function inbound(overrides: Partial<ParsedInboundMessage> = {}): ParsedInboundMessage {
  return { kind: 'inbound', dedupeKey: 'SMin1', providerMessageId: 'SMin1', from: CONTACT, to: OURS, body: 'Hi there', media: [], receivedAt: RECEIVED_AT, providerOptOut: null, ...overrides };
}

describe('handleInboundMessage', () => {
  it('records the message as an inbound record with status received', async () => {
    const { context, store } = directContext({ inboundTenantId: () => 'org-1' });
    const media = [{ url: 'https://media.example.com/a.png', contentType: 'image/png' }];
    const handled = await handleInboundMessage(context, inbound({ media }));
    expect(handled).toEqual({
      message: { id: 'generated-1', provider: 'twilio', providerMessageId: 'SMin1', from: CONTACT, to: OURS, body: 'Hi there', media, receivedAt: RECEIVED_AT, optOutAction: null },
      tenantId: 'org-1',
      answeredByProvider: false,
    });
    expect(await store.get('generated-1')).toEqual({
      id: 'generated-1', tenantId: 'org-1', direction: 'inbound', from: CONTACT, to: OURS, body: 'Hi there', mediaUrls: ['https://media.example.com/a.png'],
      provider: 'twilio', providerMessageId: 'SMin1', status: 'received', errorCode: null, errorReason: null, errorMessage: null, providerCode: null,
      cost: null, currency: null, segments: 1, encoding: 'GSM-7', metadata: {}, attempts: 0, idempotencyKey: null,
      createdAt: RECEIVED_AT, sentAt: null, deliveredAt: RECEIVED_AT, statusChangedAt: RECEIVED_AT,
    });
  });

  it('publishes sms.received for the recorded message', async () => {
    const { context, events } = directContext();
    await handleInboundMessage(context, inbound());
    expect(events).toEqual([
      expect.objectContaining({
        type: 'sms.received', event_id: 'generated-2', correlation_id: 'generated-1', tenant_id: null, timestamp: AT, status: 'received',
        data: { id: 'generated-1', provider: 'twilio', provider_message_id: 'SMin1', from: CONTACT, to: OURS, body: 'Hi there', media: [], received_at: RECEIVED_AT, opt_out_action: null },
      }),
    ]);
  });

  it('takes the time of handling when the provider gives none, and counts a non-GSM body in UCS-2', async () => {
    const { context, store } = directContext();
    await handleInboundMessage(context, inbound({ receivedAt: null, body: 'Grüße 👋' }));
    expect(await store.get('generated-1')).toMatchObject({ createdAt: AT, deliveredAt: AT, encoding: 'UCS-2', segments: 1 });
  });

  it('records a redelivered message once, republishing it under the first id and tenant', async () => {
    let tenant = 'org-1';
    const { context, store, events } = directContext({ inboundTenantId: () => tenant });
    const first = await handleInboundMessage(context, inbound());
    tenant = 'org-2';
    const again = await handleInboundMessage(context, inbound());
    expect(store.size).toBe(1);
    expect(again.message.id).toBe(first.message.id);
    expect(again.tenantId).toBe('org-1');
    expect((events as SmsReceivedEvent[]).map((event) => [event.type, event.correlation_id, event.tenant_id])).toEqual([['sms.received', 'generated-1', 'org-1'], ['sms.received', 'generated-1', 'org-1']]);
  });

  it('does not take an outbound record with the same provider id for an earlier delivery', async () => {
    const { context, store } = directContext();
    await store.save(outboundRecord({ providerMessageId: 'SMin1' }));
    const handled = await handleInboundMessage(context, inbound());
    expect(handled.message.id).toBe('generated-1');
    expect(await store.get('generated-1')).toMatchObject({ direction: 'inbound' });
    expect(await store.get('message-1')).toMatchObject({ direction: 'outbound', status: 'queued' });
  });

  it('records a tenant resolver answering undefined as no tenant', async () => {
    const { context, store } = directContext({ inboundTenantId: () => undefined });
    expect((await handleInboundMessage(context, inbound())).tenantId).toBeNull();
    expect((await store.get('generated-1'))?.tenantId).toBeNull();
  });

  it('records STOP as an opt-out of the pair: our number and the replying contact', async () => {
    const { context, optOuts, events } = directContext();
    const handled = await handleInboundMessage(context, inbound({ body: ' Stop. ' }));
    expect(handled.message.optOutAction).toBe('opt-out');
    expect(handled.answeredByProvider).toBe(false);
    expect(await optOuts.find({ sender: OURS, recipient: CONTACT })).toEqual({ sender: OURS, recipient: CONTACT, source: 'keyword', detail: 'STOP', provider: 'twilio', createdAt: AT });
    expect(await optOuts.find({ sender: '+14155550199', recipient: CONTACT })).toBeUndefined();
    expect(events[0]).toMatchObject({ data: { opt_out_action: 'opt-out', body: ' Stop. ' } });
  });

  it("lifts the pair and the contact's every-sender record on START", async () => {
    const { context, optOuts } = directContext();
    await optOuts.add({ sender: OURS, recipient: CONTACT, source: 'keyword', detail: 'STOP', provider: 'twilio', createdAt: AT });
    await optOuts.add({ sender: ANY_SENDER, recipient: CONTACT, source: 'provider', detail: '21610', provider: 'twilio', createdAt: AT });
    const handled = await handleInboundMessage(context, inbound({ body: 'START' }));
    expect(handled.message.optOutAction).toBe('opt-in');
    expect(optOuts.size).toBe(0);
  });

  it('changes no opt-out on HELP, nor on a sentence that contains stop', async () => {
    const { context, optOuts } = directContext();
    expect((await handleInboundMessage(context, inbound({ body: 'HELP' }))).message.optOutAction).toBe('help');
    expect((await handleInboundMessage(context, inbound({ providerMessageId: 'SMin2', body: 'please stop' }))).message.optOutAction).toBeNull();
    expect(optOuts.size).toBe(0);
  });

  it("follows the provider's own opt-out classification, and says the provider answered it", async () => {
    const { context, optOuts } = directContext();
    const handled = await handleInboundMessage(context, inbound({ body: 'cancel my texts', providerOptOut: { action: 'opt-out', keyword: 'STOP' } }));
    expect(handled).toMatchObject({ answeredByProvider: true, message: { optOutAction: 'opt-out' } });
    expect(await optOuts.find({ sender: OURS, recipient: CONTACT })).toMatchObject({ source: 'keyword', detail: 'STOP' });
  });

  it('throws a store failure tagged with the store stage, recording and publishing nothing', async () => {
    const failing: MessageStore = { save: () => Promise.reject(new Error('store down')), get: async () => undefined, findByProviderMessageId: async () => undefined };
    const { context, optOuts, events } = directContext({ store: failing });
    const error = await handleInboundMessage(context, inbound({ body: 'STOP' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebhookStageError);
    expect(error).toMatchObject({ stage: 'store', messageId: 'generated-1', message: 'store down' });
    expect(optOuts.size).toBe(0);
    expect(events).toEqual([]);
  });

  it('reports a refused publish instead of throwing, the message recorded', async () => {
    const { context, store, errors } = directContext({ publish: () => Promise.reject(new Error('bus down')) });
    await expect(handleInboundMessage(context, inbound())).resolves.toMatchObject({ message: { id: 'generated-1' } });
    expect(store.size).toBe(1);
    expect(errors).toEqual([{ error: new Error('bus down'), context: { stage: 'events', provider: 'twilio', messageId: 'generated-1' } }]);
  });
});
