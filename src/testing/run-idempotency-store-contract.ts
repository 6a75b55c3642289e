import assert from 'node:assert/strict';
import type { Clock } from '../clock';
import type { IdempotencyStore, StoredSendOutcome } from '../idempotency/idempotency-store';
import type { ContractTestApi } from './contract-test-api';
import { runIdempotencySettleCases } from './run-idempotency-settle-cases';

export interface IdempotencyStoreContractOptions extends ContractTestApi {
  /** Name shown in the suite title, e.g. `memory` or `redis`. */
  name: string;
  /**
   * Makes an empty store for each test, reading time from `clock` (the suite moves it to end leases
   * and retention without sleeping).
   */
  createStore: (clock: Clock) => IdempotencyStore | Promise<IdempotencyStore>;
  /** Run the reconciliation cases (`settle`). Default true; false for a store without it. */
  settle?: boolean;
}

const HOUR_MS = 3_600_000;
const LEASE_MS = 60_000;

/**
 * The behaviour every `IdempotencyStore` must have (docs/reliability.md#idempotency, docs/reliability.md#idempotency-model); run it against
 * your own adapter. Framework-agnostic: pass your runner's `describe` and `it`.
 *
 * @example
 * import { describe, it } from 'vitest';
 * runIdempotencyStoreContract({ describe, it, name: 'memory', createStore: (clock) => createInMemoryIdempotencyStore({ clock }) });
 */
