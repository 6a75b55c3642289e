/**
 * The whole path with the real adapters on the wire (nock): `send()` ends with an unknown outcome
 * (HTTP 500 on the create: the provider may have accepted it), the record waits as `unknown`, and the
 * provider's signed status callback to the URL the adapter sent resolves it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { SmsEvent } from '../../src/events/sms-event';
import { createTelnyxProvider } from '../../src/providers/telnyx';
import { createTwilioProvider } from '../../src/providers/twilio';
import { SMSService } from '../../src/service/sms-service';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import { createWebhookHandler } from '../../src/webhooks/create-webhook-handler';
import { nock, recordRequests } from '../support/intercept-http';
import * as telnyx from '../providers/telnyx/support/telnyx-fixtures';
import * as twilio from '../providers/twilio/support/twilio-fixtures';
import { NOW, TELNYX_PUBLIC_KEY, telnyxRequest, telnyxStatusEvent, twilioRequest, twilioStatus } from './support/webhook-fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

function wire() {
  const store = createInMemoryMessageStore();
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));
  return { store, events, published, clock: { now: () => NOW } };
}

describe('send() with an unknown outcome, settled by the status webhook', () => {
  it('Twilio: a 500 on the create, then a signed delivered callback to the StatusCallback URL', async () => {
    const { store, events, published, clock } = wire();
    const scope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(500, twilio.twilioErrorBody(20500, 500, 'Internal Server Error'));
    const requests = recordRequests(scope);
    const provider = createTwilioProvider({ accountSid: twilio.ACCOUNT_SID, authToken: twilio.AUTH_TOKEN, from: twilio.FROM, statusCallbackUrl: 'https://hooks.example.com/webhooks/twilio' });
    const sms = new SMSService({ providers: [provider], store, events, clock, retry: false });
    const handler = createWebhookHandler({ service: sms, providers: { twilio: { authToken: twilio.AUTH_TOKEN } }, clock });

    const failure = await sms.send({ to: twilio.TO, body: 'Your code is 482913' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ outcomeUnknown: true, provider: 'twilio' });
    expect(requests).toHaveLength(1);
    const record = await store.get((published[0]?.data as { message_id: string }).message_id);
    expect(record).toMatchObject({ status: 'unknown', providerMessageId: null });

    const statusCallback = new URLSearchParams(requests[0]?.body).get('StatusCallback') as string;
    expect(new URL(statusCallback).searchParams.get('message_id')).toBe(record?.id);
    const response = await handler(twilioRequest(twilioStatus('delivered', { MessageSid: twilio.MESSAGE_SID, From: twilio.FROM, To: twilio.TO }), { url: statusCallback, token: twilio.AUTH_TOKEN }));
    expect(response.status).toBe(200);

    expect(await store.get(record?.id as string)).toMatchObject({ status: 'delivered', provider: 'twilio', providerMessageId: twilio.MESSAGE_SID, errorCode: null });
    expect(published.map((event) => event.type)).toEqual(['sms.failed', 'sms.status']);
    expect(published[1]).toMatchObject({ correlation_id: record?.id, data: { message_id: record?.id, previous_status: 'unknown', status: 'delivered', provider_message_id: twilio.MESSAGE_SID } });
  });

  it('Telnyx: a 500 on the create, then a signed message.finalized to the webhook_url', async () => {
    const { store, events, published, clock } = wire();
    const scope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(500, telnyx.telnyxErrorBody('10007', 'Unexpected error'));
    const requests = recordRequests(scope);
    const provider = createTelnyxProvider({ apiKey: telnyx.API_KEY, from: telnyx.FROM, webhookUrl: 'https://hooks.example.com/webhooks/telnyx' });
    const sms = new SMSService({ providers: [provider], store, events, clock, retry: false });
    const handler = createWebhookHandler({ service: sms, providers: { telnyx: { publicKey: TELNYX_PUBLIC_KEY } }, clock });

    await expect(sms.send({ to: telnyx.TO, body: 'Your code is 482913' })).rejects.toMatchObject({ outcomeUnknown: true });
    const messageId = (published[0]?.data as { message_id: string }).message_id;
    expect(await store.get(messageId)).toMatchObject({ status: 'unknown', providerMessageId: null });

    const webhookUrl = (JSON.parse(requests[0]?.body ?? '{}') as { webhook_url: string }).webhook_url;
    expect(new URL(webhookUrl).searchParams.get('message_id')).toBe(messageId);
    const response = await handler(telnyxRequest(telnyxStatusEvent('message.finalized', 'delivery_failed', { messageId: telnyx.MESSAGE_ID, errors: [{ code: '40008', title: 'Undeliverable' }] }), { url: webhookUrl }));
    expect(response.status).toBe(200);

    expect(await store.get(messageId)).toMatchObject({ status: 'undelivered', provider: 'telnyx', providerMessageId: telnyx.MESSAGE_ID, errorReason: 'UNDELIVERABLE' });
    expect(published[1]).toMatchObject({ type: 'sms.status', data: { message_id: messageId, previous_status: 'unknown', status: 'undelivered', error_code: '40008', error: { reason: 'UNDELIVERABLE' } } });
  });
});
