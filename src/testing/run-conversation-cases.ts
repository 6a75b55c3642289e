import assert from 'node:assert/strict';
import type { MessageRecord } from '../store/message-record';
import type { MessageStore } from '../store/message-store';
import type { ContractTestApi } from './contract-test-api';

const OURS = '+14155550100';
const OTHER_OURS = '+14155550199';
const ALICE = '+14155552001';
const BOB = '+14155552002';

/**
 * The inbox cases of `runMessageStoreContract` (docs/persistence.md#conversations): grouping by our number
 * and contact, newest activity first, unread inbound since our last reply, keyset pages without gaps or
 * repeats, a re-saved message counted once, and typed refusals of bad queries.
 */
export function runConversationCases(api: ContractTestApi, createStore: () => MessageStore | Promise<MessageStore>, sample: (overrides: Partial<MessageRecord>) => MessageRecord): void {
  const { it } = api;
  const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
  let sequence = 0;
  const id = () => `7a1e0c3b-5d2f-4e8a-9b6c-${String((sequence += 1)).padStart(12, '0')}`;
  const outbound = (to: string, second: number, overrides: Partial<MessageRecord> = {}) =>
    sample({ id: id(), direction: 'outbound', from: OURS, to, createdAt: at(second), providerMessageId: null, body: `to ${to} at ${second}`, ...overrides });
  const inbound = (from: string, second: number, overrides: Partial<MessageRecord> = {}) =>
    sample({ id: id(), direction: 'inbound', from, to: OURS, status: 'received', createdAt: at(second), providerMessageId: null, cost: null, currency: null, body: `from ${from} at ${second}`, ...overrides });
  const lists = async () => {
    const store = await createStore();
    assert.equal(typeof store.listConversations, 'function', 'listConversations is missing (pass conversations: false to skip these cases)');
    assert.equal(typeof store.listMessages, 'function', 'listMessages is missing (pass conversations: false to skip these cases)');
    return store as Required<Pick<MessageStore, 'listConversations' | 'listMessages'>> & MessageStore;
  };

  it('conversations: one per our number and contact, newest activity first, with the last message and unread inbound', async () => {
    const store = await lists();
    const records = [
      outbound(ALICE, 1), inbound(ALICE, 2), inbound(ALICE, 3),
      inbound(BOB, 4), outbound(BOB, 5),
      outbound(ALICE, 0, { from: OTHER_OURS }),
      inbound(ALICE, 9, { tenantId: 'tenant-2' }),
    ];
    for (const record of records) await store.save(record);
    const page = await store.listConversations({ tenantId: 'tenant-1' });
    assert.deepEqual(
      page.conversations.map((conversation) => [conversation.ourNumber, conversation.contactNumber, conversation.lastMessage.body, conversation.unreadCount]),
      [[OURS, BOB, `to ${BOB} at 5`, 0], [OURS, ALICE, `from ${ALICE} at 3`, 2], [OTHER_OURS, ALICE, `to ${ALICE} at 0`, 0]],
    );
    assert.deepEqual(page.conversations[1]?.lastMessage, records[2]);
    assert.equal(page.nextCursor, null);
    assert.equal((await store.listConversations({ tenantId: 'tenant-2' })).conversations[0]?.unreadCount, 1);
    assert.deepEqual((await store.listConversations({ tenantId: null })).conversations, []);
  });

  it('conversations: pages by the cursor with no gap and no repeat', async () => {
    const store = await lists();
    for (let index = 0; index < 7; index += 1) await store.save(inbound(`+1415555300${index}`, index % 3));
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    // At most 10 pages: a store that ignores the cursor fails here instead of looping.
    do {
      const page = await store.listConversations({ tenantId: 'tenant-1', limit: 3, ...(cursor === undefined ? {} : { cursor }) });
      sizes.push(page.conversations.length);
      seen.push(...page.conversations.map((conversation) => conversation.contactNumber));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && sizes.length < 10);
    assert.deepEqual(sizes, [3, 3, 1]);
    assert.deepEqual(seen, ['+14155553005', '+14155553002', '+14155553004', '+14155553001', '+14155553006', '+14155553003', '+14155553000']);
  });

  it('conversations: a message saved again (its outcome, a redelivered webhook) moves nothing and counts once', async () => {
    const store = await lists();
    const reply = inbound(ALICE, 2);
    const sent = outbound(ALICE, 1, { status: 'queued' });
    await store.save(sent);
    await store.save(reply);
    await store.save(reply);
    await store.save({ ...sent, status: 'sent' });
    const [conversation] = (await store.listConversations({ tenantId: 'tenant-1' })).conversations;
    assert.equal(conversation?.unreadCount, 1);
    assert.equal(conversation?.lastMessage.id, reply.id);
    const messages = (await store.listMessages({ tenantId: 'tenant-1', contact: ALICE })).messages;
    assert.deepEqual(messages.map((message) => [message.id, message.status]), [[reply.id, 'received'], [sent.id, 'sent']]);
  });

  it('conversations: the last message and unread follow message time, not the order the messages were saved in', async () => {
    const store = await lists();
    const late = inbound(ALICE, 9);
    for (const record of [late, outbound(ALICE, 5), inbound(ALICE, 3), inbound(BOB, 4), inbound(BOB, 2), outbound(BOB, 3)]) await store.save(record);
    const page = await store.listConversations({ tenantId: 'tenant-1' });
    assert.deepEqual(page.conversations.map((conversation) => [conversation.contactNumber, conversation.lastMessage.id, conversation.unreadCount]), [
      [ALICE, late.id, 1],
      [BOB, page.conversations[1]?.lastMessage.id, 1],
    ]);
    assert.equal(page.conversations[1]?.lastMessage.body, `from ${BOB} at 4`);
  });

  it('messages: a contact in both directions newest first, one number of ours on request, paged by before', async () => {
    const store = await lists();
    const records = [outbound(ALICE, 1), inbound(ALICE, 2), outbound(ALICE, 2), outbound(ALICE, 3, { from: OTHER_OURS }), outbound(BOB, 4), inbound(ALICE, 5, { tenantId: 'tenant-2' })];
    for (const record of records) await store.save(record);
    const [first, second, third, fourth] = records as [MessageRecord, MessageRecord, MessageRecord, MessageRecord];
    const all = await store.listMessages({ tenantId: 'tenant-1', contact: ALICE });
    assert.deepEqual(all.messages.map((message) => message.id), [fourth.id, third.id, second.id, first.id]);
    assert.deepEqual((await store.listMessages({ tenantId: 'tenant-1', contact: ALICE, ourNumber: OURS })).messages.map((message) => message.id), [third.id, second.id, first.id]);
    const page = await store.listMessages({ tenantId: 'tenant-1', contact: ALICE, limit: 2 });
    assert.deepEqual(page.messages.map((message) => message.id), [fourth.id, third.id]);
    assert.notEqual(page.nextCursor, null);
    const older = await store.listMessages({ tenantId: 'tenant-1', contact: ALICE, limit: 2, before: page.nextCursor as string });
    assert.deepEqual(older.messages.map((message) => message.id), [second.id, first.id]);
    assert.equal(older.nextCursor, null);
  });

  it('conversations and messages: refuse a bad cursor, limit or contact, naming the field', async () => {
    const store = await lists();
    await assert.rejects(store.listConversations({ tenantId: 'tenant-1', cursor: 'not-a-cursor' }), { name: 'ValidationError', field: 'cursor', reason: 'INVALID_CURSOR' });
    await assert.rejects(store.listConversations({ tenantId: 'tenant-1', limit: 0 }), { name: 'ValidationError', field: 'limit' });
    await assert.rejects(store.listMessages({ tenantId: 'tenant-1', contact: '' }), { name: 'ValidationError', field: 'contact' });
    await assert.rejects(store.listMessages({ tenantId: 'tenant-1', contact: ALICE, before: Buffer.from('["x"]').toString('base64url') }), { name: 'ValidationError', field: 'before' });
  });
}
