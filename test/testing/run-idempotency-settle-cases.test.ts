import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock';
import type { IdempotencyStore } from '../../src/idempotency/idempotency-store';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import { runIdempotencySettleCases } from '../../src/testing/run-idempotency-settle-cases';
import { collectContract, failingTests } from '../support/collect-contract';

const CASES = [
  'settle: replaces a completed outcome and keeps its fingerprint, so a replay returns the settled one',
  'settle: leaves a live lease alone unless asked to take it over; the old holder then cannot complete',
  'settle: writes a key that is gone (its lease ran out) with the given fingerprint, for its retention',
  'settle: a null outcome frees the key for a resend, but not from a live lease unless taken over',
];

const contract = (createStore: (clock: Clock) => IdempotencyStore) => collectContract((api) => runIdempotencySettleCases(api, createStore));

/** The in-memory store with `settle` replaced (or removed, with undefined). */
function withSettle(settle: (inner: ReturnType<typeof createInMemoryIdempotencyStore>) => IdempotencyStore['settle']): (clock: Clock) => IdempotencyStore {
  return (clock) => {
    const inner = createInMemoryIdempotencyStore({ clock });
    const replaced = settle(inner);
    return { claim: (input) => inner.claim(input), complete: (input) => inner.complete(input), release: (input) => inner.release(input), ...(replaced === undefined ? {} : { settle: replaced }) };
  };
}

describe('runIdempotencySettleCases', () => {
  it('registers the four settle cases, which pass for the in-memory store', async () => {
    const tests = contract((clock) => createInMemoryIdempotencyStore({ clock }));
    expect(tests.map((test) => test.name)).toEqual(CASES);
    expect(await failingTests(tests)).toEqual([]);
  });

  it('fails every case for a store without settle, saying how to skip them', async () => {
    const tests = contract(withSettle(() => undefined));
    expect(await failingTests(tests)).toEqual(CASES);
    await expect(tests[0]?.run()).rejects.toThrow('settle is missing (pass settle: false to skip these cases)');
  });

  it('catches a settle that writes the given fingerprint over a completed record', async () => {
    // Frees the key as settle would, then writes the outcome afresh under the fingerprint it was given.
    const overwriting = withSettle((inner) => async (input) => {
      if (!(await inner.settle({ ...input, outcome: null }))) return false;
      if (input.outcome === null) return true;
      await inner.claim({ key: input.key, fingerprint: input.fingerprint, token: 'settler', leaseMs: 1_000 });
      return inner.complete({ key: input.key, token: 'settler', fingerprint: input.fingerprint, outcome: input.outcome, retentionMs: input.retentionMs });
    });
    expect(await failingTests(contract(overwriting))).toEqual([CASES[0]]);
  });

  it('catches a settle that ignores a null outcome instead of freeing the key', async () => {
    const keeping = withSettle((inner) => (input) => (input.outcome === null ? Promise.resolve(true) : inner.settle(input)));
    expect(await failingTests(contract(keeping))).toEqual([CASES[3]]);
  });

  it('catches a settle that always takes a live lease over', async () => {
    const pushy = withSettle((inner) => (input) => inner.settle({ ...input, takeOverLease: true }));
    expect(await failingTests(contract(pushy))).toEqual([CASES[1], CASES[3]]);
  });
});
