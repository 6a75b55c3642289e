import { describe, expect, it } from 'vitest';
import { conversationOf } from '../../src/store/conversation';
import type { MessageRecord } from '../../src/store/message-record';

function record(overrides: Partial<MessageRecord>): MessageRecord {
  return {
    id: 'm1', tenantId: null, direction: 'outbound', from: '+14155550100', to: '+14155552671', body: 'x', mediaUrls: [],
    provider: 'twilio', providerMessageId: null, status: 'queued', errorCode: null, errorReason: null, errorMessage: null,
    providerCode: null, cost: null, currency: null, segments: 1, encoding: 'GSM-7', metadata: {}, attempts: 0,
    idempotencyKey: null, createdAt: '2026-12-07T10:00:00.000Z', sentAt: null, deliveredAt: null, statusChangedAt: '2026-12-07T10:00:00.000Z',
    ...overrides,
  };
}

describe('conversationOf', () => {
  it('reads an outbound record as from = our number, to = the contact', () => {
    expect(conversationOf(record({ direction: 'outbound', from: '+14155550100', to: '+14155552671' }))).toEqual({ ourNumber: '+14155550100', contactNumber: '+14155552671' });
  });

  it('reads an inbound record the other way round: to = our number, from = the contact', () => {
    expect(conversationOf(record({ direction: 'inbound', from: '+14155552671', to: '+14155550100' }))).toEqual({ ourNumber: '+14155550100', contactNumber: '+14155552671' });
  });

  it('puts both directions of one exchange in the same conversation', () => {
    const sent = conversationOf(record({ direction: 'outbound', from: '+14155550100', to: '+14155552671' }));
    const reply = conversationOf(record({ direction: 'inbound', from: '+14155552671', to: '+14155550100' }));
    expect(reply).toEqual(sent);
  });

  it('keeps a null sender (the provider chose it) as a null number of ours', () => {
    expect(conversationOf(record({ direction: 'outbound', from: null, to: '+14155552671' }))).toEqual({ ourNumber: null, contactNumber: '+14155552671' });
  });

  it('gives an inbound record without a sender a null contact', () => {
    expect(conversationOf(record({ direction: 'inbound', from: null, to: '+14155550100' }))).toEqual({ ourNumber: '+14155550100', contactNumber: null });
  });
});
