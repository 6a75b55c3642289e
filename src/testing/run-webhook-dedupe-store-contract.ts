import assert from 'node:assert/strict';
import type { Clock } from '../clock';
import type { WebhookDedupeStore } from '../webhooks/webhook-dedupe-store';
import type { ContractTestApi } from './contract-test-api';

export interface WebhookDedupeStoreContractOptions extends ContractTestApi {
  /** Name shown in the suite title, e.g. `memory` or `postgres`. */
  name: string;
  /** Makes an empty store for each test, reading time from `clock` (the suite moves it to expire keys). */
  createStore: (clock: Clock) => WebhookDedupeStore | Promise<WebhookDedupeStore>;
}

const TTL_MS = 60_000;

/**
 * The behaviour every `WebhookDedupeStore` must have (docs/webhooks.md#duplicates): a key is claimed once
 * while it lives, again after its TTL or a release, keys never fold into each other, and of concurrent
 * claims exactly one wins. Framework-agnostic: pass your runner's `describe` and `it`.
 *
 * @example
 * import { describe, it } from 'vitest';
 * runWebhookDedupeStoreContract({ describe, it, name: 'memory', createStore: (clock) => createInMemoryWebhookDedupeStore({ clock }) });
 */
export function runWebhookDedupeStoreContract(options: WebhookDedupeStoreContractOptions): void {
  const { describe, it } = options;
  const setup = async () => {
    let now = Date.UTC(2026, 0, 1);
    const store = await options.createStore({ now: () => now });
    return { store, advance: (milliseconds: number) => void (now += milliseconds) };
  };

  describe(`WebhookDedupeStore contract: ${options.name}`, () => {
    it('claims a key once while it lives', async () => {
      const { store, advance } = await setup();
      assert.equal(await store.claim('twilio:status:SM1:delivered', TTL_MS), true);
      advance(TTL_MS - 1);
      assert.equal(await store.claim('twilio:status:SM1:delivered', TTL_MS), false);
    });

    it('claims a key again once its TTL has run out, for a new TTL', async () => {
      const { store, advance } = await setup();
      await store.claim('k', TTL_MS);
      advance(TTL_MS);
      assert.equal(await store.claim('k', TTL_MS), true);
      advance(TTL_MS - 1);
      assert.equal(await store.claim('k', TTL_MS), false);
    });

    it('claims a released key again, and ignores the release of a key nobody holds', async () => {
      const { store } = await setup();
      await store.release('never-claimed');
      await store.claim('k', TTL_MS);
      await store.release('k');
      assert.equal(await store.claim('k', TTL_MS), true);
    });

    it('lets exactly one of many concurrent claims of a key win', async () => {
      const { store } = await setup();
      const results = await Promise.all(Array.from({ length: 20 }, () => store.claim('same', TTL_MS)));
      assert.equal(results.filter(Boolean).length, 1);
    });

    it('keeps keys apart, even when they differ only by case or a unicode character', async () => {
      const { store } = await setup();
      for (const key of ['telnyx:inbound:abc', 'telnyx:inbound:ABC', 'telnyx:inbound:abcé', 'twilio:inbound:abc']) {
        assert.equal(await store.claim(key, TTL_MS), true, key);
      }
    });
  });
}
