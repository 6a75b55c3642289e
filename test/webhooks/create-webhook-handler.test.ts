import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { MessageRecord } from '../../src/store/message-record';
import type { MessageStore } from '../../src/store/message-store';
import { createWebhookHandler } from '../../src/webhooks/create-webhook-handler';
import {
  ENDPOINT,
  eventsOfType,
  NOW,
  OURS,
  RECIPIENT,
  setupWebhooks,
  TELNYX_ID,
  TELNYX_PUBLIC_KEY,
  telnyxInboundEvent,
  telnyxRequest,
  telnyxStatusEvent,
  TWILIO_SID,
  TWILIO_TOKEN,
  twilioInbound,
  twilioRequest,
  twilioStatus,
} from './support/webhook-fixtures';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** A service that sent one message through Twilio as `id-1`, provider id TWILIO_SID. */
async function sentThroughTwilio(options: Parameters<typeof setupWebhooks>[0] = {}) {
  const setup = setupWebhooks({ outcomes: [{ type: 'accept', providerMessageId: TWILIO_SID }], ...options });
  const result = await setup.sms.send({ to: RECIPIENT, from: OURS, body: 'Your code is 482913', tenantId: 'org-1' });
  setup.published.length = 0;
  return { ...setup, result, callbackUrl: `${ENDPOINT}?message_id=${result.id}` };
}

