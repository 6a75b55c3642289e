import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import type { ConversationPage, MessagePage } from '../../src/store/conversation';
import { listConversationsOf, listMessagesOf } from '../../src/store/list-records';
import type { MessageRecord } from '../../src/store/message-record';
import { encodeCursor } from '../../src/store/read-listing-query';

const OURS = '+14155550100';
const OTHER_OURS = '+14155550199';
const ALICE = '+14155552001';
const BOB = '+14155552002';
const CAROL = '+14155552003';

const at = (second: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, second)).toISOString();

function record(overrides: Partial<MessageRecord>): MessageRecord {
  return {
    id: 'm', tenantId: 'org-1', direction: 'outbound', from: OURS, to: ALICE, body: 'x', mediaUrls: [], provider: 'twilio',
    providerMessageId: null, status: 'sent', errorCode: null, errorReason: null, errorMessage: null, providerCode: null,
    cost: null, currency: null, segments: 1, encoding: 'GSM-7', metadata: {}, attempts: 1, idempotencyKey: null,
    createdAt: at(0), sentAt: null, deliveredAt: null, statusChangedAt: at(0),
    ...overrides,
  };
}

const sent = (id: string, to: string, second: number, overrides: Partial<MessageRecord> = {}) => record({ id, direction: 'outbound', from: OURS, to, createdAt: at(second), ...overrides });
const received = (id: string, from: string, second: number, overrides: Partial<MessageRecord> = {}) =>
  record({ id, direction: 'inbound', from, to: OURS, status: 'received', attempts: 0, createdAt: at(second), ...overrides });

const summary = (page: ConversationPage) => page.conversations.map((conversation) => [conversation.ourNumber, conversation.contactNumber, conversation.lastMessage.id, conversation.unreadCount]);
const ids = (page: MessagePage) => page.messages.map((message) => message.id);

