import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler } from '../../src/webhooks/to-node-handler';
import { signTwilioRequest } from '../../src/providers/twilio/sign-twilio-request';
import { formBody, setupWebhooks, telnyxInboundEvent, telnyxRequest, TWILIO_TOKEN, twilioInbound } from './support/webhook-fixtures';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(listener: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeHandler on a real node:http server', () => {
  it('verifies a Twilio request against http://<Host><path?query> and writes the TwiML answer', async () => {
    const { handler, published } = setupWebhooks();
    const origin = await listen(toNodeHandler(handler));
    const url = `${origin}/webhooks/sms?tenant=a%20b`;
    const params = twilioInbound('Hello from Node');
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signTwilioRequest({ url, params, authToken: TWILIO_TOKEN }).headers }, body: formBody(params) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await response.text()).toContain('<Response></Response>');
    expect(published).toMatchObject([{ type: 'sms.received', data: { body: 'Hello from Node' } }]);
  });

  it('passes the exact bytes of a Telnyx body, and answers 403 to a tampered one', async () => {
    const { handler, published } = setupWebhooks();
    const origin = await listen(toNodeHandler(handler));
    const signed = telnyxRequest(telnyxInboundEvent('Ünïcödé ✓'));
    const body = Buffer.from(await signed.arrayBuffer());
    const headers = Object.fromEntries(signed.headers);
    expect((await fetch(`${origin}/hooks`, { method: 'POST', headers, body })).status).toBe(200);
    const tampered = Buffer.from(body);
    tampered[tampered.length - 3] = 0x20;
    expect((await fetch(`${origin}/hooks`, { method: 'POST', headers, body: tampered })).status).toBe(403);
    expect(published).toHaveLength(1);
  });

  it('uses a raw body an Express raw parser kept, and refuses a parsed one with the fix in the answer', async () => {
    const { handler } = setupWebhooks();
    const node = toNodeHandler(handler);
    const origin = await listen((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks);
        // What express.raw() leaves (a Buffer), or what express.urlencoded() leaves (an object).
        Object.assign(request, { body: request.url === '/raw' ? raw : Object.fromEntries(new URLSearchParams(raw.toString())) });
        void node(request, response);
      });
    });
    const params = twilioInbound('Parsed?');
    for (const path of ['/raw', '/parsed']) {
      const url = `${origin}${path}`;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signTwilioRequest({ url, params, authToken: TWILIO_TOKEN }).headers }, body: formBody(params) });
      if (path === '/raw') {
        expect(response.status).toBe(200);
      } else {
        expect(response.status).toBe(500);
        expect(await response.json()).toMatchObject({ error: { reason: 'BODY_ALREADY_PARSED', message: expect.stringContaining('express.raw') as string } });
      }
    }
  });

  it('answers 413 past maxBodyBytes without buffering the rest, and 405 to a GET', async () => {
    const { handler } = setupWebhooks();
    const origin = await listen(toNodeHandler(handler, { maxBodyBytes: 1024 }));
    const large = await fetch(`${origin}/hooks`, { method: 'POST', headers: { 'x-twilio-signature': 'x' }, body: 'a'.repeat(5000) });
    expect(large.status).toBe(413);
    expect((await fetch(`${origin}/hooks`)).status).toBe(405);
  });

  it('answers 400 when the Host header cannot form a URL', async () => {
    const { handler } = setupWebhooks();
    const response = { statusCode: 0, headers: {} as Record<string, string>, body: '' };
    const fake = {
      method: 'POST',
      url: '/hooks',
      headers: { host: 'bad host:xx', 'x-twilio-signature': 'x' },
      socket: {},
      body: Buffer.from('a=b'),
    } as unknown as IncomingMessage;
    await toNodeHandler(handler)(fake, {
      set statusCode(value: number) {
        response.statusCode = value;
      },
      setHeader: (name: string, value: string) => void (response.headers[name] = value),
      end: (buffer: Buffer) => void (response.body = buffer.toString()),
    } as unknown as ServerResponse);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Host');
  });
});