export function runIdempotencyStoreContract(options: IdempotencyStoreContractOptions): void {
  const { describe, it } = options;
  const setup = async () => {
    let now = Date.UTC(2026, 0, 1);
    const clock: Clock = { now: () => now };
    const store = await options.createStore(clock);
    return { store, advance: (milliseconds: number) => void (now += milliseconds), now: () => now };
  };
  const claim = (store: IdempotencyStore, token: string, key = 'key-1', fingerprint = 'fingerprint-1') =>
    store.claim({ key, fingerprint, token, leaseMs: LEASE_MS });
  const complete = (store: IdempotencyStore, token: string, outcome: StoredSendOutcome = sentOutcome(), key = 'key-1', retentionMs = 24 * HOUR_MS) =>
    store.complete({ key, token, fingerprint: 'fingerprint-1', outcome, retentionMs });

  describe(`IdempotencyStore contract: ${options.name}`, () => {
    it('claims a new key', async () => {
      const { store } = await setup();
      assert.deepEqual(await claim(store, 'holder-1'), { status: 'claimed' });
    });

    it('answers a second holder with the in-flight record, its fingerprint and lease end', async () => {
      const { store, now } = await setup();
      await claim(store, 'holder-1');
      assert.deepEqual(await claim(store, 'holder-2', 'key-1', 'fingerprint-2'), { status: 'in-flight', fingerprint: 'fingerprint-1', leaseExpiresAt: now() + LEASE_MS });
    });

    it('lets exactly one of many concurrent claims win', async () => {
      const { store } = await setup();
      const results = await Promise.all(Array.from({ length: 10 }, (_, index) => claim(store, `holder-${index}`)));
      assert.equal(results.filter((result) => result.status === 'claimed').length, 1);
      assert.equal(results.filter((result) => result.status === 'in-flight').length, 9);
    });

    it('claims again for the same holder (a claim resent after a reconnect)', async () => {
      const { store } = await setup();
      await claim(store, 'holder-1');
      assert.deepEqual(await claim(store, 'holder-1'), { status: 'claimed' });
    });

    it('replays a completed outcome, field for field, unicode included', async () => {
      const { store } = await setup();
      await claim(store, 'holder-1');
      const outcome = sentOutcome();
      assert.equal(await complete(store, 'holder-1', outcome), true);
      assert.deepEqual(await claim(store, 'holder-2'), { status: 'completed', fingerprint: 'fingerprint-1', outcome });
    });

    it('replays a stored failure', async () => {
      const { store } = await setup();
      await claim(store, 'holder-1');
      const outcome: StoredSendOutcome = { status: 'failed', error: { name: 'SmsError', code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', message: 'Twilio: no answer in time.', retryable: false, outcomeUnknown: true } };
      await complete(store, 'holder-1', outcome);
      assert.deepEqual(await claim(store, 'holder-2'), { status: 'completed', fingerprint: 'fingerprint-1', outcome });
    });

    it('lets another holder take the key over once the lease has run out', async () => {
      const { store, advance } = await setup();
      await claim(store, 'holder-1');
      advance(LEASE_MS - 1);
      assert.equal((await claim(store, 'holder-2')).status, 'in-flight');
      advance(1);
      assert.deepEqual(await claim(store, 'holder-2'), { status: 'claimed' });
    });

    it('refuses the completion of a holder whose key was taken over, and keeps the new holder', async () => {
      const { store, advance } = await setup();
      await claim(store, 'holder-1');
      advance(LEASE_MS);
      await claim(store, 'holder-2');
      assert.equal(await complete(store, 'holder-1'), false);
      assert.equal((await claim(store, 'holder-3')).status, 'in-flight');
      assert.equal(await complete(store, 'holder-2'), true);
    });

    it('refuses the completion of a holder that never claimed a live key', async () => {
      const { store } = await setup();
      await claim(store, 'holder-1');
      assert.equal(await complete(store, 'holder-2'), false);
      assert.equal((await claim(store, 'holder-3')).status, 'in-flight');
    });

    it('still completes after its own lease ran out when nobody took the key over', async () => {
      const { store, advance } = await setup();
      await claim(store, 'holder-1');
      advance(LEASE_MS * 2);
      assert.equal(await complete(store, 'holder-1'), true);
      assert.equal((await claim(store, 'holder-2')).status, 'completed');
    });

    it('completes idempotently for the same holder', async () => {
      const { store } = await setup();
      await claim(store, 'holder-1');
      assert.equal(await complete(store, 'holder-1'), true);
      assert.equal(await complete(store, 'holder-1'), true);
    });

    it('keeps a completed record for its retention, then forgets it', async () => {
      const { store, advance } = await setup();
      await claim(store, 'holder-1');
      await complete(store, 'holder-1', sentOutcome(), 'key-1', 24 * HOUR_MS);
      advance(24 * HOUR_MS - 1);
      assert.equal((await claim(store, 'holder-2')).status, 'completed');
      advance(1);
      assert.deepEqual(await claim(store, 'holder-2'), { status: 'claimed' });
    });

    it('frees a key released by its holder, and ignores a release by anyone else', async () => {
      const { store } = await setup();
      await claim(store, 'holder-1');
      await store.release({ key: 'key-1', token: 'holder-2' });
      assert.equal((await claim(store, 'holder-2')).status, 'in-flight');
      await store.release({ key: 'key-1', token: 'holder-1' });
      assert.deepEqual(await claim(store, 'holder-2'), { status: 'claimed' });
    });

    it('never releases a completed record', async () => {
      const { store } = await setup();
      await claim(store, 'holder-1');
      await complete(store, 'holder-1');
      await store.release({ key: 'key-1', token: 'holder-1' });
      assert.equal((await claim(store, 'holder-2')).status, 'completed');
    });

    it('keeps keys apart, even when they differ only by case or a unicode character', async () => {
      const { store } = await setup();
      // Each key by its own holder: a store that folded two keys into one would answer the second holder in-flight.
      const keys = ['t.org-1/order-42', 't.org-1/ORDER-42', 't.org-2/order-42', 't.org-1/order-42é'];
      for (const [index, key] of keys.entries()) {
        assert.deepEqual(await claim(store, `holder-${index}`, key), { status: 'claimed' }, key);
      }
    });

    if (options.settle !== false) runIdempotencySettleCases(options, options.createStore);
  });
}

function sentOutcome(): StoredSendOutcome {
  return {
    status: 'sent',
    result: {
      id: 'message-1',
      status: 'queued',
      provider: 'twilio',
      providerMessageId: 'SM0123456789abcdef0123456789abcdef',
      to: '+14155552671',
      from: '+14155550100',
      segments: 1,
      encoding: 'UCS-2',
      units: 12,
      cost: { currency: 'USD', amount: '0.0075', micros: 7500 },
      attempts: [
        { provider: 'twilio', outcome: 'not_sent', errorCode: 'RATE_LIMITED', errorReason: 'RATE_LIMITED', providerCode: '20429', durationMs: 42 },
        { provider: 'twilio', outcome: 'sent', errorCode: null, errorReason: null, providerCode: null, durationMs: 87 },
      ],
      tenantId: 'org-1',
      correlationId: 'Ça va 👋',
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  };
}
