import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock';
import { runWebhookDedupeStoreContract } from '../../src/testing/run-webhook-dedupe-store-contract';
import { createInMemoryWebhookDedupeStore } from '../../src/webhooks/in-memory-webhook-dedupe-store';
import type { WebhookDedupeStore } from '../../src/webhooks/webhook-dedupe-store';
import { collectContract, failingTests } from '../support/collect-contract';

const contract = (createStore: (clock: Clock) => WebhookDedupeStore) => collectContract((api) => runWebhookDedupeStoreContract({ ...api, name: 'under test', createStore }));

describe('runWebhookDedupeStoreContract', () => {
  it('registers its cases under the store name', () => {
    expect(contract((clock) => createInMemoryWebhookDedupeStore({ clock })).map((test) => test.name)).toEqual([
      'WebhookDedupeStore contract: under test > claims a key once while it lives',
      'WebhookDedupeStore contract: under test > claims a key again once its TTL has run out, for a new TTL',
      'WebhookDedupeStore contract: under test > claims a released key again, and ignores the release of a key nobody holds',
      'WebhookDedupeStore contract: under test > lets exactly one of many concurrent claims of a key win',
      'WebhookDedupeStore contract: under test > keeps keys apart, even when they differ only by case or a unicode character',
    ]);
  });

  it('passes for the in-memory store', async () => {
    expect(await failingTests(contract((clock) => createInMemoryWebhookDedupeStore({ clock })))).toEqual([]);
  });

  it('catches a store that never expires keys, and one that folds case', async () => {
    const claimed = new Set<string>();
    const forever: WebhookDedupeStore = {
      claim: (key) => Promise.resolve(claimed.has(key) ? false : (claimed.add(key), true)),
      release: (key) => (claimed.delete(key), Promise.resolve()),
    };
    expect(await failingTests(contract(() => forever))).toEqual(['WebhookDedupeStore contract: under test > claims a key again once its TTL has run out, for a new TTL']);

    const folding = (clock: Clock): WebhookDedupeStore => {
      const inner = createInMemoryWebhookDedupeStore({ clock });
      return { claim: (key, ttl) => inner.claim(key.toLowerCase(), ttl), release: (key) => inner.release(key.toLowerCase()) };
    };
    expect(await failingTests(contract(folding))).toEqual(['WebhookDedupeStore contract: under test > keeps keys apart, even when they differ only by case or a unicode character']);
  });
});
