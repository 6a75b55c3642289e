import { describe, expect, it } from 'vitest';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { BuiltInProvider } from '../../src/providers/built-in-providers';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import { signWebhookRequest } from '../../src/testing/sign-webhook-request';
import { createWebhookHandler } from '../../src/webhooks/create-webhook-handler';
import { ENDPOINT, TELNYX_PUBLIC_KEY, TELNYX_SEED, telnyxStatusEvent, TWILIO_TOKEN, twilioStatus } from '../webhooks/support/webhook-fixtures';

const handlerFor = (providers: Parameters<typeof createWebhookHandler>[0]['providers']) =>
  createWebhookHandler({ store: createInMemoryMessageStore(), events: createInMemoryEventPublisher(), providers, onError: () => undefined });

describe('signWebhookRequest', () => {
  it('signs a Twilio form callback the handler accepts, with the settings that verify it', async () => {
    const body = new URLSearchParams(twilioStatus('delivered')).toString();
    const { request, providers } = signWebhookRequest({ provider: 'twilio', url: ENDPOINT, body, secret: TWILIO_TOKEN });
    expect(providers).toEqual({ twilio: { authToken: TWILIO_TOKEN } });
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(request.headers.get('x-twilio-signature')).toEqual(expect.any(String));
    expect((await handlerFor(providers)(request)).status).toBe(200);
  });

  it('signs a Telnyx JSON event with a public key derived from the seed', async () => {
    const body = JSON.stringify(telnyxStatusEvent('message.finalized', 'delivered'));
    const { request, providers } = signWebhookRequest({ provider: 'telnyx', url: ENDPOINT, body, secret: TELNYX_SEED, timestamp: Math.floor(Date.now() / 1000) });
    expect(providers).toMatchObject({ telnyx: { publicKey: TELNYX_PUBLIC_KEY } });
    expect(request.headers.get('content-type')).toBe('application/json');
    expect((await handlerFor(providers)(request)).status).toBe(200);
  });

  it('signs only the exact body: a tampered one is refused', async () => {
    const body = new URLSearchParams(twilioStatus('delivered')).toString();
    const { providers } = signWebhookRequest({ provider: 'twilio', url: ENDPOINT, body, secret: TWILIO_TOKEN });
    const forged = signWebhookRequest({ provider: 'twilio', url: ENDPOINT, body, secret: 'f'.repeat(32) }).request;
    expect((await handlerFor(providers)(forged)).status).toBe(403);
  });

  it('keeps a given content type and refuses an unknown provider', () => {
    expect(signWebhookRequest({ provider: 'twilio', url: ENDPOINT, body: 'a=1', secret: TWILIO_TOKEN, contentType: 'text/plain' }).request.headers.get('content-type')).toBe('text/plain');
    expect(() => signWebhookRequest({ provider: 'sinch' as BuiltInProvider, url: ENDPOINT, body: '', secret: 'x' })).toThrow(/^signWebhookRequest: provider must be .*, got "sinch"\.$/);
  });
});
