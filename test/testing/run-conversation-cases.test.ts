import { describe, expect, it } from 'vitest';
import type { ConversationQuery } from '../../src/store/conversation';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import { listConversationsOf } from '../../src/store/list-records';
import { readConversationQuery } from '../../src/store/read-listing-query';
import type { MessageRecord } from '../../src/store/message-record';
import type { MessageStore } from '../../src/store/message-store';
import { runConversationCases } from '../../src/testing/run-conversation-cases';
import { collectContract, failingTests } from '../support/collect-contract';

function sample(overrides: Partial<MessageRecord>): MessageRecord {
  return {
    id: '7a1e0c3b-5d2f-4e8a-9b6c-000000000000', tenantId: 'tenant-1', direction: 'outbound', from: '+14155550100', to: '+14155550123', body: 'Hello',
    mediaUrls: [], provider: 'twilio', providerMessageId: null, status: 'queued', errorCode: null, errorReason: null, errorMessage: null,
    providerCode: null, cost: '0.0075', currency: 'USD', segments: 1, encoding: 'GSM-7', metadata: {}, attempts: 1, idempotencyKey: null,
    createdAt: '2026-01-01T00:00:00.000Z', sentAt: null, deliveredAt: null, statusChangedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const cases = (createStore: () => MessageStore) => collectContract((api) => runConversationCases(api, createStore, sample));

/** The in-memory store with one of its inbox reads replaced. */
function broken(replace: (inner: ReturnType<typeof createInMemoryMessageStore>, records: MessageRecord[]) => Partial<MessageStore>): () => MessageStore {
  return () => {
    const inner = createInMemoryMessageStore();
    const records: MessageRecord[] = [];
    return {
      save: async (record) => {
        const index = records.findIndex((each) => each.id === record.id);
        if (index === -1) records.push(record);
        else records[index] = record;
        await inner.save(record);
      },
      get: (id) => inner.get(id),
      findByProviderMessageId: (provider, id) => inner.findByProviderMessageId(provider, id),
      update: (id, change) => inner.update(id, change),
      listConversations: (query) => inner.listConversations(query),
      listMessages: (query) => inner.listMessages(query),
      ...replace(inner, records),
    };
  };
}

const GROUPING = 'conversations: one per our number and contact, newest activity first, with the last message and unread inbound';
const PAGING = 'conversations: pages by the cursor with no gap and no repeat';
const ORDER = 'conversations: the last message and unread follow message time, not the order the messages were saved in';
const RESAVE = 'conversations: a message saved again (its outcome, a redelivered webhook) moves nothing and counts once';
const MESSAGES = 'messages: a contact in both directions newest first, one number of ours on request, paged by before';
const REFUSALS = 'conversations and messages: refuse a bad cursor, limit or contact, naming the field';

describe('runConversationCases', () => {
  it('registers the six inbox cases, and the in-memory store passes them all', async () => {
    const tests = cases(() => createInMemoryMessageStore());
    expect(tests.map((test) => test.name)).toEqual([GROUPING, PAGING, RESAVE, ORDER, MESSAGES, REFUSALS]);
    expect(await failingTests(tests)).toEqual([]);
  });

  it('fails every case, with a message saying how to skip them, for a store without the inbox reads', async () => {
    const withoutInbox = (): MessageStore => {
      const inner = createInMemoryMessageStore();
      return { save: (record) => inner.save(record), get: (id) => inner.get(id), findByProviderMessageId: (provider, id) => inner.findByProviderMessageId(provider, id) };
    };
    const [first] = cases(withoutInbox);
    await expect(first?.run()).rejects.toThrow(/listConversations is missing \(pass conversations: false to skip these cases\)/);
    expect(await failingTests(cases(withoutInbox))).toEqual([GROUPING, PAGING, RESAVE, ORDER, MESSAGES, REFUSALS]);
  });

  it('catches unread never counted', async () => {
    const neverUnread = broken((inner) => ({
      listConversations: async (query) => {
        const page = await inner.listConversations(query);
        return { ...page, conversations: page.conversations.map((conversation) => ({ ...conversation, unreadCount: 0 })) };
      },
    }));
    expect(await failingTests(cases(neverUnread))).toEqual([GROUPING, RESAVE, ORDER]);
  });

  it('catches unread that ignores our reply (every inbound counted)', async () => {
    const ignoresReply = broken((inner, records) => ({
      listConversations: async (query) => {
        const page = await inner.listConversations(query);
        const inboundFrom = (contact: string) => records.filter((record) => record.tenantId === query.tenantId && record.direction === 'inbound' && record.from === contact && record.to === page.conversations.find((each) => each.contactNumber === contact)?.ourNumber).length;
        return { ...page, conversations: page.conversations.map((conversation) => ({ ...conversation, unreadCount: inboundFrom(conversation.contactNumber) })) };
      },
    }));
    expect(await failingTests(cases(ignoresReply))).toEqual([GROUPING, ORDER]);
  });

  it('catches pages that repeat the last row of the previous page', async () => {
    const repeats = broken((_inner, records) => ({
      listConversations: async (query: ConversationQuery) => {
        const page = listConversationsOf(records, query);
        if (query.cursor === undefined || page.conversations.length === 0) return page;
        const all = listConversationsOf(records, { tenantId: query.tenantId, limit: 200 }).conversations;
        const start = all.indexOf(all.find((conversation) => conversation.lastMessage.id === page.conversations[0]?.lastMessage.id) as (typeof all)[number]);
        const limit = query.limit ?? 50;
        const shown = all.slice(start - 1, start - 1 + limit);
        return { conversations: shown, nextCursor: start - 1 + limit < all.length ? page.nextCursor : null };
      },
    }));
    expect(await failingTests(cases(repeats))).toEqual([PAGING]);
  });

  it('catches a message list that ignores the ourNumber filter', async () => {
    const everyNumber = broken((inner) => ({ listMessages: ({ ourNumber: _ignored, ...query }) => inner.listMessages(query) }));
    expect(await failingTests(cases(everyNumber))).toEqual([MESSAGES]);
  });

  it('catches a conversation list that takes a cursor it never returned as the first page', async () => {
    const lenient = broken((inner) => ({
      listConversations: async (query) => {
        try {
          readConversationQuery(query);
        } catch {
          const { cursor: _refused, ...rest } = query;
          return inner.listConversations(rest);
        }
        return inner.listConversations(query);
      },
    }));
    expect(await failingTests(cases(lenient))).toEqual([REFUSALS]);
  });

  it('catches a conversation list that leaks another tenant', async () => {
    const leaky = broken((_inner, records) => ({ listConversations: async (query) => listConversationsOf(records.map((record) => ({ ...record, tenantId: query.tenantId })), query) }));
    expect(await failingTests(cases(leaky))).toEqual([GROUPING]);
  });
});
