import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { createInMemoryWebhookDedupeStore } from '../../src/webhooks/in-memory-webhook-dedupe-store';
import { runWebhookDedupeStoreContract } from '../../src/testing/run-webhook-dedupe-store-contract';

describe('InMemoryWebhookDedupeStore', () => {
  it('claims a key once while it lives, again after its TTL or a release', async () => {
    let now = 0;
    const store = createInMemoryWebhookDedupeStore({ clock: { now: () => now } });
    expect(await store.claim('k', 1000)).toBe(true);
    expect(await store.claim('k', 1000)).toBe(false);
    now = 999;
    expect(await store.claim('k', 1000)).toBe(false);
    now = 1000;
    expect(await store.claim('k', 1000)).toBe(true);
    await store.release('k');
    expect(await store.claim('k', 1000)).toBe(true);
  });

  it('is bounded: past maxKeys the oldest claim is forgotten first', async () => {
    const store = createInMemoryWebhookDedupeStore({ maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd']) expect(await store.claim(key, 60_000)).toBe(true);
    expect(store.size).toBe(3);
    expect(await store.claim('b', 60_000)).toBe(false);
    expect(await store.claim('a', 60_000)).toBe(true);
  });

  it('lets exactly one of many concurrent claims of a key win', async () => {
    const store = createInMemoryWebhookDedupeStore();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.claim('same', 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it.each([0, -1, 1.5])('refuses maxKeys %s', (maxKeys) => {
    expect(() => createInMemoryWebhookDedupeStore({ maxKeys })).toThrow(ValidationError);
  });
});

runWebhookDedupeStoreContract({ describe, it, name: 'memory', createStore: (clock) => createInMemoryWebhookDedupeStore({ clock }) });