describe('createWebhookHandler: Twilio status callbacks', () => {
  it('applies a callback, answers empty TwiML and publishes sms.status in the contract shape', async () => {
    const { handler, store, published, callbackUrl } = await sentThroughTwilio();
    const response = await handler(twilioRequest(twilioStatus('sent'), { url: callbackUrl }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await response.text()).toBe(EMPTY_TWIML);
    expect((await store.get('id-1'))?.status).toBe('sent');
    expect(published).toEqual([
      {
        type: 'sms.status',
        schema_version: 1,
        event_id: expect.stringMatching(/^hook-/),
        correlation_id: 'id-1',
        tenant_id: 'org-1',
        timestamp: '2026-01-01T00:00:00.000Z',
        status: 'sent',
        data: { message_id: 'id-1', provider_message_id: TWILIO_SID, provider: 'twilio', status: 'sent', previous_status: 'queued', provider_status: 'sent', error_code: null, error: null },
      },
    ]);
  });

  it('keeps statuses forward-only: a late sent never overwrites delivered, and publishes nothing', async () => {
    const { handler, store, published, callbackUrl } = await sentThroughTwilio();
    for (const status of ['delivered', 'sent', 'queued', 'sending']) {
      expect((await handler(twilioRequest(twilioStatus(status), { url: callbackUrl }))).status).toBe(200);
    }
    expect((await store.get('id-1'))?.status).toBe('delivered');
    expect(published.map((event) => [event.type, 'status' in event ? event.status : null])).toEqual([['sms.status', 'delivered']]);
  });

  it('drops duplicates: the same callback delivered three times publishes once', async () => {
    const { handler, published, callbackUrl } = await sentThroughTwilio();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await handler(twilioRequest(twilioStatus('delivered'), { url: callbackUrl, headers: { 'i-twilio-idempotency-token': `token-${attempt}` } }));
      expect(response.status).toBe(200);
    }
    expect(eventsOfType(published, 'sms.status')).toHaveLength(1);
  });

  it('records an undelivered callback with its taxonomy error; a later delivered (multi-part) wins', async () => {
    const { handler, store, published, callbackUrl } = await sentThroughTwilio();
    await handler(twilioRequest(twilioStatus('undelivered', { ErrorCode: '30003' }), { url: callbackUrl }));
    expect(await store.get('id-1')).toMatchObject({ status: 'undelivered', errorCode: 'PROVIDER_ERROR', errorReason: expect.any(String) as string, deliveredAt: null });
    const [failed] = eventsOfType(published, 'sms.status');
    expect(failed?.data).toMatchObject({ status: 'undelivered', provider_status: 'undelivered', error_code: '30003', error: { code: 'PROVIDER_ERROR', provider: 'twilio', outcome_unknown: false } });
    await handler(twilioRequest(twilioStatus('delivered'), { url: callbackUrl }));
    expect(await store.get('id-1')).toMatchObject({ status: 'delivered', errorCode: null, deliveredAt: '2026-01-01T00:00:00.000Z' });
    expect(eventsOfType(published, 'sms.status').map((event) => [event.data.previous_status, event.data.status])).toEqual([
      ['queued', 'undelivered'],
      ['undelivered', 'delivered'],
    ]);
  });

  it('correlates by the provider message id when the URL has no message_id', async () => {
    const { handler, store } = await sentThroughTwilio();
    await handler(twilioRequest(twilioStatus('delivered')));
    expect((await store.get('id-1'))?.status).toBe('delivered');
  });

  it('never lets a message_id re-point a callback at another message', async () => {
    const { handler, store, sms, provider } = await sentThroughTwilio();
    provider.enqueue({ type: 'accept', providerMessageId: 'SM22222222222222222222222222222222' });
    const other = await sms.send({ to: RECIPIENT, from: OURS, body: 'Other' });
    await handler(twilioRequest(twilioStatus('failed'), { url: `${ENDPOINT}?message_id=${other.id}` }));
    expect((await store.get(other.id))?.status).toBe('queued');
    expect((await store.get('id-1'))?.status).toBe('failed');
  });

  it('answers 2xx for a message the store does not know, publishes it with message_id null, records nothing', async () => {
    const { handler, store, published } = setupWebhooks();
    const response = await handler(twilioRequest(twilioStatus('delivered', { MessageSid: 'SM33333333333333333333333333333333' })));
    expect(response.status).toBe(200);
    expect(store.size).toBe(0);
    expect(published).toMatchObject([{ type: 'sms.status', correlation_id: 'SM33333333333333333333333333333333', tenant_id: null, data: { message_id: null, previous_status: null, status: 'delivered' } }]);
    await handler(twilioRequest(twilioStatus('delivered', { MessageSid: 'SM33333333333333333333333333333333' })));
    expect(published).toHaveLength(1);
  });

  it('resolves a send whose outcome was unknown (fake provider timed out after sending)', async () => {
    const { sms, handler, store, published } = setupWebhooks({ outcomes: ['timeout-after-send'] });
    await expect(sms.send({ to: RECIPIENT, from: OURS, body: 'Hi' })).rejects.toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
    expect(await store.get('id-1')).toMatchObject({ status: 'unknown', providerMessageId: null, errorCode: 'TIMEOUT' });
    published.length = 0;
    await handler(twilioRequest(twilioStatus('delivered'), { url: `${ENDPOINT}?message_id=id-1` }));
    expect(await store.get('id-1')).toMatchObject({ status: 'delivered', providerMessageId: TWILIO_SID, errorCode: null, errorReason: null });
    expect(eventsOfType(published, 'sms.status')[0]?.data).toMatchObject({ message_id: 'id-1', previous_status: 'unknown', status: 'delivered' });
    expect((await store.findByProviderMessageId('twilio', TWILIO_SID))?.id).toBe('id-1');
  });

  it("records the provider's opt-out error (21610) from a callback, so the next send stops before the provider", async () => {
    const { handler, sms, provider, optOuts, callbackUrl } = await sentThroughTwilio();
    await handler(twilioRequest(twilioStatus('failed', { ErrorCode: '21610' }), { url: callbackUrl }));
    expect(await optOuts.find({ sender: OURS, recipient: RECIPIENT })).toMatchObject({ source: 'provider', detail: '21610', provider: 'twilio' });
    const calls = provider.calls.length;
    await expect(sms.send({ to: RECIPIENT, from: OURS, body: 'Again' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'OPTED_OUT' });
    expect(provider.calls).toHaveLength(calls);
  });

  it('settles a storm of 60 concurrent, shuffled, duplicated callbacks at delivered, one event per step forward', async () => {
    const { handler, store, published, callbackUrl } = await sentThroughTwilio();
    const statuses = ['queued', 'sending', 'sent', 'delivered'];
    const requests = Array.from({ length: 60 }, (_, index) => statuses[(index * 7) % 4] as string);
    const responses = await Promise.all(requests.map((status) => handler(twilioRequest(twilioStatus(status), { url: callbackUrl }))));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect((await store.get('id-1'))?.status).toBe('delivered');
    const steps = eventsOfType(published, 'sms.status').map((event) => event.data.status);
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps.at(-1)).toBe('delivered');
  });
});

