import { describe, expect, it } from 'vitest';
import { toTwilioProviderMessage } from '../../../src/providers/twilio/to-twilio-provider-message';
import type { TwilioMessageReadLike } from '../../../src/providers/twilio/twilio-client-like';

const message: TwilioMessageReadLike = {
  sid: 'SM1f2c8d3e4b5a69788796a5b4c3d2e1f0',
  status: 'delivered',
  to: '+14155552671',
  from: '+14155550100',
  body: 'Your order shipped',
  direction: 'outbound-api',
  dateCreated: new Date('2026-12-07T10:00:01.000Z'),
  errorCode: null,
};

describe('toTwilioProviderMessage', () => {
  it('maps a Message resource field by field', () => {
    expect(toTwilioProviderMessage(message)).toEqual({
      providerMessageId: 'SM1f2c8d3e4b5a69788796a5b4c3d2e1f0',
      status: 'delivered',
      to: '+14155552671',
      from: '+14155550100',
      body: 'Your order shipped',
      createdAt: '2026-12-07T10:00:01.000Z',
      providerCode: null,
    });
  });

  it('is undefined without a sid', () => {
    expect(toTwilioProviderMessage(undefined)).toBeUndefined();
    expect(toTwilioProviderMessage(null)).toBeUndefined();
    expect(toTwilioProviderMessage({ ...message, sid: '' })).toBeUndefined();
    expect(toTwilioProviderMessage({ ...message, sid: 42 as never })).toBeUndefined();
  });

  it.each([
    ['accepted', 'queued'],
    ['scheduled', 'queued'],
    ['sending', 'sending'],
    ['partially_delivered', 'sent'],
    ['read', 'delivered'],
    ['undelivered', 'undelivered'],
    ['canceled', 'failed'],
    ['something-new', 'unknown'],
  ])('maps status %s to %s through the status table', (status, expected) => {
    expect(toTwilioProviderMessage({ ...message, status })?.status).toBe(expected);
  });

  it('keeps a failure code as a string; no code, null, 0 and an empty string are none', () => {
    expect(toTwilioProviderMessage({ ...message, status: 'undelivered', errorCode: 30003 })?.providerCode).toBe('30003');
    expect(toTwilioProviderMessage({ ...message, errorCode: '30007' })?.providerCode).toBe('30007');
    for (const errorCode of [undefined, null, 0, '']) expect(toTwilioProviderMessage({ ...message, errorCode })?.providerCode).toBeNull();
  });

  it('reads missing or unusable fields as empty, null or unknown rather than failing', () => {
    expect(toTwilioProviderMessage({ sid: 'SM1', status: 'queued' })).toEqual({ providerMessageId: 'SM1', status: 'queued', to: '', from: null, body: null, createdAt: null, providerCode: null });
    expect(toTwilioProviderMessage({ ...message, to: null, from: '', body: null, dateCreated: new Date('not a date') })).toMatchObject({ to: '', from: null, body: null, createdAt: null });
    expect(toTwilioProviderMessage({ ...message, dateCreated: '2026-12-07T10:00:01Z' as never })?.createdAt).toBeNull();
  });

  it('keeps an empty body as the empty string, and an alphanumeric sender', () => {
    expect(toTwilioProviderMessage({ ...message, body: '', from: 'Ocelot' })).toMatchObject({ body: '', from: 'Ocelot' });
  });
});
