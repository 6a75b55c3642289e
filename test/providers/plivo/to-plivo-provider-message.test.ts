import { describe, expect, it } from 'vitest';
import { parsePlivoTime, toPlivoProviderMessage } from '../../../src/providers/plivo/to-plivo-provider-message';

describe('parsePlivoTime', () => {
  it('reads the documented forms as ISO 8601 UTC', () => {
    expect(parsePlivoTime('2021-07-13 13:04:06.799021+05:30')).toBe('2021-07-13T07:34:06.799Z');
    expect(parsePlivoTime('2016-08-17 21:22:36+05:30')).toBe('2016-08-17T15:52:36.000Z');
    expect(parsePlivoTime('2021-07-13 13:04:06.799021')).toBe('2021-07-13T13:04:06.799Z');
    expect(parsePlivoTime('2021-07-13 13:04:06-0700')).toBe('2021-07-13T20:04:06.000Z');
  });

  it('gives null for what it cannot read', () => {
    expect(parsePlivoTime(undefined)).toBeNull();
    expect(parsePlivoTime('yesterday')).toBeNull();
    expect(parsePlivoTime('2021-13-45 99:99:99')).toBeNull();
  });
});

describe('toPlivoProviderMessage', () => {
  it('needs a message_uuid, maps unknown states to unknown and keeps short codes and sender ids', () => {
    expect(toPlivoProviderMessage({ messageState: 'delivered' })).toBeUndefined();
    expect(toPlivoProviderMessage({ messageUuid: 'u1', messageState: 'something-new', toNumber: '12401234567', fromNumber: 'Ocelot', errorCode: '' })).toEqual({
      providerMessageId: 'u1',
      status: 'unknown',
      to: '+12401234567',
      from: 'Ocelot',
      body: null,
      createdAt: null,
      providerCode: null,
    });
    expect(toPlivoProviderMessage({ messageUuid: 'u2', messageState: 'rejected', fromNumber: '12345', errorCode: 30 })).toMatchObject({ status: 'undelivered', from: '12345', providerCode: '30' });
  });
});