describe('createWebhookHandler: Telnyx status webhooks', () => {
  it('applies message.sent then message.finalized, answers 200 JSON, dedupes on data.id', async () => {
    const { sms, handler, store, published } = setupWebhooks({ providerId: 'telnyx', outcomes: [{ type: 'accept', providerMessageId: TELNYX_ID }] });
    const result = await sms.send({ to: RECIPIENT, from: OURS, body: 'Hi' });
    published.length = 0;
    const url = `${ENDPOINT}?message_id=${result.id}`;
    const sent = await handler(telnyxRequest(telnyxStatusEvent('message.sent', 'sent'), { url }));
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ received: true });
    await handler(telnyxRequest(telnyxStatusEvent('message.finalized', 'delivered'), { url }));
    await handler(telnyxRequest(telnyxStatusEvent('message.finalized', 'delivered'), { url }));
    expect((await store.get(result.id))?.status).toBe('delivered');
    expect(eventsOfType(published, 'sms.status').map((event) => [event.data.provider, event.data.provider_status, event.data.status])).toEqual([
      ['telnyx', 'sent', 'sent'],
      ['telnyx', 'delivered', 'delivered'],
    ]);
  });

  it('records a 40300 opt-out from message.finalized', async () => {
    const { handler, optOuts } = setupWebhooks({ providerId: 'telnyx' });
    await handler(telnyxRequest(telnyxStatusEvent('message.finalized', 'sending_failed', { errors: [{ code: '40300', title: 'Blocked due to STOP message' }] })));
    expect(await optOuts.find({ sender: OURS, recipient: RECIPIENT })).toMatchObject({ source: 'provider', detail: '40300', provider: 'telnyx' });
  });

  it('answers 200 to a signed event type it does not act on', async () => {
    const { handler, published } = setupWebhooks();
    const response = await handler(telnyxRequest({ data: { id: 'e1', event_type: 'number_order.complete', payload: { id: 'o1' } } }));
    expect(response.status).toBe(200);
    expect(published).toEqual([]);
  });
});

