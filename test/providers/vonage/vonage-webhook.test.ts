import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { parseVonageWebhook } from '../../../src/providers/vonage/parse-vonage-webhook';
import { vonageDefinition } from '../../../src/providers/vonage/vonage-definition';
import { SIGNATURE_SECRET } from './support/vonage-fixtures';

const NOW = 1_767_225_600;
const clock = { now: () => NOW * 1000 };
const UUID = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';

/** A Messages API v1 status webhook for SMS (https://developer.vonage.com/en/api/messages#message-status). */
const statusBody = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    message_uuid: UUID,
    to: '14155552671',
    from: '14155550199',
    timestamp: '2026-12-07T10:00:03.010Z',
    status: 'delivered',
    channel: 'sms',
    client_ref: 'msg_01HZX4K8Q2',
    usage: { currency: 'EUR', price: '0.0333' },
    destination: { network_code: '310260' },
    sms: { count_total: '1' },
    ...overrides,
  });

/** An inbound SMS (https://developer.vonage.com/en/api/messages#inbound-message). */
const inboundBody = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    channel: 'sms',
    message_uuid: UUID,
    to: '14155550199',
    from: '14155552671',
    timestamp: '2026-12-07T10:00:00Z',
    text: 'STOP',
    message_type: 'text',
    sms: { num_messages: '1', keyword: 'STOP' },
    usage: { currency: 'EUR', price: '0.0012' },
    ...overrides,
  });

