import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookServer, type WebhookServer } from '../../examples/webhooks-node';
import { signTelnyxRequest } from '../../src/providers/telnyx/sign-telnyx-request';
import { signTwilioRequest } from '../../src/providers/twilio/sign-twilio-request';

const TOKEN = '7c2e9f41a8b3d6e05f1a4c9b2d8e7f63';
const SEED = Buffer.alloc(32, 5).toString('base64');
const env = {
  TWILIO_ACCOUNT_SID: 'AC3f9a2c41d07e4b8a9c15e62d8b7f0a13',
  TWILIO_AUTH_TOKEN: TOKEN,
  TWILIO_PHONE_NUMBER: '+14155550100',
  TELNYX_PUBLIC_KEY: signTelnyxRequest({ body: '', privateKey: SEED, timestamp: 0 }).publicKey,
  PUBLIC_ORIGIN: 'https://hooks.example.com',
};

let running: WebhookServer | undefined;
afterEach(async () => {
  await new Promise((resolve) => running?.server.close(resolve));
  running = undefined;
});

async function start(lines: string[]): Promise<string> {
  running = createWebhookServer(env, (line) => lines.push(line));
  await new Promise<void>((resolve) => running?.server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
}

describe('examples/webhooks-node.ts', () => {
  it('takes signed Twilio and Telnyx webhooks behind a proxy, records the STOP, and refuses the next send', async () => {
    const lines: string[] = [];
    const local = await start(lines);
    const params = { MessageSid: 'SM11111111111111111111111111111111', SmsStatus: 'received', From: '+14155552671', To: '+14155550100', Body: 'STOP', NumMedia: '0' };
    // Twilio signed the public URL; the request reaches this process on another origin.
    const signed = signTwilioRequest({ url: 'https://hooks.example.com/webhooks/sms', params, authToken: TOKEN });
    const twilio = await fetch(`${local}/webhooks/sms`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed.headers }, body: new URLSearchParams(params) });
    expect(twilio.status).toBe(200);
    await expect(running?.sms.send({ to: '+14155552671', from: '+14155550100', body: 'Sale!' })).rejects.toMatchObject({ reason: 'OPTED_OUT' });

    const body = JSON.stringify({ data: { id: 'e1', event_type: 'message.finalized', payload: { id: 'm1', to: [{ phone_number: '+14155552672', status: 'delivery_failed' }], errors: [{ code: '40006' }] } } });
    const telnyx = await fetch(`${local}/webhooks/sms`, { method: 'POST', headers: { 'content-type': 'application/json', ...signTelnyxRequest({ body, privateKey: SEED }).headers }, body });
    expect(telnyx.status).toBe(200);

    const forged = await fetch(`${local}/webhooks/sms`, { method: 'POST', headers: { 'x-twilio-signature': 'forged' }, body: 'Body=hi' });
    expect(forged.status).toBe(403);
    expect(lines).toEqual(['received from +1415•••2671 via twilio: 4 characters, 0 media [opt-out]', 'status unknown message m1: ? -> undelivered (40006: RECIPIENT_CARRIER_UNAVAILABLE)']);
  });
});