function fieldOf(refuse: () => unknown): string | undefined {
  try {
    refuse();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
}

describe('listConversationsOf', () => {
  it('groups by our number and contact, both directions together, the latest message first', () => {
    const records = [sent('a1', ALICE, 1), received('a2', ALICE, 3), sent('b1', BOB, 2), sent('a3', ALICE, 0, { from: OTHER_OURS })];
    const page = listConversationsOf(records, { tenantId: 'org-1' });
    expect(summary(page)).toEqual([[OURS, ALICE, 'a2', 1], [OURS, BOB, 'b1', 0], [OTHER_OURS, ALICE, 'a3', 0]]);
    expect(page.conversations[0]?.lastMessage).toBe(records[1]);
    expect(page.nextCursor).toBeNull();
  });

  it('counts as unread only the inbound messages after our latest outbound one', () => {
    const records = [received('r1', ALICE, 1), received('r2', ALICE, 2), sent('s1', ALICE, 3), received('r3', ALICE, 4), received('r4', ALICE, 5)];
    expect(listConversationsOf(records, { tenantId: 'org-1' }).conversations[0]?.unreadCount).toBe(2);
    expect(listConversationsOf(records.slice(0, 2), { tenantId: 'org-1' }).conversations[0]?.unreadCount).toBe(2);
    expect(listConversationsOf([...records, sent('s2', ALICE, 6)], { tenantId: 'org-1' }).conversations[0]).toMatchObject({ unreadCount: 0, lastMessage: { id: 's2' } });
  });

  it('does not let a reply from another number of ours read the conversation', () => {
    const records = [received('r1', ALICE, 1), sent('s1', ALICE, 2, { from: OTHER_OURS })];
    expect(summary(listConversationsOf(records, { tenantId: 'org-1' }))).toEqual([[OTHER_OURS, ALICE, 's1', 0], [OURS, ALICE, 'r1', 1]]);
  });

  it('breaks a tie in time by our number, then by contact, larger first (code-unit order)', () => {
    const records = [sent('1', ALICE, 5), sent('2', BOB, 5), sent('3', ALICE, 5, { from: OTHER_OURS }), sent('4', CAROL, 4)];
    expect(summary(listConversationsOf(records, { tenantId: 'org-1' }))).toEqual([[OTHER_OURS, ALICE, '3', 0], [OURS, BOB, '2', 0], [OURS, ALICE, '1', 0], [OURS, CAROL, '4', 0]]);
  });

  it('lists only the tenant asked for, null listing the records without a tenant', () => {
    const records = [sent('t1', ALICE, 1), sent('t2', BOB, 2, { tenantId: 'org-2' }), sent('t3', CAROL, 3, { tenantId: null })];
    expect(summary(listConversationsOf(records, { tenantId: 'org-1' }))).toEqual([[OURS, ALICE, 't1', 0]]);
    expect(summary(listConversationsOf(records, { tenantId: 'org-2' }))).toEqual([[OURS, BOB, 't2', 0]]);
    expect(summary(listConversationsOf(records, { tenantId: null }))).toEqual([[OURS, CAROL, 't3', 0]]);
    expect(listConversationsOf(records, { tenantId: 'org-3' })).toEqual({ conversations: [], nextCursor: null });
  });

  it('keeps a provider-chosen sender (null) as its own conversation, and skips an inbound record without a sender', () => {
    const records = [sent('n1', ALICE, 1, { from: null }), sent('o1', ALICE, 2), received('x1', ALICE, 3, { from: null })];
    expect(summary(listConversationsOf(records, { tenantId: 'org-1' }))).toEqual([[OURS, ALICE, 'o1', 0], [null, ALICE, 'n1', 0]]);
  });

  it('pages by the cursor with no gap and no repeat, ties at the page boundary included', () => {
    const contacts = Array.from({ length: 11 }, (_, index) => `+1415555300${String(index).padStart(2, '0')}`);
    const records = contacts.map((contact, index) => received(`r${index}`, contact, index % 3));
    const expected = summary(listConversationsOf(records, { tenantId: 'org-1', limit: 200 }));
    expect(expected).toHaveLength(11);
    for (const limit of [1, 2, 3, 4, 10, 11]) {
      const seen: unknown[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = listConversationsOf(records, { tenantId: 'org-1', limit, ...(cursor === undefined ? {} : { cursor }) });
        expect(page.conversations.length).toBeLessThanOrEqual(limit);
        seen.push(...summary(page));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor !== undefined && pages < 20);
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(11 / limit));
    }
  });

  it('gives the last page a null cursor when the rows fill it exactly', () => {
    const records = [sent('1', ALICE, 1), sent('2', BOB, 2)];
    const first = listConversationsOf(records, { tenantId: 'org-1', limit: 1 });
    expect(summary(first)).toEqual([[OURS, BOB, '2', 0]]);
    const second = listConversationsOf(records, { tenantId: 'org-1', limit: 1, cursor: first.nextCursor as string });
    expect(summary(second)).toEqual([[OURS, ALICE, '1', 0]]);
    expect(second.nextCursor).toBeNull();
    expect(listConversationsOf(records, { tenantId: 'org-1', limit: 2 }).nextCursor).toBeNull();
  });

  it('encodes the cursor as the keyset position of the page\'s last conversation', () => {
    const page = listConversationsOf([sent('1', ALICE, 1), sent('2', BOB, 2, { from: null })], { tenantId: 'org-1', limit: 1 });
    expect(page.nextCursor).toBe(encodeCursor([at(2), '', BOB]));
  });

  it('defaults to 50 conversations a page', () => {
    const records = Array.from({ length: 51 }, (_, index) => sent(`s${index}`, `+1415555${String(4000 + index)}`, index % 60));
    const page = listConversationsOf(records, { tenantId: 'org-1' });
    expect(page.conversations).toHaveLength(50);
    expect(page.nextCursor).not.toBeNull();
  });

  it('reads an iterable once-through (a Map of records)', () => {
    const records = new Map([['a', sent('a', ALICE, 1)], ['b', received('b', BOB, 2)]]);
    expect(summary(listConversationsOf(records.values(), { tenantId: 'org-1' }))).toEqual([[OURS, BOB, 'b', 1], [OURS, ALICE, 'a', 0]]);
  });

  it.each([
    [{ tenantId: 'org-1', limit: 0 }, 'limit'],
    [{ tenantId: 'org-1', limit: 201 }, 'limit'],
    [{ tenantId: 'org-1', limit: 1.5 }, 'limit'],
    [{ tenantId: '' }, 'tenantId'],
    [{ tenantId: 'org-1', cursor: 'not-a-cursor' }, 'cursor'],
    [{ tenantId: 'org-1', cursor: encodeCursor([at(1), 'a-message-id']) }, 'cursor'],
  ])('refuses %j with a ValidationError naming %s', (query, field) => {
    expect(fieldOf(() => listConversationsOf([sent('1', ALICE, 1)], query as never))).toBe(field);
  });
});

