import { describe, expect, it } from 'vitest';
import { mapTwilioError } from '../../src/providers/twilio/map-twilio-error';
import { MESSAGE_STATUSES, type MessageStatus } from '../../src/messages/message-status';
import type { MessageRecord } from '../../src/store/message-record';
import { applyStatusTransition, STATUS_RANK } from '../../src/messages/apply-status-transition';
import { updateRecordStatus } from '../../src/store/update-record-status';

describe('applyStatusTransition', () => {
  // The whole table, written out: rows are the stored status, columns the callback's.
  const columns: MessageStatus[] = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'received', 'unknown'];
  const table: Record<MessageStatus, string> = {
    //            queued    sending   sent      delivered undeliv.  failed    received  unknown
    unknown: '    advance   advance   advance   advance   advance   advance   ignore    ignore',
    queued: '     same      advance   advance   advance   advance   advance   ignore    ignore',
    sending: '    stale     same      advance   advance   advance   advance   ignore    ignore',
    sent: '       stale     stale     same      advance   advance   advance   ignore    ignore',
    undelivered: 'stale     stale     stale     advance   same      stale     ignore    ignore',
    failed: '     stale     stale     stale     advance   stale     same      ignore    ignore',
    delivered: '  stale     stale     stale     same      stale     stale     ignore    ignore',
    received: '   ignore    ignore    ignore    ignore    ignore    ignore    ignore    ignore',
  };

  it('covers every status', () => {
    expect(Object.keys(table).sort()).toEqual([...MESSAGE_STATUSES].sort());
    expect(Object.keys(STATUS_RANK).sort()).toEqual([...MESSAGE_STATUSES].sort());
  });

  for (const [current, row] of Object.entries(table) as [MessageStatus, string][]) {
    const expected = row.trim().split(/\s+/);
    it(`from ${current}: ${expected.join(' ')}`, () => {
      expect(columns.map((incoming) => applyStatusTransition(current, incoming))).toEqual(expected);
    });
  }

  it('never leaves delivered, whatever arrives in whatever order', () => {
    const orders: MessageStatus[][] = [
      ['queued', 'sent', 'delivered', 'sent', 'queued', 'failed', 'undelivered'],
      ['delivered', 'queued', 'sending', 'sent'],
      ['failed', 'delivered', 'undelivered'],
    ];
    for (const order of orders) {
      let status: MessageStatus = 'unknown';
      for (const incoming of order) if (applyStatusTransition(status, incoming) === 'advance') status = incoming;
      expect(status).toBe('delivered');
    }
  });
});

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
});
