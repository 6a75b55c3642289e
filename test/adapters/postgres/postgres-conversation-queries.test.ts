// The inbox reads against the real server (127.0.0.1:5432, database test), in a schema of their own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { applyMigrations } from '../../../src/adapters/postgres/apply-migrations';
import { createPostgresConversationQueries } from '../../../src/adapters/postgres/postgres-conversation-queries';
import { createPostgresMessageStore } from '../../../src/adapters/postgres/postgres-message-store';
import { readPostgresNames } from '../../../src/adapters/postgres/postgres-names';
import { ValidationError } from '../../../src/errors/validation-error';
import type { ConversationPage, ConversationQuery, MessageListQuery, MessagePage } from '../../../src/store/conversation';
import { listConversationsOf, listMessagesOf } from '../../../src/store/list-records';
import type { MessageRecord } from '../../../src/store/message-record';
import { encodeCursor } from '../../../src/store/read-listing-query';
import { dropSchemas, POSTGRES_URL, postgresIsReachable, uniqueSchema } from '../../support/services/postgres-support';

const OURS = '+14155550100';
const OTHER_OURS = '+14155550199';
const ALICE = '+14155552001';
const BOB = '+14155552002';
const at = (second: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, second)).toISOString();
let sequence = 0;
const uuid = () => `6f1c2a9e-0b4d-4c8e-9a71-${String((sequence += 1)).padStart(12, '0')}`;

function record(overrides: Partial<MessageRecord>): MessageRecord {
  return {
    id: uuid(), tenantId: 'org-1', direction: 'outbound', from: OURS, to: ALICE, body: 'Hi', mediaUrls: [], provider: 'twilio',
    providerMessageId: null, status: 'sent', errorCode: null, errorReason: null, errorMessage: null, providerCode: null,
    cost: null, currency: null, segments: 1, encoding: 'GSM-7', metadata: {}, attempts: 1, idempotencyKey: null,
    createdAt: at(0), sentAt: null, deliveredAt: null, statusChangedAt: at(0),
    ...overrides,
  };
}
const sent = (to: string, second: number, overrides: Partial<MessageRecord> = {}) => record({ direction: 'outbound', from: OURS, to, createdAt: at(second), ...overrides });
const received = (from: string, second: number, overrides: Partial<MessageRecord> = {}) =>
  record({ direction: 'inbound', from, to: OURS, status: 'received', attempts: 0, createdAt: at(second), ...overrides });

const summary = (page: ConversationPage) => page.conversations.map((conversation) => [conversation.ourNumber, conversation.contactNumber, conversation.lastMessage.id, conversation.unreadCount]);
const ids = (page: MessagePage) => page.messages.map((message) => message.id);
/** A cursor's position with its time as epoch milliseconds: PostgreSQL's carry microseconds, the in-memory store's milliseconds. */
const decoded = (cursor: string | null) => {
  const [time, ...rest] = JSON.parse(Buffer.from(cursor ?? '', 'base64url').toString('utf8')) as string[];
  return [Date.parse(time as string), ...rest];
};

const reachable = await postgresIsReachable();
const schema = uniqueSchema('inbox');
let pool: pg.Pool;
const names = readPostgresNames({ schema });
const queries = createPostgresConversationQueries({ names, pool: async () => pool });
const saved: MessageRecord[] = [];

async function save(...records: MessageRecord[]): Promise<void> {
  const store = createPostgresMessageStore({ pool, schema });
  for (const each of records) {
    await store.save(each);
    saved.push(each);
  }
}

