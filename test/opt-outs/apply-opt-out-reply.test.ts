import { describe, expect, it } from 'vitest';
import { applyOptOutReply, type OptOutReply } from '../../src/opt-outs/apply-opt-out-reply';
import { createInMemoryOptOutStore } from '../../src/opt-outs/in-memory-opt-out-store';
import { ANY_SENDER } from '../../src/opt-outs/opt-out-store';

const sender = '+14155550100';
const recipient = '+14155552671';
const reply = (overrides: Partial<OptOutReply>): OptOutReply => ({ action: 'opt-out', sender, recipient, keyword: 'STOP', provider: 'twilio', now: Date.UTC(2026, 0, 1), ...overrides });

describe('applyOptOutReply', () => {
  it('records an opt-out for the pair, as a keyword with its time', async () => {
    const store = createInMemoryOptOutStore();
    await applyOptOutReply(store, reply({ keyword: 'STOPALL' }));
    expect(await store.find({ sender, recipient })).toEqual({ sender, recipient, source: 'keyword', detail: 'STOPALL', provider: 'twilio', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(await store.find({ sender: '+14155550101', recipient })).toBeUndefined();
  });

  it('lifts the pair and the any-sender guess on an opt-in, but not other senders', async () => {
    const store = createInMemoryOptOutStore();
    await applyOptOutReply(store, reply({}));
    await applyOptOutReply(store, reply({ sender: '+14155550101' }));
    await store.add({ sender: ANY_SENDER, recipient, source: 'provider', detail: '21610', provider: 'twilio', createdAt: '2026-01-01T00:00:00.000Z' });
    await applyOptOutReply(store, reply({ action: 'opt-in', keyword: 'START' }));
    expect(await store.find({ sender, recipient })).toBeUndefined();
    expect(await store.find({ sender: '+14155550101', recipient })).toMatchObject({ sender: '+14155550101' });
  });

  it('changes nothing on HELP', async () => {
    const store = createInMemoryOptOutStore();
    await applyOptOutReply(store, reply({}));
    await applyOptOutReply(store, reply({ action: 'help', keyword: 'HELP' }));
    expect(await store.find({ sender, recipient })).toMatchObject({ detail: 'STOP' });
  });
});
