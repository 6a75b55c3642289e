import { describe, expect, it } from 'vitest';
import { toTelnyxProviderMessage } from '../../../src/providers/telnyx/to-telnyx-provider-message';

const id = '40385f64-5717-4562-b3fc-2c963f66afa6';
const outbound = {
  id,
  record_type: 'message',
  direction: 'outbound',
  to: [{ phone_number: '+14155552671', status: 'delivered', carrier: 'T-MOBILE' }],
  from: { phone_number: '+14155550100' },
  text: 'Your order shipped',
  received_at: '2026-12-07T10:00:01.123+00:00',
  errors: [],
};

describe('toTelnyxProviderMessage', () => {
  it('maps an outbound message payload: the first recipient, its status, text, received_at', () => {
    expect(toTelnyxProviderMessage({ data: outbound })).toEqual({
      providerMessageId: id,
      status: 'delivered',
      to: '+14155552671',
      from: '+14155550100',
      body: 'Your order shipped',
      createdAt: '2026-12-07T10:00:01.123Z',
      providerCode: null,
    });
  });

  it('is undefined without data or a data.id', () => {
    expect(toTelnyxProviderMessage(undefined)).toBeUndefined();
    expect(toTelnyxProviderMessage(null)).toBeUndefined();
    expect(toTelnyxProviderMessage({})).toBeUndefined();
    expect(toTelnyxProviderMessage({ data: null })).toBeUndefined();
    expect(toTelnyxProviderMessage({ data: { ...outbound, id: '' } })).toBeUndefined();
    expect(toTelnyxProviderMessage({ data: { ...outbound, id: 7 } })).toBeUndefined();
  });

  it.each([
    ['queued', 'queued'],
    ['scheduled', 'queued'],
    ['delivery_unconfirmed', 'sent'],
    ['delivery_failed', 'undelivered'],
    ['sending_failed', 'failed'],
    ['expired', 'failed'],
    ['Delivered', 'delivered'],
    ['something_new', 'unknown'],
  ])('maps recipient status %s to %s', (status, expected) => {
    expect(toTelnyxProviderMessage({ data: { ...outbound, to: [{ phone_number: '+14155552671', status }] } })?.status).toBe(expected);
  });

  it('takes the first error with a code as the provider code', () => {
    const failed = { ...outbound, to: [{ phone_number: '+14155552671', status: 'delivery_failed' }], errors: [null, { code: '' }, { code: '40300', title: 'Blocked' }, { code: '40001' }] };
    expect(toTelnyxProviderMessage({ data: failed })).toMatchObject({ status: 'undelivered', providerCode: '40300' });
    expect(toTelnyxProviderMessage({ data: { ...outbound, errors: null } })?.providerCode).toBeNull();
  });

  it('reads an inbound payload, whose to and from are plain strings', () => {
    expect(toTelnyxProviderMessage({ data: { id, direction: 'inbound', to: '+14155550100', from: '+14155552671', text: 'STOP' } })).toEqual({
      providerMessageId: id,
      status: 'unknown',
      to: '+14155550100',
      from: '+14155552671',
      body: 'STOP',
      createdAt: null,
      providerCode: null,
    });
  });

  it('reads missing or unusable fields as empty, null or unknown', () => {
    expect(toTelnyxProviderMessage({ data: { id } })).toEqual({ providerMessageId: id, status: 'unknown', to: '', from: null, body: null, createdAt: null, providerCode: null });
    expect(toTelnyxProviderMessage({ data: { ...outbound, to: [], from: { phone_number: '' }, text: 5, received_at: 'yesterday' } })).toMatchObject({ to: '', status: 'unknown', from: null, body: null, createdAt: null });
    expect(toTelnyxProviderMessage({ data: { ...outbound, from: null } })?.from).toBeNull();
  });
});
