import { describe, expect, it } from 'vitest';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import { runIdempotencyStoreContract } from '../../src/testing/run-idempotency-store-contract';

runIdempotencyStoreContract({ describe, it, name: 'memory', createStore: (clock) => createInMemoryIdempotencyStore({ clock }) });

describe('InMemoryIdempotencyStore', () => {
  it('prunes expired records as new ones arrive', async () => {
    let now = 0;
    const store = createInMemoryIdempotencyStore({ clock: { now: () => now } });
    for (let index = 0; index < 5; index += 1) await store.claim({ key: `key-${index}`, fingerprint: 'f', token: 't', leaseMs: 1_000 });
    expect(store.size).toBe(5);
    now = 1_000;
    await store.claim({ key: 'fresh', fingerprint: 'f', token: 't', leaseMs: 1_000 });
    expect(store.size).toBe(1);
  });

  it('keeps at most maxRecords, forgetting the oldest first', async () => {
    const store = createInMemoryIdempotencyStore({ maxRecords: 2, clock: { now: () => 0 } });
    for (const key of ['a', 'b', 'c']) await store.claim({ key, fingerprint: 'f', token: 't', leaseMs: 60_000 });
    expect(store.size).toBe(2);
    expect((await store.claim({ key: 'a', fingerprint: 'f', token: 'other', leaseMs: 60_000 })).status).toBe('claimed');
    expect((await store.claim({ key: 'c', fingerprint: 'f', token: 'other', leaseMs: 60_000 })).status).toBe('in-flight');
  });

  it('never hands out the stored objects themselves', async () => {
    const store = createInMemoryIdempotencyStore();
    await store.claim({ key: 'k', fingerprint: 'f', token: 't', leaseMs: 60_000 });
    const error = { code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT' };
    await store.complete({ key: 'k', token: 't', fingerprint: 'f', outcome: { status: 'failed', error }, retentionMs: 60_000 });
    error.code = 'CHANGED';
    const replay = await store.claim({ key: 'k', fingerprint: 'f', token: 'u', leaseMs: 60_000 });
    expect(replay).toMatchObject({ status: 'completed', outcome: { error: { code: 'TIMEOUT' } } });
  });

  it('refuses a bad maxRecords', () => {
    expect(() => createInMemoryIdempotencyStore({ maxRecords: 0 })).toThrow(/options\.maxRecords/);
  });
});
