import { describe, expect, it } from 'vitest';
import { toTelnyxRecordMessage } from '../../../src/providers/telnyx/to-telnyx-record-message';

const uuid = '40385f64-5717-4562-b3fc-2c963f66afa6';
const record = { record_type: 'message_detail_record', uuid, cld: '+14155552671', cli: '+14155550100', created_at: '2026-12-07T10:00:01Z', status: 'delivered', errors: [] };

describe('toTelnyxRecordMessage', () => {
  it('maps a message detail record, with no body', () => {
    expect(toTelnyxRecordMessage(record)).toEqual({ providerMessageId: uuid, status: 'delivered', to: '+14155552671', from: '+14155550100', body: null, createdAt: '2026-12-07T10:00:01.000Z', providerCode: null });
  });

  it('is undefined for what is not a record with a uuid', () => {
    for (const value of [undefined, null, 'record', 42, {}, { ...record, uuid: '' }, { ...record, uuid: 1 }]) expect(toTelnyxRecordMessage(value)).toBeUndefined();
  });

  it.each([
    ['delivered', 'delivered'],
    ['dlr_unconfirmed', 'sent'],
    ['dlr_timeout', 'sent'],
    ['gw_reject', 'failed'],
    ['failed', 'failed'],
    ['received', 'received'],
    [' GW_REJECT ', 'failed'],
    ['gw_timeout', 'unknown'],
    ['sending', 'unknown'],
    ['toString', 'unknown'],
    ['constructor', 'unknown'],
  ])('maps record status %o to %s, cautiously', (status, expected) => {
    expect(toTelnyxRecordMessage({ ...record, status })?.status).toBe(expected);
  });

  it('is unknown without a status string', () => {
    expect(toTelnyxRecordMessage({ ...record, status: undefined })?.status).toBe('unknown');
    expect(toTelnyxRecordMessage({ ...record, status: 3 })?.status).toBe('unknown');
  });

  it('takes the first non-empty string of errors as the provider code', () => {
    expect(toTelnyxRecordMessage({ ...record, status: 'failed', errors: ['', 7, '40008', '40300'] })?.providerCode).toBe('40008');
    expect(toTelnyxRecordMessage({ ...record, errors: 'nope' })?.providerCode).toBeNull();
    expect(toTelnyxRecordMessage({ ...record, errors: [{ code: '40008' }] })?.providerCode).toBeNull();
  });

  it('reads missing or unusable fields as empty or null', () => {
    expect(toTelnyxRecordMessage({ uuid })).toEqual({ providerMessageId: uuid, status: 'unknown', to: '', from: null, body: null, createdAt: null, providerCode: null });
    expect(toTelnyxRecordMessage({ ...record, cld: 1, cli: '', created_at: 'not a time' })).toMatchObject({ to: '', from: null, createdAt: null });
  });
});
