import { describe, expect, it } from 'vitest';
import { parseVonageWebhook } from '../../../src/providers/vonage/parse-vonage-webhook';
import { MESSAGE_UUID } from './support/vonage-fixtures';

const parse = (body: unknown) => parseVonageWebhook(JSON.stringify(body));

describe('parseVonageWebhook: statuses', () => {
  it('reads a status with E.164 numbers and a dedupe key of uuid and status', () => {
    expect(parse({ message_uuid: MESSAGE_UUID, status: 'delivered', channel: 'sms', to: '14155552671', from: '14155550199', timestamp: '2026-01-01T00:00:00Z' })).toEqual({
      kind: 'status',
      dedupeKey: `status:${MESSAGE_UUID}:delivered:`,
      providerMessageId: MESSAGE_UUID,
      providerStatus: 'delivered',
      status: 'delivered',
      errorCode: null,
      error: null,
      from: '+14155550199',
      to: '+14155552671',
    });
  });

  it('classifies the error of a rejected message and puts its code in the dedupe key', () => {
    const parsed = parse({
      message_uuid: MESSAGE_UUID,
      status: 'rejected',
      channel: 'sms',
      to: '14155552671',
      from: 'Ocelot',
      error: { type: 'https://developer.nexmo.com/api-errors/messages-olympus#1240', title: 1240 },
    });
    expect(parsed).toMatchObject({ kind: 'status', status: 'failed', errorCode: '1240', dedupeKey: `status:${MESSAGE_UUID}:rejected:1240`, from: 'Ocelot' });
    expect(parsed.kind === 'status' && parsed.error?.reason).toBe('OPTED_OUT');
  });

  it('maps an unknown status to unknown and refuses a status that is not a name', () => {
    expect(parse({ message_uuid: MESSAGE_UUID, status: 'brand-new' })).toMatchObject({ kind: 'status', status: 'unknown', to: null, from: null });
    expect(parse({ message_uuid: MESSAGE_UUID, status: '' })).toEqual({ kind: 'malformed', problem: 'status is not a status name.' });
    expect(parse({ message_uuid: MESSAGE_UUID, status: 3 })).toMatchObject({ kind: 'malformed' });
  });
});

describe('parseVonageWebhook: inbound messages', () => {
  it('reads an inbound SMS', () => {
    expect(parse({ message_uuid: MESSAGE_UUID, channel: 'sms', message_type: 'text', to: '14155550199', from: '447700900001', text: 'STOP', timestamp: '2026-01-02T03:04:05Z' })).toEqual({
      kind: 'inbound',
      dedupeKey: `inbound:${MESSAGE_UUID}`,
      providerMessageId: MESSAGE_UUID,
      from: '+447700900001',
      to: '+14155550199',
      body: 'STOP',
      media: [],
      receivedAt: '2026-01-02T03:04:05.000Z',
      providerOptOut: null,
    });
  });

  it('reads an inbound MMS image with its caption as the body', () => {
    expect(parse({ message_uuid: MESSAGE_UUID, channel: 'mms', message_type: 'image', to: '14155550199', from: '14155552671', image: { url: 'https://media.example/a.jpg', caption: 'look' } })).toMatchObject({
      kind: 'inbound',
      body: 'look',
      media: [{ url: 'https://media.example/a.jpg', contentType: null }],
      receivedAt: null,
    });
    expect(parse({ message_uuid: MESSAGE_UUID, message_type: 'video', to: '12345', from: '14155552671', video: { url: '' } })).toMatchObject({ kind: 'inbound', media: [], body: '', to: '12345' });
  });

  it('needs from and to', () => {
    expect(parse({ message_uuid: MESSAGE_UUID, text: 'hi', from: '14155552671' })).toEqual({ kind: 'malformed', problem: 'an inbound message needs from and to.' });
  });
});

describe('parseVonageWebhook: what it does not read', () => {
  it('refuses non-JSON and bodies without a well-formed message_uuid', () => {
    expect(parseVonageWebhook('status=delivered')).toEqual({ kind: 'malformed', problem: 'the body is not JSON.' });
    expect(parse([{ message_uuid: MESSAGE_UUID }])).toEqual({ kind: 'malformed', problem: 'message_uuid is missing: this is not a Messages API webhook.' });
    expect(parse({ status: 'delivered' })).toMatchObject({ kind: 'malformed' });
    expect(parse({ message_uuid: 'has spaces in it', status: 'delivered' })).toEqual({ kind: 'malformed', problem: 'message_uuid is malformed.' });
  });

  it('ignores channels other than SMS and MMS', () => {
    expect(parse({ message_uuid: MESSAGE_UUID, channel: 'whatsapp', status: 'read' })).toEqual({
      kind: 'ignored',
      reason: 'Vonage whatsapp webhooks are not SMS or MMS; this handler does not act on them.',
    });
  });
});