describe('parseVonageWebhook', () => {
  it('reads a delivered status with E.164 numbers', () => {
    expect(parseVonageWebhook(statusBody())).toEqual({
      kind: 'status',
      dedupeKey: `status:${UUID}:delivered:`,
      providerMessageId: UUID,
      providerStatus: 'delivered',
      status: 'delivered',
      errorCode: null,
      error: null,
      from: '+14155550199',
      to: '+14155552671',
    });
  });

  it.each([
    { status: 'submitted', expected: 'sent' },
    { status: 'read', expected: 'delivered' },
    { status: 'rejected', expected: 'failed' },
    { status: 'undeliverable', expected: 'undelivered' },
    { status: 'brand-new', expected: 'unknown' },
  ])('maps status $status to $expected', ({ status, expected }) => {
    expect(parseVonageWebhook(statusBody({ status }))).toMatchObject({ kind: 'status', providerStatus: status, status: expected });
  });

  it('classifies the error of a rejected status with the error table (numeric title)', () => {
    const parsed = parseVonageWebhook(
      statusBody({
        status: 'rejected',
        error: { type: 'https://developer.nexmo.com/api-errors/messages-olympus#1240', title: 1240, detail: 'Illegal Number', instance: 'bf0ca0bf927b3b52e3cb03217e1a1ddf' },
      }),
    );
    expect(parsed).toMatchObject({ kind: 'status', status: 'failed', errorCode: '1240', dedupeKey: `status:${UUID}:rejected:1240` });
    expect(parsed.kind === 'status' && parsed.error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', provider: 'vonage', fault: 'request' });
  });

  it('reads an error nested once more (error.error), with the code in the title only', () => {
    const parsed = parseVonageWebhook(statusBody({ status: 'undeliverable', error: { error: { type: 'https://developer.vonage.com/api/messages#x', title: '1180', detail: 'Absent Subscriber' } } }));
    expect(parsed).toMatchObject({ errorCode: '1180', status: 'undelivered' });
    expect(parsed.kind === 'status' && parsed.error).toMatchObject({ reason: 'RECIPIENT_UNREACHABLE', retryable: true });
  });

  it('reads an inbound SMS, keeping short codes and alphanumeric senders as they are', () => {
    expect(parseVonageWebhook(inboundBody())).toEqual({
      kind: 'inbound',
      dedupeKey: `inbound:${UUID}`,
      providerMessageId: UUID,
      from: '+14155552671',
      to: '+14155550199',
      body: 'STOP',
      media: [],
      receivedAt: '2026-12-07T10:00:00.000Z',
      providerOptOut: null,
    });
    expect(parseVonageWebhook(inboundBody({ to: '45678', from: 'Acme' }))).toMatchObject({ to: '45678', from: 'Acme' });
  });

  it('reads an inbound MMS image with its caption as the body', () => {
    const parsed = parseVonageWebhook(inboundBody({ channel: 'mms', message_type: 'image', text: undefined, image: { url: 'https://api-us.nexmo.com/v3/media/abc', caption: 'look' } }));
    expect(parsed).toMatchObject({ kind: 'inbound', body: 'look', media: [{ url: 'https://api-us.nexmo.com/v3/media/abc', contentType: null }] });
  });

  it.each([
    { name: 'not JSON', text: 'status=delivered', kind: 'malformed' },
    { name: 'no message_uuid', text: JSON.stringify({ status: 'delivered' }), kind: 'malformed' },
    { name: 'a malformed message_uuid', text: statusBody({ message_uuid: 'a b' }), kind: 'malformed' },
    { name: 'an inbound message without from', text: inboundBody({ from: undefined }), kind: 'malformed' },
    { name: 'a WhatsApp status', text: statusBody({ channel: 'whatsapp' }), kind: 'ignored' },
  ])('$name → $kind', ({ text, kind }) => {
    expect(parseVonageWebhook(text).kind).toBe(kind);
  });
});

describe('vonageDefinition.webhook', () => {
  const { webhook } = vonageDefinition;
  const request = (body: string, headers: Record<string, string>) => new Request('https://hooks.example.com/vonage/status', { method: 'POST', headers, body });

  it('signs a request the configured webhook verifies and reads', async () => {
    const body = statusBody();
    const signed = webhook.sign({ url: 'https://hooks.example.com/vonage/status', body, secret: SIGNATURE_SECRET, timestamp: NOW });
    const configured = webhook.configure(signed.options, 'options.providers.vonage');

    expect(signed.headers.authorization).toMatch(/^Bearer /);
    expect(configured).toMatchObject({ providerId: 'vonage', missingSecret: undefined, repliesInline: false });
    const reading = await configured.read(request(body, signed.headers), Buffer.from(body), clock);
    expect(reading).toMatchObject({ valid: true, parsed: { kind: 'status', status: 'delivered', providerMessageId: UUID } });
  });

  it('refuses a request signed with another secret, or whose body changed', async () => {
    const body = statusBody();
    const signed = webhook.sign({ url: 'https://x.example', body, secret: 'another-secret-entirely', timestamp: NOW });
    const configured = webhook.configure({ signatureSecret: SIGNATURE_SECRET }, 'options.providers.vonage');

    expect(await configured.read(request(body, signed.headers), Buffer.from(body), clock)).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
    const good = webhook.sign({ url: 'https://x.example', body, secret: SIGNATURE_SECRET, timestamp: NOW });
    const changed = statusBody({ status: 'rejected' });
    expect(await configured.read(request(changed, good.headers), Buffer.from(changed), clock)).toMatchObject({ valid: false, reason: 'BODY_HASH_MISMATCH' });
  });

  it('fails closed without a secret, naming the option and the variable', () => {
    const configured = webhook.configure({ signatureSecret: undefined }, 'options.providers.vonage');
    expect(configured.missingSecret).toContain('options.providers.vonage.signatureSecret');
    expect(configured.missingSecret).toContain('VONAGE_SIGNATURE_SECRET');
  });

  it.each([
    { options: { signatureSecret: ' padded ' }, field: 'options.providers.vonage.signatureSecret' },
    { options: { signatureSecret: ['ok-secret', ''] }, field: 'options.providers.vonage.signatureSecret[1]' },
    { options: { toleranceSeconds: 0 }, field: 'options.providers.vonage.toleranceSeconds' },
    { options: { providerId: 'has space' }, field: 'options.providers.vonage.providerId' },
    { options: { publicKey: 'x' }, field: 'options.providers.vonage.publicKey' },
  ])('refuses a malformed option at configure time: $field', ({ options, field }) => {
    try {
      webhook.configure(options as never, 'options.providers.vonage');
      throw new Error('expected a ValidationError');
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ field, reason: 'INVALID_OPTION' });
    }
  });

  it('answers with a JSON 200 and names its header and option keys', async () => {
    const answer = webhook.configure({ signatureSecret: SIGNATURE_SECRET }, 'f').answer();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ received: true });
    expect(webhook.signatureHeaders).toEqual(['authorization']);
    expect(webhook.optionKeys).toEqual(['signatureSecret', 'toleranceSeconds', 'providerId']);
  });

  it('keeps a configured provider id', () => {
    expect(webhook.configure({ signatureSecret: SIGNATURE_SECRET, providerId: 'vonage-eu' }, 'f').providerId).toBe('vonage-eu');
  });
});
