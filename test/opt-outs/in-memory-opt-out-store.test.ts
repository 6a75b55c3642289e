import { describe, expect, it } from 'vitest';
import { createInMemoryOptOutStore } from '../../src/opt-outs/in-memory-opt-out-store';
import { runOptOutStoreContract } from '../../src/testing/run-opt-out-store-contract';

runOptOutStoreContract({ describe, it, name: 'memory', createStore: () => createInMemoryOptOutStore() });

describe('InMemoryOptOutStore', () => {
  it('counts its records and hands out copies', async () => {
    const store = createInMemoryOptOutStore();
    const entry = { sender: '+14155550100', recipient: '+14155552671', source: 'keyword' as const, detail: 'STOP', provider: 'twilio', createdAt: '2026-01-01T00:00:00.000Z' };
    await store.add(entry);
    await store.add({ ...entry, sender: '+14155550199' });
    expect(store.size).toBe(2);
    const found = await store.find({ sender: '+14155550100', recipient: '+14155552671' });
    (found as { detail: string }).detail = 'changed';
    expect((await store.find({ sender: '+14155550100', recipient: '+14155552671' }))?.detail).toBe('STOP');
    await store.remove({ sender: '+14155550100', recipient: '+14155552671' });
    await store.remove({ sender: '+14155550199', recipient: '+14155552671' });
    expect(store.size).toBe(0);
  });
});