async function allConversations(query: Omit<ConversationQuery, 'cursor'>): Promise<{ seen: unknown[]; pages: number }> {
  const seen: unknown[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await queries.listConversations({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    seen.push(...summary(page));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor !== undefined && pages < 50);
  return { seen, pages };
}

async function allMessages(query: Omit<MessageListQuery, 'before'>): Promise<{ seen: string[]; pages: number }> {
  const seen: string[] = [];
  let before: string | undefined;
  let pages = 0;
  do {
    const page = await queries.listMessages({ ...query, ...(before === undefined ? {} : { before }) });
    seen.push(...ids(page));
    before = page.nextCursor ?? undefined;
    pages += 1;
  } while (before !== undefined && pages < 50);
  return { seen, pages };
}

beforeAll(async () => {
  if (!reachable) return;
  await applyMigrations({ connectionString: POSTGRES_URL, schema });
  pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
});
afterAll(async () => {
  if (!reachable) return;
  await pool.end();
  await dropSchemas(schema);
});

describe.skipIf(!reachable)('createPostgresConversationQueries', () => {
  beforeEach(async () => {
    saved.length = 0;
    await pool.query(`TRUNCATE "${schema}".sms_messages, "${schema}".sms_messages_conversations`);
  });

  it('lists conversations newest first with the last message and unread inbound, as listConversationsOf does', async () => {
    await save(sent(ALICE, 1), received(ALICE, 2), received(ALICE, 3), received(BOB, 4), sent(BOB, 5), sent(ALICE, 0, { from: OTHER_OURS }), received(ALICE, 9, { tenantId: 'org-2' }));
    const page = await queries.listConversations({ tenantId: 'org-1' });
    expect(summary(page)).toEqual([[OURS, BOB, saved[4]?.id, 0], [OURS, ALICE, saved[2]?.id, 2], [OTHER_OURS, ALICE, saved[5]?.id, 0]]);
    expect(page.conversations[1]?.lastMessage).toEqual(saved[2]);
    expect(page.nextCursor).toBeNull();
    expect(summary(page)).toEqual(summary(listConversationsOf(saved, { tenantId: 'org-1' })));
    expect(summary(await queries.listConversations({ tenantId: 'org-2' }))).toEqual([[OURS, ALICE, saved[6]?.id, 1]]);
  });

  it('lists the messages sent without a tenant under tenantId null, and only those', async () => {
    await save(sent(ALICE, 1, { tenantId: null }), sent(BOB, 2), received(BOB, 3, { tenantId: null }));
    expect(summary(await queries.listConversations({ tenantId: null }))).toEqual([[OURS, BOB, saved[2]?.id, 1], [OURS, ALICE, saved[0]?.id, 0]]);
    expect((await queries.listConversations({ tenantId: null })).conversations.every((conversation) => conversation.lastMessage.tenantId === null)).toBe(true);
    expect(ids(await queries.listMessages({ tenantId: null, contact: BOB }))).toEqual([saved[2]?.id]);
    expect(ids(await queries.listMessages({ tenantId: 'org-1', contact: BOB }))).toEqual([saved[1]?.id]);
  });

  it('gives a provider-chosen sender a null number of ours', async () => {
    await save(sent(ALICE, 1, { from: null }));
    expect(summary(await queries.listConversations({ tenantId: 'org-1' }))).toEqual([[null, ALICE, saved[0]?.id, 0]]);
  });

  it('pages conversations by the cursor with no gap and no repeat, ties in time included, in the in-memory order', async () => {
    const contacts = Array.from({ length: 9 }, (_, index) => `+1415555300${index}`);
    await save(...contacts.map((contact, index) => received(contact, index % 3)), sent(ALICE, 1, { from: OTHER_OURS }), sent(ALICE, 1));
    const expected = summary(listConversationsOf(saved, { tenantId: 'org-1', limit: 200 }));
    expect(expected).toHaveLength(11);
    for (const limit of [1, 3, 4, 11]) {
      const { seen, pages } = await allConversations({ tenantId: 'org-1', limit });
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(11 / limit));
    }
  });

  it("encodes the conversation cursor as the page's last position, '' for a null number of ours", async () => {
    await save(sent(ALICE, 1), sent(BOB, 2, { from: null }));
    const page = await queries.listConversations({ tenantId: 'org-1', limit: 1 });
    // Microseconds, as PostgreSQL keeps them; the same instant as the in-memory store's cursor.
    expect(page.nextCursor).toBe(encodeCursor([at(2).replace('Z', '000Z'), '', BOB]));
    expect(decoded(page.nextCursor)).toEqual(decoded(listConversationsOf(saved, { tenantId: 'org-1', limit: 1 }).nextCursor));
    const next = await queries.listConversations({ tenantId: 'org-1', limit: 1, cursor: page.nextCursor as string });
    expect(summary(next)).toEqual([[OURS, ALICE, saved[0]?.id, 0]]);
    expect(next.nextCursor).toBeNull();
  });

  it('lists a contact in both directions newest first, ties by id, one number of ours on request', async () => {
    await save(sent(ALICE, 1), received(ALICE, 2), sent(ALICE, 2), sent(ALICE, 3, { from: OTHER_OURS }), sent(BOB, 4), received(ALICE, 5, { tenantId: 'org-2' }), sent(ALICE, 6, { from: null }));
    const [first, second, third, fourth, , , seventh] = saved.map((each) => each.id);
    const all = await queries.listMessages({ tenantId: 'org-1', contact: ALICE });
    expect(ids(all)).toEqual([seventh, fourth, third, second, first]);
    expect(all.messages[1]).toEqual(saved[3]);
    expect(all.nextCursor).toBeNull();
    expect(ids(await queries.listMessages({ tenantId: 'org-1', contact: ALICE, ourNumber: OURS }))).toEqual([third, second, first]);
    expect(ids(await queries.listMessages({ tenantId: 'org-1', contact: ALICE, ourNumber: OTHER_OURS }))).toEqual([fourth]);
    expect(ids(await queries.listMessages({ tenantId: 'org-1', contact: ALICE, ourNumber: null }))).toEqual([seventh]);
    for (const query of [{ tenantId: 'org-1', contact: ALICE }, { tenantId: 'org-1', contact: ALICE, ourNumber: OURS }, { tenantId: 'org-1', contact: ALICE, ourNumber: null }, { tenantId: 'org-2', contact: ALICE }] as const) {
      expect(ids(await queries.listMessages(query))).toEqual(ids(listMessagesOf(saved, query)));
    }
  });

  it('pages messages with before, with no gap and no repeat, the ourNumber filter kept across pages', async () => {
    await save(...Array.from({ length: 7 }, (_, index) => (index % 2 === 0 ? sent(ALICE, index % 3) : received(ALICE, index % 3))), sent(ALICE, 1, { from: OTHER_OURS }));
    const expected = ids(listMessagesOf(saved, { tenantId: 'org-1', contact: ALICE, limit: 200 }));
    const ours = ids(listMessagesOf(saved, { tenantId: 'org-1', contact: ALICE, ourNumber: OURS, limit: 200 }));
    expect(expected).toHaveLength(8);
    expect(ours).toHaveLength(7);
    for (const limit of [1, 2, 3, 8]) {
      const { seen, pages } = await allMessages({ tenantId: 'org-1', contact: ALICE, limit });
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(8 / limit));
      expect((await allMessages({ tenantId: 'org-1', contact: ALICE, ourNumber: OURS, limit })).seen).toEqual(ours);
    }
    const page = await queries.listMessages({ tenantId: 'org-1', contact: ALICE, limit: 3 });
    expect(decoded(page.nextCursor)).toEqual(decoded(listMessagesOf(saved, { tenantId: 'org-1', contact: ALICE, limit: 3 }).nextCursor));
  });

  it('pages rows written with microseconds (by the host, or filled by migration 3) without skipping any', async () => {
    await save(sent(ALICE, 1), sent(BOB, 1));
    await pool.query(`UPDATE ${names.qualified} SET created_at = created_at + (CASE WHEN to_number = $1 THEN interval '500 microseconds' ELSE interval '700 microseconds' END)`, [ALICE]);
    await pool.query(`UPDATE ${names.conversations} AS conversation SET last_message_at = message.created_at FROM ${names.qualified} AS message WHERE message.id = conversation.last_message_id`);
    expect((await allConversations({ tenantId: 'org-1', limit: 1 })).seen).toHaveLength(2);
    await save(sent(ALICE, 1));
    await pool.query(`UPDATE ${names.qualified} SET created_at = created_at + interval '300 microseconds' WHERE id = $1`, [saved.at(-1)?.id]);
    expect((await allMessages({ tenantId: 'org-1', contact: ALICE, limit: 1 })).seen).toHaveLength(2);
  });

  it('refuses a bad cursor, limit or contact with a ValidationError before querying', async () => {
    const refusals = [
      queries.listConversations({ tenantId: 'org-1', cursor: 'nope' }),
      queries.listConversations({ tenantId: 'org-1', limit: 201 }),
      queries.listMessages({ tenantId: 'org-1', contact: '' }),
      queries.listMessages({ tenantId: 'org-1', contact: ALICE, before: encodeCursor([at(1), OURS, ALICE]) }),
    ];
    const fields: string[] = [];
    for (const refusal of refusals) {
      const error = await refusal.then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      fields.push((error as ValidationError).field as string);
    }
    expect(fields).toEqual(['cursor', 'limit', 'contact', 'before']);
  });
});
