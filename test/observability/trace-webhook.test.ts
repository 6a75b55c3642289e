import { describe, expect, it } from 'vitest';
import { traceWebhook } from '../../src/observability/trace-webhook';
import { SMSService } from '../../src/service/sms-service';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import { signWebhookRequest } from '../../src/testing/sign-webhook-request';
import { createWebhookHandler } from '../../src/webhooks/create-webhook-handler';
import { inMemoryTracing } from '../support/in-memory-tracing';

describe('traceWebhook', () => {
  it('a status callback: a server span with the provider, the kind and the 200, its store update inside', async () => {
    const { tracer, spans } = inMemoryTracing();
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })] });
    const sent = await sms.send({ to: '+14155552671', body: 'Hi' });
    const handler = createWebhookHandler({ service: sms, providers: { twilio: { authToken: 'token' } }, tracer });
    const { request } = signWebhookRequest({ provider: 'twilio', url: 'https://hooks.example.com/sms', body: new URLSearchParams({ MessageSid: sent.providerMessageId, MessageStatus: 'delivered', To: '+14155552671', From: '+14155550100' }).toString(), secret: 'token' });
    expect((await handler(request)).status).toBe(200);
    expect(spans().map((span) => [span.name, span.kind, span.attributes, span.status.code])).toEqual([
      ['sms.webhook', 1, { 'http.request.method': 'POST', 'sms.provider': 'twilio', 'sms.webhook.kind': 'status', 'http.response.status_code': 200 }, 1],
    ]);
  });

  it('a bad signature: error.type 403, not an error span; a 5xx is one', async () => {
    const { tracer, spans } = inMemoryTracing();
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })] });
    const handler = createWebhookHandler({ service: sms, providers: { twilio: { authToken: 'token' } }, tracer });
    const { request } = signWebhookRequest({ provider: 'twilio', url: 'https://hooks.example.com/sms', body: 'MessageSid=SM1&MessageStatus=sent', secret: 'another-token' });
    expect((await handler(request)).status).toBe(403);
    expect(spans()[0]?.attributes).toMatchObject({ 'sms.provider': 'twilio', 'http.response.status_code': 403, 'error.type': '403' });
    expect(spans()[0]?.status.code).toBe(1);
    await traceWebhook(tracer, new Request('https://hooks.example.com/sms', { method: 'POST' }), async () => new Response(null, { status: 500 }));
    expect(spans()[1]?.status.code).toBe(2);
  });

  it('without a tracer runs the handler as is, and refuses a tracer that is not one', async () => {
    const response = await traceWebhook(undefined, new Request('https://hooks.example.com/sms'), async (annotate) => (annotate('sms.provider', 'twilio'), new Response('ok')));
    expect(await response.text()).toBe('ok');
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })] });
    expect(() => createWebhookHandler({ service: sms, providers: { twilio: { authToken: 'token' } }, tracer: {} as never })).toThrow(/^options\.tracer: is not an OpenTelemetry tracer/);
  });
});
