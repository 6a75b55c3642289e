import { describe, expect, it } from 'vitest';
import { parseTelnyxWebhook } from '../../../src/providers/telnyx/parse-telnyx-webhook';
import { OURS, RECIPIENT, TELNYX_ID, telnyxInboundEvent, telnyxStatusEvent } from '../../webhooks/support/webhook-fixtures';

const parse = (event: unknown) => parseTelnyxWebhook(JSON.stringify(event));

describe('parseTelnyxWebhook: status events', () => {
  it('reads message.finalized: to[0].status through mapTelnyxStatus, errors[] through mapTelnyxError, deduped on data.id', () => {
    const parsed = parse(telnyxStatusEvent('message.finalized', 'delivery_failed', { eventId: 'e-1', errors: [{ code: '40006', title: 'Recipient server unavailable' }] }));
    expect(parsed).toMatchObject({ kind: 'status', dedupeKey: 'event:e-1', providerMessageId: TELNYX_ID, providerStatus: 'delivery_failed', status: 'undelivered', errorCode: '40006', from: OURS, to: RECIPIENT });
    expect(parsed.kind === 'status' && parsed.error).toMatchObject({ reason: 'RECIPIENT_CARRIER_UNAVAILABLE', provider: 'telnyx' });
  });

  it('classifies 40300 as OPTED_OUT; message.sent without a status is sent', () => {
    expect(parse(telnyxStatusEvent('message.finalized', 'sending_failed', { errors: [{ code: '40300', title: 'Blocked due to STOP message' }] }))).toMatchObject({ status: 'failed', error: { reason: 'OPTED_OUT' } });
    const sent = telnyxStatusEvent('message.sent', 'sent');
    ((sent.data as { payload: { to: { status?: string }[] } }).payload.to[0] as { status?: string }).status = undefined;
    expect(parse(sent)).toMatchObject({ kind: 'status', status: 'sent', providerStatus: 'sent', error: null });
  });

  it('ignores event types it does not act on', () => {
    expect(parse({ data: { event_type: 'call.initiated', id: 'e', payload: {} } })).toMatchObject({ kind: 'ignored' });
  });
});

describe('parseTelnyxWebhook: message.received', () => {
  it('reads from, to, text, media with content types and received_at', () => {
    const parsed = parse(telnyxInboundEvent('Photo', { messageId: 'in-1', media: [{ url: 'https://media.telnyx.com/a.jpg', content_type: 'image/jpeg', size: 1 }, { url: '' }, { url: 'https://media.telnyx.com/b' }] }));
    expect(parsed).toEqual({
      kind: 'inbound',
      dedupeKey: 'inbound:in-1',
      providerMessageId: 'in-1',
      from: RECIPIENT,
      to: OURS,
      body: 'Photo',
      media: [
        { url: 'https://media.telnyx.com/a.jpg', contentType: 'image/jpeg' },
        { url: 'https://media.telnyx.com/b', contentType: null },
      ],
      receivedAt: '2025-12-31T23:59:59.000Z',
      providerOptOut: null,
    });
  });

  it('takes `to` as a plain string too', () => {
    const event = telnyxInboundEvent('Hi');
    (event.data as { payload: Record<string, unknown> }).payload.to = OURS;
    expect(parse(event)).toMatchObject({ kind: 'inbound', to: OURS });
  });
});

describe('parseTelnyxWebhook: malformed payloads', () => {
  it.each([
    ['not JSON', '{"data":'],
    ['JSON but not an object', '[1,2]'],
    ['no event_type', '{"data":{"payload":{"id":"m"}}}'],
    ['no payload id', '{"data":{"event_type":"message.finalized","payload":{"to":[{"status":"delivered"}]}}}'],
    ['a finalized event without status', '{"data":{"event_type":"message.finalized","payload":{"id":"m","to":[]}}}'],
    ['an inbound message without from', '{"data":{"event_type":"message.received","payload":{"id":"m","to":[{"phone_number":"+14155550100"}]}}}'],
  ])('%s', (_name, body) => {
    expect(parseTelnyxWebhook(body).kind).toBe('malformed');
  });
});
