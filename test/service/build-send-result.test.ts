import { describe, expect, it } from 'vitest';
import { calculateSegments } from '../../src/segments/calculate-segments';
import { buildSendResult } from '../../src/service/build-send-result';
import { validatedRequest } from '../support/validated-request';

const attempts = [{ provider: 'twilio', outcome: 'sent' as const, errorCode: null, errorReason: null, providerCode: null, durationMs: 12 }];
const cost = { currency: 'USD', amount: '0.0079', micros: 7900 };

describe('buildSendResult', () => {
  it('builds the result of an accepted send', () => {
    const result = buildSendResult({
      messageId: 'm-1',
      request: validatedRequest({ tenantId: 'org-1', correlationId: 'req-9', from: '+14155550100' }),
      analysis: calculateSegments('Hi'),
      createdAt: Date.UTC(2026, 0, 1),
      finishedAt: Date.UTC(2026, 0, 1, 0, 0, 1),
      attempts,
      outcome: { accepted: { providerMessageId: 'SM1', status: 'queued', from: '+14155550111' }, provider: 'twilio', cost },
    });
    expect(result).toEqual({
      id: 'm-1',
      status: 'queued',
      provider: 'twilio',
      providerMessageId: 'SM1',
      to: '+14155552671',
      from: '+14155550111',
      segments: 1,
      encoding: 'GSM-7',
      units: 2,
      cost,
      attempts,
      tenantId: 'org-1',
      correlationId: 'req-9',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('falls back to the request sender, then null, and to the message id as correlation id', () => {
    const facts = { messageId: 'm-2', analysis: calculateSegments('Hi'), createdAt: 0, finishedAt: 0, attempts: [] };
    const outcome = { accepted: { providerMessageId: 'SM2', status: 'sent' as const }, provider: 'telnyx', cost: null };
    const withFrom = buildSendResult({ ...facts, request: validatedRequest({ from: '12345' }), outcome });
    expect(withFrom).toMatchObject({ from: '12345', correlationId: 'm-2', tenantId: null, cost: null, status: 'sent' });
    expect(buildSendResult({ ...facts, request: validatedRequest(), outcome }).from).toBeNull();
  });
});
