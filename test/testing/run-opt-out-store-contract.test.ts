import { describe, expect, it } from 'vitest';
import { createInMemoryOptOutStore } from '../../src/opt-outs/in-memory-opt-out-store';
import type { OptOutStore } from '../../src/opt-outs/opt-out-store';
import { runOptOutStoreContract } from '../../src/testing/run-opt-out-store-contract';
import { collectContract, failingTests } from '../support/collect-contract';

const contract = (createStore: () => OptOutStore) => collectContract((api) => runOptOutStoreContract({ ...api, name: 'under test', createStore }));
const prefix = 'OptOutStore contract: under test > ';

describe('runOptOutStoreContract', () => {
  it('passes for the in-memory store', async () => {
    const tests = contract(() => createInMemoryOptOutStore());
    expect(tests).toHaveLength(9);
    expect(await failingTests(tests)).toEqual([]);
  });

  it('catches a store that ignores ANY_SENDER', async () => {
    const ignoringAnySender = (): OptOutStore => {
      const inner = createInMemoryOptOutStore();
      return { add: (entry) => (entry.sender === '*' ? Promise.resolve() : inner.add(entry)), remove: (pair) => inner.remove(pair), find: (query) => inner.find(query) };
    };
    expect(await failingTests(contract(ignoringAnySender))).toEqual([`${prefix}blocks every sender with an ANY_SENDER opt-out`]);
  });

  it('catches a store whose remove never says whether there was a pair', async () => {
    const silentRemove = (): OptOutStore => {
      const inner = createInMemoryOptOutStore();
      return { add: (entry) => inner.add(entry), remove: async (pair) => (await inner.remove(pair), true), find: (query) => inner.find(query) };
    };
    expect(await failingTests(contract(silentRemove))).toEqual([`${prefix}removes exactly one pair, and says whether there was one`]);
  });
});
