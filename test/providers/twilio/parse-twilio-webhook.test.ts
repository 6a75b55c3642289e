import { describe, expect, it } from 'vitest';
import { parseFormParams } from '../../../src/providers/kit/parse-form-params';
import { parseTwilioWebhook } from '../../../src/providers/twilio/parse-twilio-webhook';
import { formBody, OURS, RECIPIENT, TWILIO_SID, twilioInbound, twilioStatus } from '../../webhooks/support/webhook-fixtures';

describe('parseFormParams', () => {
  it('decodes + and %XX, keeps repeated names as a list, and has no prototype', () => {
    const params = parseFormParams('Body=Hi+there%21&MediaUrl=a&MediaUrl=b&__proto__=x&constructor=y');
    expect(Object.entries(params)).toEqual([
      ['Body', 'Hi there!'],
      ['MediaUrl', ['a', 'b']],
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    expect(Object.getPrototypeOf(params)).toBeNull();
  });
});

describe('parseTwilioWebhook: status callbacks', () => {
  it('normalises the status and classifies ErrorCode with the pure tables', () => {
    const parsed = parseTwilioWebhook(parseFormParams(formBody(twilioStatus('undelivered', { ErrorCode: '30003' }))));
    expect(parsed).toMatchObject({
      kind: 'status',
      providerMessageId: TWILIO_SID,
      providerStatus: 'undelivered',
      status: 'undelivered',
      errorCode: '30003',
      from: OURS,
      to: RECIPIENT,
      dedupeKey: `status:${TWILIO_SID}:undelivered:30003`,
    });
    expect(parsed.kind === 'status' && parsed.error).toMatchObject({ provider: 'twilio', providerCode: '30003', code: 'PROVIDER_ERROR' });
  });

  it('classifies 21610 as OPTED_OUT and maps every Twilio status through mapTwilioStatus', () => {
    expect(parseTwilioWebhook(twilioStatus('failed', { ErrorCode: '21610' }))).toMatchObject({ status: 'failed', error: { reason: 'OPTED_OUT' } });
    expect(parseTwilioWebhook(twilioStatus('accepted'))).toMatchObject({ status: 'queued', error: null, errorCode: null });
    expect(parseTwilioWebhook(twilioStatus('partially_delivered'))).toMatchObject({ status: 'sent' });
    expect(parseTwilioWebhook(twilioStatus('brand-new-status'))).toMatchObject({ kind: 'status', status: 'unknown' });
  });

  it('keys duplicates on the signed content, not on a header', () => {
    const first = parseTwilioWebhook(twilioStatus('delivered'));
    const again = parseTwilioWebhook(twilioStatus('Delivered', { ErrorCode: '' }));
    expect(first.kind === 'status' && first.dedupeKey).toBe(again.kind === 'status' && again.dedupeKey);
  });
});

describe('parseTwilioWebhook: inbound messages', () => {
  it('reads From, To, Body and the media with their content types', () => {
    const parsed = parseTwilioWebhook(
      twilioInbound('Look 📷', { NumMedia: '2', MediaUrl0: 'https://api.twilio.com/m/ME1', MediaContentType0: 'image/jpeg', MediaUrl1: 'https://api.twilio.com/m/ME2', MediaContentType1: '' }),
    );
    expect(parsed).toEqual({
      kind: 'inbound',
      dedupeKey: 'inbound:SM11111111111111111111111111111111',
      providerMessageId: 'SM11111111111111111111111111111111',
      from: RECIPIENT,
      to: OURS,
      body: 'Look 📷',
      media: [
        { url: 'https://api.twilio.com/m/ME1', contentType: 'image/jpeg' },
        { url: 'https://api.twilio.com/m/ME2', contentType: null },
      ],
      receivedAt: null,
      providerOptOut: null,
    });
  });

  it('reads a Body without any status as inbound, and caps media at 10', () => {
    const params: Record<string, string> = { MessageSid: 'SM2', From: RECIPIENT, To: OURS, Body: '', NumMedia: '99' };
    for (let index = 0; index < 12; index += 1) params[`MediaUrl${index}`] = `https://m/${index}`;
    const parsed = parseTwilioWebhook(params);
    expect(parsed).toMatchObject({ kind: 'inbound', body: '' });
    expect(parsed.kind === 'inbound' && parsed.media).toHaveLength(10);
  });

  it("takes Twilio Advanced Opt-Out's OptOutType", () => {
    expect(parseTwilioWebhook(twilioInbound('arrêt', { OptOutType: 'STOP' }))).toMatchObject({ providerOptOut: { action: 'opt-out', keyword: 'STOP' } });
    expect(parseTwilioWebhook(twilioInbound('go', { OptOutType: 'start' }))).toMatchObject({ providerOptOut: { action: 'opt-in', keyword: 'START' } });
    expect(parseTwilioWebhook(twilioInbound('?', { OptOutType: 'WHATEVER' }))).toMatchObject({ providerOptOut: null });
  });
});

describe('parseTwilioWebhook: malformed payloads', () => {
  it.each([
    ['no MessageSid', { MessageStatus: 'sent' }],
    ['a MessageSid with spaces', { MessageSid: 'SM 1', MessageStatus: 'sent' }],
    ['neither status nor body', { MessageSid: 'SM1', From: OURS }],
    ['an inbound message without From', { MessageSid: 'SM1', SmsStatus: 'received', To: OURS, Body: 'x' }],
    ['an empty status', { MessageSid: 'SM1', MessageStatus: '' }],
    ['an oversized ErrorCode', { MessageSid: 'SM1', MessageStatus: 'failed', ErrorCode: '9'.repeat(40) }],
  ])('%s', (_name, params) => {
    expect(parseTwilioWebhook(params).kind).toBe('malformed');
  });
});
