import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/clock';
import { ValidationError } from '../../../src/errors/validation-error';
import { twilioWebhook } from '../../../src/providers/twilio/twilio-webhook';
import { AUTH_TOKEN, MESSAGE_SID } from './support/twilio-fixtures';

const url = 'https://hooks.example.com/twilio?message_id=msg_1';
const statusBody = new URLSearchParams({ MessageSid: MESSAGE_SID, MessageStatus: 'delivered', From: '+14155550199', To: '+14155552671' }).toString();

async function read(options: Parameters<typeof twilioWebhook.configure>[0], request: Request) {
  const configured = twilioWebhook.configure(options, 'providers.twilio');
  return configured.read(request, new Uint8Array(await request.clone().arrayBuffer()), systemClock);
}

function signed(body: string, secret = AUTH_TOKEN, at = url): Request {
  const signing = twilioWebhook.sign({ url: at, body, secret });
  return new Request(signing.url, { method: 'POST', headers: { ...signing.headers, 'content-type': 'application/x-www-form-urlencoded' }, body });
}

describe('twilioWebhook', () => {
  it('claims requests carrying X-Twilio-Signature', () => {
    expect(twilioWebhook.claims(new Headers({ 'x-twilio-signature': 'abc' }))).toBe(true);
    expect(twilioWebhook.claims(new Headers({ 'telnyx-signature-ed25519': 'abc' }))).toBe(false);
  });

  it('reads a signed form status callback', async () => {
    const reading = await read({ authToken: AUTH_TOKEN }, signed(statusBody));
    expect(reading).toMatchObject({ valid: true, parsed: { kind: 'status', providerMessageId: MESSAGE_SID, status: 'delivered' } });
  });

  it('accepts the previous auth token during a rotation and refuses an unknown one', async () => {
    expect((await read({ authToken: ['new', AUTH_TOKEN] }, signed(statusBody))).valid).toBe(true);
    expect(await read({ authToken: 'other' }, signed(statusBody))).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('verifies a JSON webhook by its bodySHA256 and reads its top-level fields', async () => {
    const body = JSON.stringify({ MessageSid: MESSAGE_SID, MessageStatus: 'sent', NumSegments: 2, Nested: { x: 1 } });
    const signing = twilioWebhook.sign({ url, body, secret: AUTH_TOKEN });
    expect(new URL(signing.url).searchParams.has('bodySHA256')).toBe(true);
    expect(signing.options).toEqual({ authToken: AUTH_TOKEN });
    const request = new Request(signing.url, { method: 'POST', headers: { ...signing.headers, 'content-type': 'application/json' }, body });
    expect(await read({ authToken: AUTH_TOKEN }, request)).toMatchObject({ valid: true, parsed: { kind: 'status', status: 'sent' } });
    const tampered = new Request(signing.url, { method: 'POST', headers: signing.headers, body: body.replace('sent', 'failed') });
    expect(await read({ authToken: AUTH_TOKEN }, tampered)).toMatchObject({ valid: false, reason: 'BODY_HASH_MISMATCH' });
  });

  it('verifies against the public origin behind a proxy', async () => {
    const request = signed(statusBody, AUTH_TOKEN, 'https://public.example.com/twilio?message_id=msg_1');
    const internal = new Request('http://10.0.0.2:3000/twilio?message_id=msg_1', { method: 'POST', headers: request.headers, body: statusBody });
    expect((await read({ authToken: AUTH_TOKEN }, internal)).valid).toBe(false);
    expect((await read({ authToken: AUTH_TOKEN, publicOrigin: 'https://public.example.com' }, internal)).valid).toBe(true);
  });

  it('names the missing auth token and the provider id', () => {
    expect(twilioWebhook.configure({}, 'providers.twilio').missingSecret).toBe(
      'Twilio webhooks are refused: no Twilio auth token is configured. Fix: pass providers.twilio.authToken (TWILIO_AUTH_TOKEN).',
    );
    expect(twilioWebhook.configure({ authToken: 't' }, 'providers.twilio')).toMatchObject({ providerId: 'twilio', missingSecret: undefined, repliesInline: true });
    expect(twilioWebhook.configure({ authToken: 't', providerId: 'twilio-eu' }, 'providers.twilio').providerId).toBe('twilio-eu');
  });

  it('refuses unknown option keys naming the field', () => {
    let caught: unknown;
    try {
      twilioWebhook.configure({ authtoken: 't' } as never, 'providers.twilio');
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).field).toBe('providers.twilio.authtoken');
  });

  it('answers with TwiML carrying the HELP reply', async () => {
    const configured = twilioWebhook.configure({ authToken: 't' }, 'providers.twilio');
    expect(await configured.answer('Help: call us').text()).toContain('<Message>Help: call us</Message>');
    expect(twilioWebhook.signatureHeaders).toEqual(['X-Twilio-Signature']);
    expect(twilioWebhook.optionKeys).toEqual(['authToken', 'publicOrigin', 'publicUrl', 'providerId']);
  });
});
