import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { buildVonageMessageParams, VONAGE_MAX_CLIENT_REF_LENGTH, VONAGE_MAX_MEDIA_URLS } from '../../../src/providers/vonage/build-vonage-message-params';
import type { ResolvedVonageSettings } from '../../../src/providers/vonage/parse-vonage-settings';
import { API_KEY, API_SECRET, FROM, sendRequest } from './support/vonage-fixtures';

const settings: ResolvedVonageSettings = {
  credentials: { kind: 'basic', apiKey: API_KEY, apiSecret: API_SECRET },
  signatureSecret: undefined,
  from: FROM,
  baseUrl: 'https://api.nexmo.com',
  timeoutMs: 10_000,
};

function refusal(overrides: Parameters<typeof sendRequest>[0]): ValidationError {
  try {
    buildVonageMessageParams(sendRequest(overrides), settings);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('buildVonageMessageParams', () => {
  it('builds an SMS with digits-only numbers and the message id as client_ref', () => {
    expect(buildVonageMessageParams(sendRequest(), settings)).toEqual({
      channel: 'sms',
      message_type: 'text',
      to: '14155552671',
      from: '14155550199',
      client_ref: 'msg_01HZX4K8Q2',
      text: 'Your code is 482913',
    });
  });

  it("keeps an alphanumeric request sender and rounds the validity period up into ttl", () => {
    expect(buildVonageMessageParams(sendRequest({ from: 'Ocelot', validityPeriodSeconds: 59.2 }), settings)).toMatchObject({ from: 'Ocelot', ttl: 60 });
  });

  it('sends one image to a US or Canadian number as an MMS with the text as caption', () => {
    expect(buildVonageMessageParams(sendRequest({ mediaUrls: ['https://cdn.example.com/a.jpg'] }), settings)).toEqual({
      channel: 'mms',
      message_type: 'image',
      to: '14155552671',
      from: '14155550199',
      client_ref: 'msg_01HZX4K8Q2',
      image: { url: 'https://cdn.example.com/a.jpg', caption: 'Your code is 482913' },
    });
    expect(buildVonageMessageParams(sendRequest({ to: '+16135550123', body: '', mediaUrls: ['https://cdn.example.com/a.jpg'] }), settings)).toMatchObject({
      channel: 'mms',
      image: { url: 'https://cdn.example.com/a.jpg' },
    });
  });

  it('refuses MMS outside the US and Canada, and more than one image', () => {
    const abroad = refusal({ to: '+447400123456', mediaUrls: ['https://cdn.example.com/a.jpg'] });
    expect(abroad.field).toBe('to');
    expect(abroad.reason).toBe('DESTINATION_NOT_PERMITTED');
    expect(VONAGE_MAX_MEDIA_URLS).toBe(1);
    expect(refusal({ mediaUrls: ['a', 'b'] }).message).toContain('has 2 URLs; Vonage accepts at most 1.');
  });

  it('refuses a message id longer than client_ref takes', () => {
    expect(VONAGE_MAX_CLIENT_REF_LENGTH).toBe(100);
    expect(() => buildVonageMessageParams(sendRequest({ messageId: 'm'.repeat(100) }), settings)).not.toThrow();
    const error = refusal({ messageId: 'm'.repeat(101) });
    expect(error.field).toBe('messageId');
    expect(error.message).toContain("has 101 characters; Vonage's client_ref takes at most 100.");
  });

  it('refuses sendAt, which the Messages API cannot schedule', () => {
    const error = refusal({ sendAt: new Date(Date.now() + 60_000) });
    expect(error.field).toBe('sendAt');
    expect(error.reason).toBe('INVALID_SEND_AT');
  });
});