describe('listMessagesOf', () => {
  const records = [
    sent('m1', ALICE, 1), received('m2', ALICE, 2), sent('m3', ALICE, 2), sent('m4', ALICE, 3, { from: OTHER_OURS }),
    sent('m5', BOB, 4), received('m6', ALICE, 5, { tenantId: 'org-2' }), sent('m7', ALICE, 6, { from: null }), sent('m8', ALICE, 7, { tenantId: null }),
  ];

  it("lists one contact's messages in both directions, newest first, ties by id (larger first)", () => {
    expect(ids(listMessagesOf(records, { tenantId: 'org-1', contact: ALICE }))).toEqual(['m7', 'm4', 'm3', 'm2', 'm1']);
    expect(listMessagesOf(records, { tenantId: 'org-1', contact: ALICE }).nextCursor).toBeNull();
  });

  it('filters by our number when asked, null meaning the provider-chosen sender', () => {
    expect(ids(listMessagesOf(records, { tenantId: 'org-1', contact: ALICE, ourNumber: OURS }))).toEqual(['m3', 'm2', 'm1']);
    expect(ids(listMessagesOf(records, { tenantId: 'org-1', contact: ALICE, ourNumber: OTHER_OURS }))).toEqual(['m4']);
    expect(ids(listMessagesOf(records, { tenantId: 'org-1', contact: ALICE, ourNumber: null }))).toEqual(['m7']);
  });

  it('lists only the tenant asked for, null included', () => {
    expect(ids(listMessagesOf(records, { tenantId: 'org-2', contact: ALICE }))).toEqual(['m6']);
    expect(ids(listMessagesOf(records, { tenantId: null, contact: ALICE }))).toEqual(['m8']);
    expect(ids(listMessagesOf(records, { tenantId: 'org-1', contact: CAROL }))).toEqual([]);
  });

  it('pages with before, older each time, with no gap and no repeat', () => {
    for (const limit of [1, 2, 3, 4, 5]) {
      const seen: string[] = [];
      let before: string | undefined;
      let pages = 0;
      do {
        const page = listMessagesOf(records, { tenantId: 'org-1', contact: ALICE, limit, ...(before === undefined ? {} : { before }) });
        seen.push(...ids(page));
        before = page.nextCursor ?? undefined;
        pages += 1;
      } while (before !== undefined && pages < 10);
      expect(seen).toEqual(['m7', 'm4', 'm3', 'm2', 'm1']);
      expect(pages).toBe(Math.ceil(5 / limit));
    }
  });

  it("encodes before as the page's last message time and id", () => {
    const page = listMessagesOf(records, { tenantId: 'org-1', contact: ALICE, limit: 3 });
    expect(page.nextCursor).toBe(encodeCursor([at(2), 'm3']));
  });

  it.each([
    [{ tenantId: 'org-1', contact: '' }, 'contact'],
    [{ tenantId: 'org-1', contact: ALICE, limit: 0 }, 'limit'],
    [{ tenantId: 'org-1', contact: ALICE, limit: 500 }, 'limit'],
    [{ tenantId: '', contact: ALICE }, 'tenantId'],
    [{ tenantId: 'org-1', contact: ALICE, before: 'garbage' }, 'before'],
    [{ tenantId: 'org-1', contact: ALICE, before: encodeCursor([at(1), OURS, ALICE]) }, 'before'],
  ])('refuses %j with a ValidationError naming %s', (query, field) => {
    expect(fieldOf(() => listMessagesOf(records, query as never))).toBe(field);
  });
});
