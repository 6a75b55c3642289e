import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { mapTwilioError } from '../../src/providers/twilio/map-twilio-error';
import type { MessageRecord } from '../../src/store/message-record';
import { updateRecordStatus } from '../../src/store/update-record-status';

function record(overrides: Partial<MessageRecord>): MessageRecord {
  return {
    id: 'message-1',
    tenantId: 'org-1',
    direction: 'outbound',
    from: '+14155550100',
    to: '+14155552671',
    body: 'Hello',
    mediaUrls: [],
    provider: 'twilio',
    providerMessageId: 'SM1',
    status: 'queued',
    errorCode: null,
    errorReason: null,
    errorMessage: null,
    providerCode: null,
    cost: '0.0075',
    currency: 'USD',
    segments: 1,
    encoding: 'GSM-7',
    metadata: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    sentAt: '2026-01-01T00:00:00.000Z',
    deliveredAt: null,
    attempts: 1,
    idempotencyKey: null,
    statusChangedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const at = Date.UTC(2026, 0, 1, 0, 0, 5);

describe('updateRecordStatus', () => {
  it('settles a send whose outcome was unknown: status, provider and provider id come from the callback, the timeout error goes', () => {
    const unknown = record({ status: 'unknown', provider: 'twilio', providerMessageId: null, errorCode: 'TIMEOUT', errorReason: 'RESPONSE_TIMEOUT', errorMessage: 'no answer', sentAt: null });
    expect(updateRecordStatus(unknown, { provider: 'twilio', providerMessageId: 'SM9', status: 'delivered', error: null, at })).toEqual({
      ...unknown,
      status: 'delivered',
      providerMessageId: 'SM9',
      errorCode: null,
      errorReason: null,
      errorMessage: null,
      sentAt: '2026-01-01T00:00:05.000Z',
      deliveredAt: '2026-01-01T00:00:05.000Z',
      statusChangedAt: '2026-01-01T00:00:05.000Z',
    });
  });

  it('records a failure with its taxonomy error, and clears it when a late delivered wins', () => {
    const error = mapTwilioError({ code: '30003' });
    const failed = updateRecordStatus(record({ status: 'sent' }), { provider: 'twilio', providerMessageId: 'SM1', status: 'undelivered', error, at });
    expect(failed).toMatchObject({ status: 'undelivered', errorCode: error.code, errorReason: error.reason, errorMessage: error.message, deliveredAt: null });
    const delivered = updateRecordStatus(failed as MessageRecord, { provider: 'twilio', providerMessageId: 'SM1', status: 'delivered', error: null, at: at + 1000 });
    expect(delivered).toMatchObject({ status: 'delivered', errorCode: null, errorReason: null, errorMessage: null, deliveredAt: '2026-01-01T00:00:06.000Z' });
  });

  it('keeps the recorded provider id, and sets sentAt only once a message left the provider', () => {
    const queued = record({ sentAt: null });
    expect(updateRecordStatus(queued, { provider: 'twilio', providerMessageId: 'SM-other', status: 'sending', error: null, at })).toMatchObject({ providerMessageId: 'SM1', sentAt: null });
    expect(updateRecordStatus(queued, { provider: 'twilio', providerMessageId: 'SM1', status: 'failed', error: null, at })).toMatchObject({ status: 'failed', sentAt: null, errorCode: null });
    expect(updateRecordStatus(queued, { provider: 'twilio', providerMessageId: 'SM1', status: 'sent', error: null, at })?.sentAt).toBe('2026-01-01T00:00:05.000Z');
  });

  it('returns undefined for a stale, repeated or inbound update', () => {
    expect(updateRecordStatus(record({ status: 'delivered' }), { provider: 'twilio', providerMessageId: 'SM1', status: 'sent', error: null, at })).toBeUndefined();
    expect(updateRecordStatus(record({ status: 'sent' }), { provider: 'twilio', providerMessageId: 'SM1', status: 'sent', error: null, at })).toBeUndefined();
    expect(updateRecordStatus(record({ direction: 'inbound', status: 'received' }), { provider: 'twilio', providerMessageId: 'SM1', status: 'delivered', error: null, at })).toBeUndefined();
  });

  it("records the provider's own code of a failure, and clears it when the status moves on", () => {
    const error = mapTwilioError({ code: '30003' });
    expect(error.providerCode).toBe('30003');
    const undelivered = updateRecordStatus(record({ status: 'sent' }), { provider: 'twilio', providerMessageId: 'SM1', status: 'undelivered', error, at });
    expect(undelivered?.providerCode).toBe('30003');
    const delivered = updateRecordStatus(undelivered as MessageRecord, { provider: 'twilio', providerMessageId: 'SM1', status: 'delivered', error: null, at: at + 1000 });
    expect(delivered?.providerCode).toBeNull();
  });

  it('keeps no provider code for a failure without one, nor for a status that is not a failure', () => {
    const error = mapTwilioError({ code: '30003' });
    const withoutCode = new SmsError({ code: error.code, reason: error.reason, message: error.message });
    expect(updateRecordStatus(record({ status: 'sent' }), { provider: 'twilio', providerMessageId: 'SM1', status: 'failed', error: withoutCode, at })?.providerCode).toBeNull();
    expect(updateRecordStatus(record({ status: 'queued', providerCode: '21610' }), { provider: 'twilio', providerMessageId: 'SM1', status: 'sent', error, at })).toMatchObject({ providerCode: null, errorCode: null });
  });

  it('sets statusChangedAt to the time of every update that moves the status, and only then', () => {
    const queued = record({ sentAt: null, statusChangedAt: '2026-01-01T00:00:00.000Z' });
    const sent = updateRecordStatus(queued, { provider: 'twilio', providerMessageId: 'SM1', status: 'sent', error: null, at }) as MessageRecord;
    expect(sent).toMatchObject({ statusChangedAt: '2026-01-01T00:00:05.000Z', sentAt: '2026-01-01T00:00:05.000Z' });
    const delivered = updateRecordStatus(sent, { provider: 'twilio', providerMessageId: 'SM1', status: 'delivered', error: null, at: at + 60_000 }) as MessageRecord;
    expect(delivered).toMatchObject({ statusChangedAt: '2026-01-01T00:01:05.000Z', sentAt: '2026-01-01T00:00:05.000Z', deliveredAt: '2026-01-01T00:01:05.000Z' });
    expect(updateRecordStatus(delivered, { provider: 'twilio', providerMessageId: 'SM1', status: 'sent', error: null, at: at + 120_000 })).toBeUndefined();
  });

  it('takes the provider from the callback when it settles an unknown outcome, and keeps it otherwise', () => {
    const unknown = record({ status: 'unknown', provider: 'twilio', providerMessageId: null });
    expect(updateRecordStatus(unknown, { provider: 'telnyx', providerMessageId: 'T-1', status: 'sent', error: null, at })).toMatchObject({ provider: 'telnyx', providerMessageId: 'T-1' });
    expect(updateRecordStatus(record({ status: 'queued' }), { provider: 'telnyx', providerMessageId: 'T-1', status: 'sent', error: null, at })).toMatchObject({ provider: 'twilio', providerMessageId: 'SM1' });
  });
});
