import assert from 'node:assert/strict';
import type { Clock } from '../clock';
import type { IdempotencyStore, StoredSendOutcome } from '../idempotency/idempotency-store';
import type { ContractTestApi } from './contract-test-api';

const LEASE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The reconciliation cases of `runIdempotencyStoreContract` (docs/reconciliation.md#what-a-replay-returns):
 * `settle` replaces what a key replays, keeps a live record's fingerprint, takes a live lease over only
 * when asked, and `outcome: null` frees the key.
 */
export function runIdempotencySettleCases(api: ContractTestApi, createStore: (clock: Clock) => IdempotencyStore | Promise<IdempotencyStore>): void {
  const setup = async () => {
    let now = Date.UTC(2026, 0, 1);
    const store = await createStore({ now: () => now });
    assert.equal(typeof store.settle, 'function', 'settle is missing (pass settle: false to skip these cases)');
    const settle = store.settle?.bind(store) as NonNullable<IdempotencyStore['settle']>;
    return { store, settle, advance: (milliseconds: number) => void (now += milliseconds) };
  };
  const claim = (store: IdempotencyStore, token: string, fingerprint = 'fingerprint-1') => store.claim({ key: 'key-1', fingerprint, token, leaseMs: LEASE_MS });
  const sent: StoredSendOutcome = { status: 'sent', result: { id: 'message-1', providerMessageId: 'SM1' } as never };
  const unknown: StoredSendOutcome = { status: 'failed', error: { code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true } };

  api.it('settle: replaces a completed outcome and keeps its fingerprint, so a replay returns the settled one', async () => {
    const { store, settle } = await setup();
    await claim(store, 'holder-1');
    await store.complete({ key: 'key-1', token: 'holder-1', fingerprint: 'fingerprint-1', outcome: unknown, retentionMs: DAY_MS });
    assert.equal(await settle({ key: 'key-1', fingerprint: 'other', outcome: sent, retentionMs: DAY_MS, takeOverLease: false }), true);
    assert.deepEqual(await claim(store, 'holder-2'), { status: 'completed', fingerprint: 'fingerprint-1', outcome: sent });
  });

  api.it('settle: leaves a live lease alone unless asked to take it over; the old holder then cannot complete', async () => {
    const { store, settle } = await setup();
    await claim(store, 'holder-1');
    assert.equal(await settle({ key: 'key-1', fingerprint: 'fingerprint-1', outcome: sent, retentionMs: DAY_MS, takeOverLease: false }), false);
    assert.equal((await claim(store, 'holder-2')).status, 'in-flight');
    assert.equal(await settle({ key: 'key-1', fingerprint: 'fingerprint-1', outcome: sent, retentionMs: DAY_MS, takeOverLease: true }), true);
    assert.equal(await store.complete({ key: 'key-1', token: 'holder-1', fingerprint: 'fingerprint-1', outcome: unknown, retentionMs: DAY_MS }), false);
    assert.deepEqual(await claim(store, 'holder-2'), { status: 'completed', fingerprint: 'fingerprint-1', outcome: sent });
  });

  api.it('settle: writes a key that is gone (its lease ran out) with the given fingerprint, for its retention', async () => {
    const { store, settle, advance } = await setup();
    await claim(store, 'holder-1');
    advance(LEASE_MS);
    assert.equal(await settle({ key: 'key-1', fingerprint: 'fingerprint-9', outcome: sent, retentionMs: DAY_MS, takeOverLease: false }), true);
    assert.deepEqual(await claim(store, 'holder-2', 'fingerprint-9'), { status: 'completed', fingerprint: 'fingerprint-9', outcome: sent });
    advance(DAY_MS);
    assert.deepEqual(await claim(store, 'holder-2'), { status: 'claimed' });
  });

  api.it('settle: a null outcome frees the key for a resend, but not from a live lease unless taken over', async () => {
    const { store, settle } = await setup();
    await claim(store, 'holder-1');
    assert.equal(await settle({ key: 'key-1', fingerprint: 'fingerprint-1', outcome: null, retentionMs: DAY_MS, takeOverLease: false }), false);
    assert.equal((await claim(store, 'holder-2')).status, 'in-flight');
    assert.equal(await settle({ key: 'key-1', fingerprint: 'fingerprint-1', outcome: null, retentionMs: DAY_MS, takeOverLease: true }), true);
    assert.deepEqual(await claim(store, 'holder-2'), { status: 'claimed' });
  });
}
