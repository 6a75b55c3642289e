import { describe, expect, it } from 'vitest';
import { mergeSendOutcome } from '../../src/service/merge-send-outcome';
import { buildMessageRecord, buildQueuedRecord } from '../../src/service/build-message-record';
import { calculateSegments } from '../../src/segments/calculate-segments';
import type { ValidatedSendRequest } from '../../src/messages/send-request';

const request: ValidatedSendRequest = { to: '+14155552671', country: 'US', from: '+14155550199', body: 'Hi', mediaUrls: [], tenantId: undefined, idempotencyKey: undefined, correlationId: undefined, validityPeriodSeconds: undefined, sendAt: undefined, metadata: {} };
const base = { messageId: 'msg-1', request, analysis: calculateSegments('Hi'), createdAt: Date.UTC(2026, 11, 7), finishedAt: Date.UTC(2026, 11, 7, 0, 0, 1), attempts: [] };
const queued = buildQueuedRecord(base);
const sent = buildMessageRecord({ ...base, outcome: { accepted: { providerMessageId: 'SM1', status: 'sent' }, provider: 'twilio', cost: { amount: '0.0075', currency: 'USD', micros: 7500 } } });

describe('mergeSendOutcome', () => {
  it('takes the send outcome over the write-ahead record', () => {
    expect(queued.status).toBe('queued');
    expect(mergeSendOutcome(queued, sent)).toEqual(sent);
  });

  it('keeps a status, delivery time and error a webhook advanced first, with the send fields', () => {
    const delivered = { ...queued, status: 'delivered' as const, deliveredAt: '2026-12-07T00:00:05.000Z', statusChangedAt: '2026-12-07T00:00:05.000Z' };
    expect(mergeSendOutcome(delivered, sent)).toEqual({ ...sent, status: 'delivered', deliveredAt: '2026-12-07T00:00:05.000Z', statusChangedAt: '2026-12-07T00:00:05.000Z' });
    const failed = { ...queued, status: 'failed' as const, errorCode: 'PROVIDER_ERROR', errorReason: 'UNDELIVERABLE', errorMessage: 'carrier said no' };
    expect(mergeSendOutcome(failed, sent)).toMatchObject({ status: 'failed', errorReason: 'UNDELIVERABLE', providerMessageId: 'SM1', cost: '0.0075' });
  });

  it('keeps the change time of a status that did not change', () => {
    const sentEarlier = { ...sent, statusChangedAt: '2026-12-07T00:00:00.500Z', cost: null };
    expect(mergeSendOutcome(sentEarlier, sent)).toEqual({ ...sent, statusChangedAt: '2026-12-07T00:00:00.500Z' });
  });

  it('changes nothing when the stored record is the outcome already', () => {
    expect(mergeSendOutcome(sent, sent)).toBeUndefined();
  });
});
