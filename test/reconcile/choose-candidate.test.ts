import { describe, expect, it } from 'vitest';
import type { ProviderMessage } from '../../src/providers/provider';
import { chooseCandidate, type Candidate } from '../../src/reconcile/choose-candidate';
import type { MessageRecord } from '../../src/store/message-record';

const record = { to: '+14155552671', from: '+14155550100', body: 'Your order shipped' } as MessageRecord;

function message(overrides: Partial<ProviderMessage> = {}): ProviderMessage {
  return { providerMessageId: 'SM1', status: 'queued', to: record.to, from: record.from, body: record.body, createdAt: '2026-12-07T10:00:00.000Z', providerCode: null, ...overrides };
}
const candidate = (overrides: Partial<ProviderMessage> = {}, provider = 'twilio'): Candidate => ({ provider, message: message(overrides) });

describe('chooseCandidate', () => {
  it('settles on the one candidate to the recipient with the same body and sender', () => {
    const only = candidate();
    expect(chooseCandidate(record, [only])).toEqual({ kind: 'one', candidate: only });
  });

  it('gives none when there are no candidates, or none match', () => {
    expect(chooseCandidate(record, [])).toEqual({ kind: 'none' });
    expect(chooseCandidate(record, [candidate({ to: '+14155559999' }), candidate({ providerMessageId: 'SM2', body: 'Another text' }), candidate({ providerMessageId: 'SM3', from: '+14155550199' })])).toEqual({ kind: 'none' });
  });

  it('filters out a candidate to another recipient, another body or another sender, keeping the match', () => {
    const match = candidate({ providerMessageId: 'SM4' });
    expect(chooseCandidate(record, [candidate({ providerMessageId: 'SM1', to: '+14155559999' }), match, candidate({ providerMessageId: 'SM2', body: 'Your order shipped!' }), candidate({ providerMessageId: 'SM3', from: '+14155550199' })])).toEqual({ kind: 'one', candidate: match });
  });

  it('accepts a candidate without a body (a listing that returns none) or without a sender', () => {
    const bodiless = candidate({ body: null });
    expect(chooseCandidate(record, [bodiless])).toEqual({ kind: 'one', candidate: bodiless });
    const senderless = candidate({ from: null });
    expect(chooseCandidate(record, [senderless])).toEqual({ kind: 'one', candidate: senderless });
    const anySender = candidate({ from: '+14155550199' });
    expect(chooseCandidate({ ...record, from: null }, [anySender])).toEqual({ kind: 'one', candidate: anySender });
  });

  it('calls two matching messages ambiguous, with their count', () => {
    expect(chooseCandidate(record, [candidate({ providerMessageId: 'SM1' }), candidate({ providerMessageId: 'SM2' })])).toEqual({ kind: 'ambiguous', count: 2 });
    expect(chooseCandidate(record, [candidate({ providerMessageId: 'SM1' }), candidate({ providerMessageId: 'SM2' }), candidate({ providerMessageId: 'SM3', body: null })])).toEqual({ kind: 'ambiguous', count: 3 });
  });

  it('counts the same message listed twice once, but the same id at two providers as two', () => {
    const first = candidate({ providerMessageId: 'SM1' });
    expect(chooseCandidate(record, [first, candidate({ providerMessageId: 'SM1' })])).toMatchObject({ kind: 'one', candidate: { provider: 'twilio', message: { providerMessageId: 'SM1' } } });
    expect(chooseCandidate(record, [first, candidate({ providerMessageId: 'SM1' }, 'telnyx')])).toEqual({ kind: 'ambiguous', count: 2 });
  });
});