describe('createWebhookHandler: inbound messages and opt-outs', () => {
  it('records a Twilio inbound message, publishes sms.received in snake_case, answers empty TwiML, once', async () => {
    const { handler, store, published } = setupWebhooks({ handler: { inboundTenantId: (message) => (message.to === OURS ? 'org-1' : null) } });
    const params = twilioInbound('Running late 🙏', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/m/ME1', MediaContentType0: 'image/png' });
    const response = await handler(twilioRequest(params));
    expect(await response.text()).toBe(EMPTY_TWIML);
    expect(published).toEqual([
      {
        type: 'sms.received',
        schema_version: 1,
        event_id: 'hook-2',
        correlation_id: 'hook-1',
        tenant_id: 'org-1',
        timestamp: '2026-01-01T00:00:00.000Z',
        status: 'received',
        data: {
          id: 'hook-1',
          provider: 'twilio',
          provider_message_id: 'SM11111111111111111111111111111111',
          from: RECIPIENT,
          to: OURS,
          body: 'Running late 🙏',
          media: [{ url: 'https://api.twilio.com/m/ME1', content_type: 'image/png' }],
          received_at: '2026-01-01T00:00:00.000Z',
          opt_out_action: null,
        },
      },
    ]);
    expect(await store.get('hook-1')).toMatchObject({ direction: 'inbound', status: 'received', tenantId: 'org-1', from: RECIPIENT, to: OURS, encoding: 'UCS-2', segments: 1, mediaUrls: ['https://api.twilio.com/m/ME1'] });
    await handler(twilioRequest(params));
    expect(published).toHaveLength(1);
    expect(store.size).toBe(1);
  });

  it('STOP opts the pair out (send refused before any provider call); START opts back in', async () => {
    const { handler, sms, provider, optOuts, published } = setupWebhooks();
    await handler(twilioRequest(twilioInbound('  Stop ')));
    expect(eventsOfType(published, 'sms.received')[0]?.data.opt_out_action).toBe('opt-out');
    expect(await optOuts.find({ sender: OURS, recipient: RECIPIENT })).toMatchObject({ source: 'keyword', detail: 'STOP', provider: 'twilio', createdAt: '2026-01-01T00:00:00.000Z' });
    const refused = sms.send({ to: RECIPIENT, from: OURS, body: 'Promo' });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', field: 'to' });
    // Another of our numbers is another pair; a send without `from` might use the opted-out one.
    await expect(sms.send({ to: RECIPIENT, from: '+14155550199', body: 'Receipt' })).resolves.toMatchObject({ provider: 'twilio' });
    await expect(sms.send({ to: RECIPIENT, body: 'Receipt' })).rejects.toMatchObject({ reason: 'OPTED_OUT' });
    expect(provider.calls.map((call) => call.request.from)).toEqual(['+14155550199']);

    await handler(twilioRequest(twilioInbound('START', { MessageSid: 'SM44444444444444444444444444444444' })));
    expect(await optOuts.find({ recipient: RECIPIENT })).toBeUndefined();
    await expect(sms.send({ to: RECIPIENT, from: OURS, body: 'Welcome back' })).resolves.toMatchObject({ provider: 'twilio' });
  });

  it('answers HELP with helpReply in TwiML, unless Twilio Advanced Opt-Out already did', async () => {
    const { handler } = setupWebhooks({ handler: { helpReply: 'Acme alerts: reply STOP to opt out. <help> & more' } });
    const response = await handler(twilioRequest(twilioInbound('help')));
    expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Message>Acme alerts: reply STOP to opt out. &lt;help&gt; &amp; more</Message></Response>');
    const handled = await handler(twilioRequest(twilioInbound('help', { MessageSid: 'SM55555555555555555555555555555555', OptOutType: 'HELP' })));
    expect(await handled.text()).toBe(EMPTY_TWIML);
    const { handler: quiet } = setupWebhooks();
    expect(await (await quiet(twilioRequest(twilioInbound('HELP')))).text()).toBe(EMPTY_TWIML);
  });

  it('Telnyx: STOP opts out, HELP is answered with the service after the 2xx', async () => {
    const { handler, provider, optOuts, published } = setupWebhooks({ handler: { helpReply: 'Acme: reply STOP to opt out.' } });
    expect((await handler(telnyxRequest(telnyxInboundEvent('QUIT', { messageId: 'in-1' })))).status).toBe(200);
    expect(await optOuts.find({ sender: OURS, recipient: RECIPIENT })).toMatchObject({ detail: 'QUIT', provider: 'telnyx' });
    await handler(telnyxRequest(telnyxInboundEvent('Info', { messageId: 'in-2' })));
    await new Promise((resolve) => setImmediate(resolve));
    // The recipient opted out, so even the HELP answer is refused before the provider.
    expect(provider.calls).toHaveLength(0);
    await handler(telnyxRequest(telnyxInboundEvent('unstop', { messageId: 'in-3' })));
    await handler(telnyxRequest(telnyxInboundEvent('HELP', { messageId: 'in-4' })));
    await new Promise((resolve) => setImmediate(resolve));
    expect(provider.calls.map((call) => [call.request.to, call.request.from, call.request.body])).toEqual([[RECIPIENT, OURS, 'Acme: reply STOP to opt out.']]);
    expect(eventsOfType(published, 'sms.received').map((event) => event.data.opt_out_action)).toEqual(['opt-out', 'help', 'opt-in', 'help']);
  });
});

describe('createWebhookHandler: refusals', () => {
  it('405 for anything but POST', async () => {
    const { handler } = setupWebhooks();
    const response = await handler(new Request(ENDPOINT));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('403 without any provider signature header, 400 with both', async () => {
    const { handler } = setupWebhooks();
    const unsigned = await handler(new Request(ENDPOINT, { method: 'POST', body: 'MessageSid=SM1&MessageStatus=delivered' }));
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toMatchObject({ error: { reason: 'MISSING_SIGNATURE' } });
    const both = await handler(twilioRequest(twilioStatus('sent'), { headers: { 'telnyx-timestamp': '1' } }));
    expect(both.status).toBe(400);
  });

  it('fails closed: a provider without its secret is refused with 403 naming the option', async () => {
    const store = createInMemoryMessageStore();
    const events = createInMemoryEventPublisher();
    const onlyTelnyx = createWebhookHandler({ store, events, providers: { telnyx: { publicKey: TELNYX_PUBLIC_KEY } }, clock: { now: () => NOW } });
    const twilioRefused = await onlyTelnyx(twilioRequest(twilioStatus('delivered')));
    expect(twilioRefused.status).toBe(403);
    expect(await twilioRefused.json()).toEqual({ error: { reason: 'NO_SECRET_CONFIGURED', message: expect.stringContaining('providers.twilio.authToken') as string } });
    const unsetToken = createWebhookHandler({ store, events, providers: { twilio: { authToken: process.env.TOOLS_CORE_UNSET_VARIABLE }, telnyx: { publicKey: '' } } });
    expect((await unsetToken(twilioRequest(twilioStatus('delivered')))).status).toBe(403);
    const telnyxRefused = await unsetToken(telnyxRequest(telnyxStatusEvent('message.finalized', 'delivered')));
    expect(telnyxRefused.status).toBe(403);
    expect(JSON.stringify(await telnyxRefused.json())).toContain('providers.telnyx.publicKey');
  });

  it('403 for a forged or tampered Twilio request, nothing recorded or published', async () => {
    const { handler, published, callbackUrl, store } = await sentThroughTwilio();
    const wrongToken = await handler(twilioRequest(twilioStatus('failed'), { url: callbackUrl, token: 'not-the-token' }));
    expect(wrongToken.status).toBe(403);
    expect(await wrongToken.json()).toMatchObject({ error: { reason: 'SIGNATURE_MISMATCH' } });
    const signed = twilioRequest(twilioStatus('delivered'), { url: callbackUrl });
    const tampered = new Request(callbackUrl, { method: 'POST', headers: signed.headers, body: (await signed.text()).replace('delivered', 'failed') });
    expect((await handler(tampered)).status).toBe(403);
    expect((await handler(twilioRequest(twilioStatus('failed'), { url: `${ENDPOINT}?message_id=other`, signedUrl: callbackUrl }))).status).toBe(403);
    expect((await handler(twilioRequest(twilioStatus('failed'), { url: callbackUrl, signature: '' }))).status).toBe(403);
    expect(published).toEqual([]);
    expect((await store.get('id-1'))?.status).toBe('queued');
  });

  it('403 for a stale, future or forged Telnyx request', async () => {
    const { handler } = setupWebhooks();
    const event = telnyxStatusEvent('message.finalized', 'delivered');
    const stale = await handler(telnyxRequest(event, { timestamp: NOW / 1000 - 301 }));
    expect(await stale.json()).toMatchObject({ error: { reason: 'TIMESTAMP_OUT_OF_TOLERANCE' } });
    expect((await handler(telnyxRequest(event, { timestamp: NOW / 1000 + 301 }))).status).toBe(403);
    expect((await handler(telnyxRequest(event, { seed: Buffer.alloc(32, 1).toString('base64') }))).status).toBe(403);
    const signed = telnyxRequest(event);
    const tampered = new Request(ENDPOINT, { method: 'POST', headers: signed.headers, body: (await signed.text()).replace('delivered', 'delivery_failed') });
    expect((await handler(tampered)).status).toBe(403);
  });

  it('400 for a signed payload it cannot read', async () => {
    const { handler } = setupWebhooks();
    const telnyx = await handler(telnyxRequest(null, { body: 'not json' }));
    expect(telnyx.status).toBe(400);
    expect(await telnyx.json()).toMatchObject({ error: { reason: 'MALFORMED_PAYLOAD' } });
    expect((await handler(twilioRequest({ Foo: 'bar' }))).status).toBe(400);
  });

  it('413 past maxBodyBytes', async () => {
    const { handler } = setupWebhooks({ handler: { maxBodyBytes: 1024 } });
    const response = await handler(twilioRequest(twilioInbound('x'.repeat(2000))));
    expect(response.status).toBe(413);
  });

  it('verifies against the pinned public origin when a proxy rewrote scheme, host and port', async () => {
    const params = twilioStatus('delivered');
    const behindProxy = { url: 'http://10.0.0.7:8080/webhooks/sms?message_id=x', signedUrl: 'https://hooks.example.com/webhooks/sms?message_id=x' };
    const { handler } = setupWebhooks();
    expect((await handler(twilioRequest(params, behindProxy))).status).toBe(403);
    const { handler: pinned } = setupWebhooks({ handler: { providers: { twilio: { authToken: TWILIO_TOKEN, publicOrigin: 'https://hooks.example.com' } } } });
    expect((await pinned(twilioRequest(params, behindProxy))).status).toBe(200);
    const { handler: custom } = setupWebhooks({ handler: { providers: { twilio: { authToken: TWILIO_TOKEN, publicUrl: (request) => request.url.replace('http://10.0.0.7:8080', 'https://hooks.example.com') } } } });
    expect((await custom(twilioRequest(params, behindProxy))).status).toBe(200);
  });

  it('accepts the previous and the new token during a rotation', async () => {
    const { handler } = setupWebhooks({ handler: { providers: { twilio: { authToken: ['old-token', TWILIO_TOKEN] } } } });
    expect((await handler(twilioRequest(twilioStatus('sent')))).status).toBe(200);
    expect((await handler(twilioRequest(twilioStatus('delivered'), { token: 'old-token' }))).status).toBe(200);
    expect((await handler(twilioRequest(twilioStatus('failed'), { token: 'older-token' }))).status).toBe(403);
  });
});

describe('createWebhookHandler: failures of its stores', () => {
  it('answers 500 when the store fails, forgets the webhook, and handles the provider retry', async () => {
    const store = createInMemoryMessageStore();
    let failing = true;
    const flaky: MessageStore = {
      save: (record) => (failing ? Promise.reject(new Error('disk full')) : store.save(record)),
      get: (id) => store.get(id),
      findByProviderMessageId: (provider, id) => store.findByProviderMessageId(provider, id),
    };
    const { handler, errors, published } = setupWebhooks({ handler: { store: flaky } });
    const first = await handler(twilioRequest(twilioInbound('Hello')));
    expect(first.status).toBe(500);
    expect(await first.json()).toMatchObject({ error: { reason: 'NOT_RECORDED' } });
    expect(errors.map(({ context }) => context.stage)).toEqual(['store']);
    expect((errors[0]?.error as Error).message).toBe('disk full');
    expect(published).toEqual([]);
    failing = false;
    expect((await handler(twilioRequest(twilioInbound('Hello')))).status).toBe(200);
    expect(eventsOfType(published, 'sms.received')).toHaveLength(1);
  });

  it('answers 2xx when only publishing fails after recording, and reports it', async () => {
    const { handler, errors, store } = setupWebhooks({ handler: { events: { publish: () => Promise.reject(new Error('broker down')) } } });
    expect((await handler(twilioRequest(twilioInbound('Hello')))).status).toBe(200);
    expect(store.size).toBe(1);
    expect(errors.map(({ context }) => [context.stage, context.provider])).toEqual([['events', 'twilio']]);
  });

  it('handles webhooks while the dedupe store is down, and reports it', async () => {
    const { handler, errors, published } = setupWebhooks({ handler: { dedupe: { claim: () => Promise.reject(new Error('redis down')), release: async () => undefined } } });
    expect((await handler(twilioRequest(twilioInbound('Hello')))).status).toBe(200);
    expect(published).toHaveLength(1);
    expect(errors.map(({ context }) => context.stage)).toEqual(['dedupe']);
  });

  it('serialises updates per message for a store without update()', async () => {
    const inner = createInMemoryMessageStore();
    const slow: MessageStore = {
      save: (record) => inner.save(record),
      get: async (id) => {
        const record = await inner.get(id);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return record;
      },
      findByProviderMessageId: (provider, id) => inner.findByProviderMessageId(provider, id),
    };
    const { sms, handler, published } = setupWebhooks({ outcomes: [{ type: 'accept', providerMessageId: TWILIO_SID }], handler: { store: slow } });
    const created = await sms.send({ to: RECIPIENT, from: OURS, body: 'Hi' });
    await inner.save((await sms.store.get(created.id)) as MessageRecord);
    published.length = 0;
    const url = `${ENDPOINT}?message_id=${created.id}`;
    await Promise.all(['sent', 'delivered', 'sending'].map((status) => handler(twilioRequest(twilioStatus(status), { url }))));
    expect((await inner.get(created.id))?.status).toBe('delivered');
    expect(eventsOfType(published, 'sms.status').map((event) => event.data.status)).toEqual(['sent', 'delivered']);
  });
});

describe('createWebhookHandler: options', () => {
  const store = createInMemoryMessageStore();
  const events = createInMemoryEventPublisher();
  it.each([
    ['an unknown option', { store, events, providers: {}, secret: 'x' }, /options\.secret/],
    ['no store', { events, providers: {} }, /options\.store/],
    ['no events', { store, providers: {} }, /options\.events/],
    ['no providers', { store, events }, /options\.providers/],
    ['an unknown provider', { store, events, providers: { nexmo: {} } }, /options\.providers\.nexmo/],
    ['a malformed Telnyx key', { store, events, providers: { telnyx: { publicKey: 'KEY123' } } }, /publicKey/],
    ['a token with a newline', { store, events, providers: { twilio: { authToken: `${TWILIO_TOKEN}\n` } } }, /whitespace/],
    ['a public origin with a path', { store, events, providers: { twilio: { authToken: TWILIO_TOKEN, publicOrigin: 'https://hooks.example.com/webhooks' } } }, /publicOrigin/],
    ['a zero tolerance', { store, events, providers: { telnyx: { publicKey: TELNYX_PUBLIC_KEY, toleranceSeconds: 0 } } }, /toleranceSeconds/],
    ['a HELP reply Telnyx cannot send', { store, events, helpReply: 'Help', providers: { telnyx: { publicKey: TELNYX_PUBLIC_KEY } } }, /helpReply/],
    ['a short dedupe window', { store, events, dedupeTtlMs: 1000, providers: {} }, /dedupeTtlMs/],
  ])('throws a ValidationError for %s', (_name, options, field) => {
    expect(() => createWebhookHandler(options as never)).toThrow(ValidationError);
    expect(() => createWebhookHandler(options as never)).toThrow(field);
  });
});

describe('createWebhookHandler: a body read by someone else first', () => {
  it('answers 400, not 500, when the request body was already consumed', async () => {
    const { handler } = setupWebhooks();
    const request = twilioRequest(twilioStatus('delivered'));
    await request.text();
    const response = await handler(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { reason: 'UNREADABLE_BODY', message: expect.stringContaining('already consumed') as string } });
  });
});
