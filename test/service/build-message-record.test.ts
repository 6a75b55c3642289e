import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import type { ValidatedSendRequest } from '../../src/messages/send-request';
import { calculateSegments } from '../../src/segments/calculate-segments';
import { money } from '../../src/segments/money';
import { buildMessageRecord, buildQueuedRecord } from '../../src/service/build-message-record';

const request: ValidatedSendRequest = {
  to: '+14155552671', country: 'US', from: '+14155550100', body: 'Your code is 482913', mediaUrls: [], tenantId: 'org-1', idempotencyKey: 'order-42',
  correlationId: undefined, validityPeriodSeconds: undefined, sendAt: undefined, metadata: { campaignId: 'spring' },
};
const base = { messageId: '6f1c2a9e-0b4d-4c8e-9a71-3d5e7f901b2c', request, analysis: calculateSegments(request.body), createdAt: Date.UTC(2026, 11, 7, 10), finishedAt: Date.UTC(2026, 11, 7, 10, 0, 1) };
const attempt = (outcome: 'sent' | 'not_sent' | 'unknown', providerCode: string | null = null) => ({ provider: 'twilio', outcome, errorCode: outcome === 'sent' ? null : 'PROVIDER_ERROR', errorReason: null, providerCode, durationMs: 40 });

describe('buildQueuedRecord', () => {
  it('is the write-ahead record: queued, no provider, no attempts, changed at creation', () => {
    expect(buildQueuedRecord(base)).toMatchObject({
      id: base.messageId, status: 'queued', provider: null, providerMessageId: null, attempts: 0, idempotencyKey: 'order-42', tenantId: 'org-1',
      createdAt: '2026-12-07T10:00:00.000Z', statusChangedAt: '2026-12-07T10:00:00.000Z', sentAt: null, segments: 1, encoding: 'GSM-7', cost: null,
    });
  });
});

describe('buildMessageRecord', () => {
  it('records an accepted send: provider, id, the sender used, exact money, attempts, sent and changed at the end', () => {
    const record = buildMessageRecord({
      ...base,
      attempts: [attempt('not_sent', '20429'), attempt('sent')],
      outcome: { accepted: { providerMessageId: 'SM1', status: 'queued', from: '+14155550111' }, provider: 'twilio', cost: money(7_500, 'USD') },
    });
    expect(record).toMatchObject({ provider: 'twilio', providerMessageId: 'SM1', from: '+14155550111', status: 'queued', cost: '0.0075', currency: 'USD', attempts: 2, providerCode: null, sentAt: '2026-12-07T10:00:01.000Z', statusChangedAt: '2026-12-07T10:00:01.000Z', metadata: { campaignId: 'spring' } });
  });

  it('records a refusal as failed with the taxonomy error and the provider code', () => {
    const error = new SmsError({ code: 'PROVIDER_ERROR', reason: 'OPTED_OUT', message: 'Twilio: the recipient opted out.', provider: 'twilio', providerCode: '21610', retryable: false });
    const record = buildMessageRecord({ ...base, attempts: [attempt('not_sent', '21610')], outcome: { error } });
    expect(record).toMatchObject({ status: 'failed', provider: 'twilio', errorCode: 'PROVIDER_ERROR', errorReason: 'OPTED_OUT', providerCode: '21610', attempts: 1, sentAt: null, cost: null });
  });

  it('records a send the provider may have accepted as unknown, waiting for its provider id', () => {
    const error = new SmsError({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', message: 'Twilio: no answer in time.', provider: 'twilio', retryable: false, outcomeUnknown: true });
    expect(buildMessageRecord({ ...base, attempts: [attempt('unknown')], outcome: { error } })).toMatchObject({ status: 'unknown', providerMessageId: null, errorReason: 'RESPONSE_TIMEOUT', attempts: 1 });
  });

  it('records no idempotency key when the request had none', () => {
    expect(buildQueuedRecord({ ...base, request: { ...request, idempotencyKey: undefined, tenantId: undefined } })).toMatchObject({ idempotencyKey: null, tenantId: null });
  });
});
