import { describe, expect, it } from 'vitest';
import type { ProviderMessageQuery, ProviderSendRequest } from '../../src/providers/provider';
import { createFakeProviderLedger } from '../../src/testing/fake-provider-ledger';

const request: ProviderSendRequest = { messageId: 'm1', to: '+14155552671', from: '+14155550100', body: 'Hi', mediaUrls: [], encoding: 'GSM-7', segments: 1 };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const query = (overrides: Partial<ProviderMessageQuery> = {}): ProviderMessageQuery => ({ to: request.to, createdAfter: new Date(at(0)), createdBefore: new Date(at(60)), body: request.body, limit: 20, ...overrides });

describe('createFakeProviderLedger', () => {
  it('records a message as fetchMessage reports it, with a null sender when the request has none', () => {
    const ledger = createFakeProviderLedger();
    ledger.record(request, 'fake-1', 'queued', at(1));
    ledger.record({ ...request, from: undefined }, 'fake-2', 'sent', at(2));
    expect(ledger.fetch('fake-1')).toEqual({ providerMessageId: 'fake-1', status: 'queued', to: request.to, from: request.from, body: 'Hi', createdAt: at(1), providerCode: null });
    expect(ledger.fetch('fake-2')).toMatchObject({ status: 'sent', from: null });
    expect(ledger.fetch('fake-3')).toBeUndefined();
    expect(ledger.messages.map((message) => message.providerMessageId)).toEqual(['fake-1', 'fake-2']);
  });

  it('hands out copies: changing what fetch or find returned does not change the ledger', () => {
    const ledger = createFakeProviderLedger();
    ledger.record(request, 'fake-1', 'queued', at(1));
    (ledger.fetch('fake-1') as { status: string }).status = 'delivered';
    (ledger.find(query())[0] as { status: string }).status = 'delivered';
    expect(ledger.fetch('fake-1')?.status).toBe('queued');
  });

  it('finds by recipient, by sender when asked, and inside the creation window (both ends included), newest first, at most limit', () => {
    const ledger = createFakeProviderLedger();
    ledger.record(request, 'early', 'queued', at(0));
    ledger.record(request, 'middle', 'queued', at(30));
    ledger.record({ ...request, from: '+14155550199' }, 'other-sender', 'queued', at(31));
    ledger.record({ ...request, to: '+14155559999' }, 'other-recipient', 'queued', at(32));
    ledger.record(request, 'late', 'queued', at(60));
    ledger.record(request, 'too-late', 'queued', at(61));
    const ids = (found: ReturnType<typeof ledger.find>) => found.map((message) => message.providerMessageId);
    expect(ids(ledger.find(query()))).toEqual(['late', 'other-sender', 'middle', 'early']);
    expect(ids(ledger.find(query({ from: request.from })))).toEqual(['late', 'middle', 'early']);
    expect(ids(ledger.find(query({ from: '+14155550199' })))).toEqual(['other-sender']);
    expect(ids(ledger.find(query({ createdAfter: new Date(at(1)), createdBefore: new Date(at(59)) })))).toEqual(['other-sender', 'middle']);
    expect(ids(ledger.find(query({ limit: 2 })))).toEqual(['late', 'other-sender']);
    expect(ledger.find(query({ to: '+14155550000' }))).toEqual([]);
  });

  it('does not match on the body: the library compares bodies itself', () => {
    const ledger = createFakeProviderLedger();
    ledger.record(request, 'fake-1', 'queued', at(1));
    expect(ledger.find(query({ body: 'Something else' })).map((message) => message.providerMessageId)).toEqual(['fake-1']);
  });

  it('moves a held message to a new status, and refuses an id it does not hold', () => {
    const ledger = createFakeProviderLedger();
    ledger.record(request, 'fake-1', 'queued', at(1));
    ledger.setStatus('fake-1', 'delivered');
    expect(ledger.fetch('fake-1')).toMatchObject({ status: 'delivered', createdAt: at(1) });
    expect(() => ledger.setStatus('fake-9', 'delivered')).toThrow('The fake provider holds no message fake-9.');
  });

  it('re-recording an id replaces it; clear forgets everything', () => {
    const ledger = createFakeProviderLedger();
    ledger.record(request, 'fake-1', 'queued', at(1));
    ledger.record({ ...request, body: 'Again' }, 'fake-1', 'sent', at(2));
    expect(ledger.messages).toEqual([{ providerMessageId: 'fake-1', status: 'sent', to: request.to, from: request.from, body: 'Again', createdAt: at(2), providerCode: null }]);
    ledger.clear();
    expect(ledger.messages).toEqual([]);
    expect(ledger.fetch('fake-1')).toBeUndefined();
    expect(ledger.find(query())).toEqual([]);
  });
});
