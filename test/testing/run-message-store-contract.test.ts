import { describe, expect, it } from 'vitest';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { MessageStore } from '../../src/store/message-store';
import { runMessageStoreContract } from '../../src/testing/run-message-store-contract';
import { collectContract, failingTests } from '../support/collect-contract';

const contract = (createStore: () => MessageStore, conversations = true) => collectContract((api) => runMessageStoreContract({ ...api, name: 'under test', createStore, conversations }));
const inbox = (inner: ReturnType<typeof createInMemoryMessageStore>) => ({ listConversations: inner.listConversations.bind(inner), listMessages: inner.listMessages.bind(inner), findUnsettled: inner.findUnsettled.bind(inner) });
const prefix = 'MessageStore contract: under test > ';

describe('runMessageStoreContract', () => {
  it('passes for the in-memory store', async () => {
    const tests = contract(() => createInMemoryMessageStore());
    expect(tests).toHaveLength(18);
    expect(await failingTests(tests)).toEqual([]);
  });

  it('requires update(): a store without it fails exactly the update cases', async () => {
    const withoutUpdate = (): MessageStore => {
      const inner = createInMemoryMessageStore();
      return { get: (id) => inner.get(id), save: (record) => inner.save(record), findByProviderMessageId: (provider, id) => inner.findByProviderMessageId(provider, id), ...inbox(inner) };
    };
    expect(await failingTests(contract(withoutUpdate))).toEqual([
      `${prefix}update: replaces the record with what change returns, and reports it changed`,
      `${prefix}update: leaves the record as is when change returns undefined, and resolves undefined for an unknown id`,
      `${prefix}update: concurrent updates of one record each see the previous one (none is lost)`,
    ]);
  });

  it('requires the inbox reads unless conversations: false', async () => {
    const withoutInbox = (): MessageStore => {
      const inner = createInMemoryMessageStore();
      return { get: (id) => inner.get(id), save: (record) => inner.save(record), findByProviderMessageId: (provider, id) => inner.findByProviderMessageId(provider, id), update: (id, change) => inner.update(id, change), findUnsettled: inner.findUnsettled.bind(inner) };
    };
    const failing = await failingTests(contract(withoutInbox));
    expect(failing).toHaveLength(6);
    expect(failing.every((name) => /^MessageStore contract: under test > (conversations|messages)/.test(name))).toBe(true);
    const skipped = contract(withoutInbox, false);
    expect(skipped).toHaveLength(12);
    expect(await failingTests(skipped)).toEqual([]);
  });

  it('catches a provider index that ignores the provider', async () => {
    const sloppy = (): MessageStore => {
      const inner = createInMemoryMessageStore();
      return {
        get: (id) => inner.get(id),
        save: (record) => inner.save(record),
        // Answers the first provider that knows the id, whichever provider was asked.
        findByProviderMessageId: async (_provider, id) => (await inner.findByProviderMessageId('twilio', id)) ?? inner.findByProviderMessageId('telnyx', id),
        update: (id, change) => inner.update(id, change),
        ...inbox(inner),
      };
    };
    expect(await failingTests(contract(sloppy))).toEqual([`${prefix}finds a record by provider and provider message id, and only for that provider`]);
  });
});
