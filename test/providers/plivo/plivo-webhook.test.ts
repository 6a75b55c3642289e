import plivo from 'plivo';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/clock';
import { ValidationError } from '../../../src/errors/validation-error';
import { computePlivoSignature, plivoSignedBase } from '../../../src/providers/plivo/compute-plivo-signature';
import { plivoDefinition } from '../../../src/providers/plivo';
import { readPlivoForm } from '../../../src/providers/plivo/read-plivo-form';
import { AUTH_TOKEN, MESSAGE_UUID } from './support/plivo-fixtures';

/** plivo-node's own verifier: the independent oracle for the signature. */
const sdkAccepts = (url: string, nonce: string, token: string, signature: string, params: Record<string, string | string[]>): boolean =>
  (plivo as unknown as { validateV3Signature: (...args: unknown[]) => boolean }).validateV3Signature('POST', url, nonce, token, signature, params);

const statusBody = new URLSearchParams({
  MessageUUID: MESSAGE_UUID,
  Status: 'delivered',
  From: '14155550199',
  To: '14155552671',
  Units: '1',
  TotalRate: '0.00770',
  TotalAmount: '0.00770',
  MCC: '310',
  MNC: '260',
  ErrorCode: '',
  Type: 'sms',
}).toString();

const webhook = plivoDefinition.webhook;

