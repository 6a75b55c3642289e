import assert from 'node:assert/strict';
import { ANY_SENDER, type OptOutEntry, type OptOutStore } from '../opt-outs/opt-out-store';
import type { ContractTestApi } from './contract-test-api';

export interface OptOutStoreContractOptions extends ContractTestApi {
  /** Name shown in the suite title, e.g. `memory` or `redis`. */
  name: string;
  /** Makes an empty store for each test. */
  createStore: () => OptOutStore | Promise<OptOutStore>;
}

const OURS = '+14155550100';
const OTHER = '+14155550199';
const RECIPIENT = '+14155552671';

/**
 * The behaviour every `OptOutStore` must have (per sender-recipient pair, `ANY_SENDER`, the any-sender
 * lookup of a send without `from`); run it against your own adapter. Framework-agnostic: pass your
 * runner's `describe` and `it`.
 *
 * @example
 * import { describe, it } from 'vitest';
 * runOptOutStoreContract({ describe, it, name: 'memory', createStore: () => createInMemoryOptOutStore() });
 */
export function runOptOutStoreContract(options: OptOutStoreContractOptions): void {
  const { describe, it, createStore } = options;
  describe(`OptOutStore contract: ${options.name}`, () => {
    it('finds nothing for a recipient who never opted out', async () => {
      const store = await createStore();
      assert.equal(await store.find({ sender: OURS, recipient: RECIPIENT }), undefined);
      assert.equal(await store.find({ recipient: RECIPIENT }), undefined);
    });

    it('returns a recorded opt-out field for field, for its pair only', async () => {
      const store = await createStore();
      const entry = sampleEntry({ sender: OURS });
      await store.add(entry);
      assert.deepEqual(await store.find({ sender: OURS, recipient: RECIPIENT }), entry);
      assert.equal(await store.find({ sender: OTHER, recipient: RECIPIENT }), undefined);
      assert.equal(await store.find({ sender: OURS, recipient: '+14155552672' }), undefined);
    });

    it('answers a lookup without a sender with any opt-out of the recipient', async () => {
      const store = await createStore();
      await store.add(sampleEntry({ sender: OTHER }));
      assert.equal((await store.find({ recipient: RECIPIENT }))?.sender, OTHER);
      assert.equal(await store.find({ recipient: '+14155552672' }), undefined);
    });

    it('blocks every sender with an ANY_SENDER opt-out', async () => {
      const store = await createStore();
      await store.add(sampleEntry({ sender: ANY_SENDER, source: 'provider', detail: '21610', provider: 'twilio' }));
      assert.equal((await store.find({ sender: OURS, recipient: RECIPIENT }))?.sender, ANY_SENDER);
      assert.equal((await store.find({ sender: OTHER, recipient: RECIPIENT }))?.detail, '21610');
      assert.equal((await store.find({ recipient: RECIPIENT }))?.sender, ANY_SENDER);
    });

    it('prefers the exact pair over ANY_SENDER', async () => {
      const store = await createStore();
      await store.add(sampleEntry({ sender: ANY_SENDER, detail: '21610', source: 'provider' }));
      await store.add(sampleEntry({ sender: OURS, detail: 'STOP' }));
      assert.equal((await store.find({ sender: OURS, recipient: RECIPIENT }))?.detail, 'STOP');
    });

    it('replaces the record of a pair on a second add', async () => {
      const store = await createStore();
      await store.add(sampleEntry({ sender: OURS, detail: 'STOP', createdAt: '2026-01-01T00:00:00.000Z' }));
      await store.add(sampleEntry({ sender: OURS, detail: 'QUIT', createdAt: '2026-01-02T00:00:00.000Z' }));
      assert.deepEqual(await store.find({ sender: OURS, recipient: RECIPIENT }), sampleEntry({ sender: OURS, detail: 'QUIT', createdAt: '2026-01-02T00:00:00.000Z' }));
    });

    it('removes exactly one pair, and says whether there was one', async () => {
      const store = await createStore();
      await store.add(sampleEntry({ sender: OURS }));
      await store.add(sampleEntry({ sender: OTHER }));
      assert.equal(await store.remove({ sender: OURS, recipient: RECIPIENT }), true);
      assert.equal(await store.remove({ sender: OURS, recipient: RECIPIENT }), false);
      assert.equal(await store.find({ sender: OURS, recipient: RECIPIENT }), undefined);
      assert.equal((await store.find({ sender: OTHER, recipient: RECIPIENT }))?.sender, OTHER);
      assert.equal(await store.remove({ sender: OTHER, recipient: RECIPIENT }), true);
      assert.equal(await store.find({ recipient: RECIPIENT }), undefined);
    });

    it('keeps concurrent opt-outs of one recipient from several senders', async () => {
      const store = await createStore();
      const senders = Array.from({ length: 20 }, (_, index) => `+1415555${String(1000 + index)}`);
      await Promise.all(senders.map((sender) => store.add(sampleEntry({ sender }))));
      for (const sender of senders) assert.equal((await store.find({ sender, recipient: RECIPIENT }))?.sender, sender);
    });

    it('keeps unicode and null fields intact', async () => {
      const store = await createStore();
      const entry = sampleEntry({ sender: 'Ocelot Café', detail: null, provider: null, source: 'manual' });
      await store.add(entry);
      assert.deepEqual(await store.find({ sender: 'Ocelot Café', recipient: RECIPIENT }), entry);
    });
  });
}

function sampleEntry(overrides: Partial<OptOutEntry>): OptOutEntry {
  return {
    sender: OURS,
    recipient: RECIPIENT,
    source: 'keyword',
    detail: 'STOP',
    provider: 'twilio',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
