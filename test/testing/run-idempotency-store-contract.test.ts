import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock';
import type { IdempotencyStore } from '../../src/idempotency/idempotency-store';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import { runIdempotencyStoreContract } from '../../src/testing/run-idempotency-store-contract';
import { collectContract, failingTests } from '../support/collect-contract';

const contract = (createStore: (clock: Clock) => IdempotencyStore) => collectContract((api) => runIdempotencyStoreContract({ ...api, name: 'under test', createStore }));
const prefix = 'IdempotencyStore contract: under test > ';

describe('runIdempotencyStoreContract', () => {
  it('passes for the in-memory store', async () => {
    const tests = contract((clock) => createInMemoryIdempotencyStore({ clock }));
    expect(tests).toHaveLength(19);
    expect(await failingTests(tests)).toEqual([]);
  });

  it('catches a store whose release ignores the holder', async () => {
    const careless = (clock: Clock): IdempotencyStore => {
      const inner = createInMemoryIdempotencyStore({ clock });
      const holders = new Map<string, string>();
      return {
        claim: async (input) => {
          const answer = await inner.claim(input);
          if (answer.status === 'claimed') holders.set(input.key, input.token);
          return answer;
        },
        complete: (input) => inner.complete(input),
        // Releases whoever holds the key, whatever token is given.
        release: (input) => inner.release({ key: input.key, token: holders.get(input.key) ?? input.token }),
        settle: (input) => inner.settle(input),
      };
    };
    expect(await failingTests(contract(careless))).toEqual([`${prefix}frees a key released by its holder, and ignores a release by anyone else`]);
  });

  it('requires settle unless settle: false, and catches a settle that ignores a live lease', async () => {
    const withoutSettle = (clock: Clock): IdempotencyStore => {
      const inner = createInMemoryIdempotencyStore({ clock });
      return { claim: (input) => inner.claim(input), complete: (input) => inner.complete(input), release: (input) => inner.release(input) };
    };
    expect((await failingTests(contract(withoutSettle))).every((name) => name.startsWith(`${prefix}settle:`))).toBe(true);
    expect(await failingTests(collectContract((api) => runIdempotencyStoreContract({ ...api, name: 'under test', createStore: withoutSettle, settle: false })))).toEqual([]);
    const pushy = (clock: Clock): IdempotencyStore => {
      const inner = createInMemoryIdempotencyStore({ clock });
      return { claim: (input) => inner.claim(input), complete: (input) => inner.complete(input), release: (input) => inner.release(input), settle: (input) => inner.settle({ ...input, takeOverLease: true }) };
    };
    expect(await failingTests(contract(pushy))).toEqual([
      `${prefix}settle: leaves a live lease alone unless asked to take it over; the old holder then cannot complete`,
      `${prefix}settle: a null outcome frees the key for a resend, but not from a live lease unless taken over`,
    ]);
  });

  it('catches a store that forgets completed records at once', async () => {
    const forgetful = (clock: Clock): IdempotencyStore => {
      const inner = createInMemoryIdempotencyStore({ clock });
      return { claim: (input) => inner.claim(input), complete: (input) => inner.complete({ ...input, retentionMs: 1 }), release: (input) => inner.release(input) };
    };
    const failed = await failingTests(contract(forgetful));
    expect(failed).toContain(`${prefix}keeps a completed record for its retention, then forgets it`);
    expect(failed).not.toContain(`${prefix}claims a new key`);
  });
});