function signedRequest(url: string, body: string, secret = AUTH_TOKEN, headers: Record<string, string> = {}): Request {
  const signed = webhook.sign({ url, body, secret });
  return new Request(url, { method: 'POST', headers: { ...signed.headers, 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
}

describe('the Plivo V3 signature, checked against plivo-node validateV3Signature', () => {
  const cases: [string, string, Record<string, string | string[]>][] = [
    ['a plain URL and a status callback', 'https://hooks.example.com/sms/plivo/', readPlivoForm(statusBody)],
    ['a query (the message id) and parameters', 'https://hooks.example.com/sms?message_id=msg_01HZX4K8Q2&tenant=acme', readPlivoForm(statusBody)],
    ['a port, unsorted query values and non-ASCII text', 'https://hooks.example.com:8443/in?b=2&a=z&a=y', { Text: 'Grüße 👋 & +1', From: '14155552671', To: '14155550199', MessageUUID: MESSAGE_UUID }],
    ['a repeated form name', 'https://hooks.example.com/in', { Media: ['https://m.example/b', 'https://m.example/a'], MessageUUID: MESSAGE_UUID }],
    ['an encoded query and no form parameters', 'https://hooks.example.com/s?q=a+b%20c&r=%C3%A9', {}],
    ['no query and no parameters', 'https://hooks.example.com/s', {}],
  ];

  it.each(cases)('%s', (_name, url, params) => {
    const nonce = '05429567804466091622';
    const signature = computePlivoSignature({ authToken: AUTH_TOKEN, url, params, nonce });
    expect(sdkAccepts(url, nonce, AUTH_TOKEN, signature, params)).toBe(true);
    // The oracle is not trivially true: another token, nonce or parameter fails in both.
    expect(sdkAccepts(url, nonce, `${AUTH_TOKEN}x`, signature, params)).toBe(false);
    expect(sdkAccepts(url, '1', AUTH_TOKEN, signature, params)).toBe(false);
    expect(sdkAccepts(url, nonce, AUTH_TOKEN, signature, { ...params, Extra: '1' })).toBe(false);
  });

  it('builds the documented base: sorted query, a dot, then name+value pairs', () => {
    expect(plivoSignedBase('https://h.example/p?b=2&a=1', { To: '2', From: '1' })).toBe('https://h.example/p?a=1&b=2.From1To2');
    expect(plivoSignedBase('https://h.example/p', { From: '1' })).toBe('https://h.example/p?From1');
    expect(plivoSignedBase('https://h.example/p?a=1', {})).toBe('https://h.example/p?a=1');
  });
});

describe('plivoDefinition.webhook: configure and read', () => {
  it('verifies a signed status callback and reads it', async () => {
    const url = 'https://hooks.example.com/sms/plivo?message_id=msg_01HZX4K8Q2';
    const configured = webhook.configure({ authToken: AUTH_TOKEN }, 'providers.plivo');
    const request = signedRequest(url, statusBody);

    const reading = await configured.read(request, new TextEncoder().encode(statusBody), systemClock);

    expect(configured.missingSecret).toBeUndefined();
    expect(reading).toEqual({
      valid: true,
      parsed: {
        kind: 'status',
        dedupeKey: `status:${MESSAGE_UUID}:delivered:`,
        providerMessageId: MESSAGE_UUID,
        providerStatus: 'delivered',
        status: 'delivered',
        errorCode: null,
        error: null,
        from: '+14155550199',
        to: '+14155552671',
      },
    });
  });

  it('refuses a changed body, another token, and a missing signature or nonce', async () => {
    const url = 'https://hooks.example.com/sms';
    const configured = webhook.configure({ authToken: AUTH_TOKEN }, 'providers.plivo');
    const tampered = statusBody.replace('delivered', 'failed');
    const read = (request: Request, body: string) => configured.read(request, new TextEncoder().encode(body), systemClock);

    expect(await read(signedRequest(url, statusBody), tampered)).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
    expect(await read(signedRequest(url, statusBody, 'another-token'), statusBody)).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
    expect(await read(new Request(url, { method: 'POST', body: statusBody }), statusBody)).toMatchObject({ valid: false, reason: 'MISSING_SIGNATURE' });
    const withoutNonce = signedRequest(url, statusBody);
    withoutNonce.headers.delete('x-plivo-signature-v3-nonce');
    expect(await read(withoutNonce, statusBody)).toMatchObject({ valid: false, reason: 'MISSING_SIGNATURE' });
  });

  it('accepts any of several tokens during a rotation, and the main-account header', async () => {
    const url = 'https://hooks.example.com/sms';
    const configured = webhook.configure({ authToken: ['new-token', AUTH_TOKEN] }, 'providers.plivo');
    const signed = webhook.sign({ url, body: statusBody, secret: AUTH_TOKEN });
    const mainAccount = new Request(url, {
      method: 'POST',
      headers: { 'x-plivo-signature-ma-v3': signed.headers['x-plivo-signature-v3'] ?? '', 'x-plivo-signature-v3-nonce': signed.headers['x-plivo-signature-v3-nonce'] ?? '' },
      body: statusBody,
    });

    expect(await configured.read(signedRequest(url, statusBody), new TextEncoder().encode(statusBody), systemClock)).toMatchObject({ valid: true });
    expect(await configured.read(mainAccount, new TextEncoder().encode(statusBody), systemClock)).toMatchObject({ valid: true });
  });

  it('verifies the public URL behind a proxy with publicOrigin or publicUrl', async () => {
    const publicUrl = 'https://api.example.com/hooks/sms?message_id=m1';
    const signed = webhook.sign({ url: publicUrl, body: statusBody, secret: AUTH_TOKEN });
    const seenByTheApp = new Request('http://10.0.0.7:3000/hooks/sms?message_id=m1', { method: 'POST', headers: signed.headers, body: statusBody });
    const bytes = new TextEncoder().encode(statusBody);

    expect(await webhook.configure({ authToken: AUTH_TOKEN }, 'p').read(seenByTheApp, bytes, systemClock)).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
    expect(await webhook.configure({ authToken: AUTH_TOKEN, publicOrigin: 'https://api.example.com' }, 'p').read(seenByTheApp, bytes, systemClock)).toMatchObject({ valid: true });
    expect(await webhook.configure({ authToken: AUTH_TOKEN, publicUrl: () => publicUrl }, 'p').read(seenByTheApp, bytes, systemClock)).toMatchObject({ valid: true });
  });

  it('fails closed without a token, and refuses malformed options naming the field', () => {
    expect(webhook.configure({ authToken: undefined }, 'providers.plivo').missingSecret).toContain('providers.plivo.authToken (PLIVO_AUTH_TOKEN)');
    expect(webhook.configure({ authToken: '' }, 'providers.plivo').missingSecret).toBeDefined();
    const thrown = (options: object) => {
      try {
        webhook.configure(options, 'providers.plivo');
      } catch (error) {
        return ValidationError.isInstance(error) ? error.field : 'not a ValidationError';
      }
      return 'did not throw';
    };
    expect(thrown({ authToken: ' token\n' })).toBe('providers.plivo.authToken');
    expect(thrown({ authToken: AUTH_TOKEN, publicOrigin: 'https://api.example.com/path' })).toBe('providers.plivo.publicOrigin');
    expect(thrown({ authToken: AUTH_TOKEN, publicOrigin: 'https://a.example', publicUrl: () => 'x' })).toBe('providers.plivo.publicUrl');
    expect(thrown({ authToken: AUTH_TOKEN, secret: 'x' })).toBe('providers.plivo.secret');
    expect(thrown({ authToken: AUTH_TOKEN, providerId: 'no spaces allowed' })).toBe('providers.plivo.providerId');
  });

  it('answers with an empty Plivo XML response and carries no reply inline', async () => {
    const configured = webhook.configure({ authToken: AUTH_TOKEN }, 'providers.plivo');
    const answer = configured.answer('HELP text');
    expect(configured.repliesInline).toBe(false);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/xml');
    expect(await answer.text()).toBe('<?xml version="1.0" encoding="utf-8"?><Response></Response>');
  });

  it('signs with a fresh nonce each time, and the SDK accepts what it signs', () => {
    const url = 'https://hooks.example.com/sms?message_id=m1';
    const first = webhook.sign({ url, body: statusBody, secret: AUTH_TOKEN });
    const second = webhook.sign({ url, body: statusBody, secret: AUTH_TOKEN });
    expect(first.headers['x-plivo-signature-v3-nonce']).toMatch(/^\d{20}$/);
    expect(first.headers['x-plivo-signature-v3-nonce']).not.toBe(second.headers['x-plivo-signature-v3-nonce']);
    expect(first.options).toEqual({ authToken: AUTH_TOKEN });
    expect(sdkAccepts(url, first.headers['x-plivo-signature-v3-nonce'] ?? '', AUTH_TOKEN, first.headers['x-plivo-signature-v3'] ?? '', readPlivoForm(statusBody))).toBe(true);
  });
});
