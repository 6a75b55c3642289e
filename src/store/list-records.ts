import { conversationOf, type Conversation, type ConversationPage, type ConversationQuery, type MessageListQuery, type MessagePage } from './conversation';
import type { MessageRecord } from './message-record';
import { encodeCursor, readConversationQuery, readMessageListQuery } from './read-listing-query';

/**
 * `listConversations` over records held in memory (the in-memory store, and the reference for the
 * PostgreSQL queries): groups a tenant's records by our number and contact, orders the conversations by
 * their last message (time, then our number, then contact, newest first) and pages by that key. Unread is
 * the inbound messages after the conversation's latest outbound one. Strings compare by code unit, as
 * PostgreSQL's `COLLATE "C"` does. Pure.
 *
 * @example
 * listConversationsOf(records, { tenantId: 'org-1', limit: 20 }).conversations[0]?.lastMessage.body;
 */
export function listConversationsOf(records: Iterable<MessageRecord>, query: ConversationQuery): ConversationPage {
  const { tenantId, limit, after } = readConversationQuery(query);
  const byConversation = new Map<string, MessageRecord[]>();
  for (const record of records) {
    const { ourNumber, contactNumber } = conversationOf(record);
    if (record.tenantId !== tenantId || contactNumber === null) continue;
    const key = JSON.stringify([ourNumber ?? '', contactNumber]);
    const messages = byConversation.get(key);
    if (messages === undefined) byConversation.set(key, [record]);
    else messages.push(record);
  }
  const conversations: Array<{ readonly position: readonly string[]; readonly conversation: Conversation }> = [];
  for (const messages of byConversation.values()) {
    messages.sort(newestFirst);
    const lastMessage = messages[0] as MessageRecord;
    const { ourNumber, contactNumber } = conversationOf(lastMessage);
    const replied = messages.findIndex((message) => message.direction === 'outbound');
    const unreadCount = (replied === -1 ? messages : messages.slice(0, replied)).filter((message) => message.direction === 'inbound').length;
    const position = [lastMessage.createdAt, ourNumber ?? '', contactNumber as string];
    conversations.push({ position, conversation: { ourNumber, contactNumber: contactNumber as string, lastMessage, unreadCount } });
  }
  conversations.sort((left, right) => compareDescending(left.position, right.position));
  const page = conversations.filter((entry) => after === undefined || compareDescending(entry.position, after) > 0).slice(0, limit + 1);
  const more = page.length > limit;
  const shown = page.slice(0, limit);
  return { conversations: shown.map((entry) => entry.conversation), nextCursor: more ? encodeCursor((shown.at(-1) as (typeof shown)[number]).position) : null };
}

/**
 * `listMessages` over records held in memory: a tenant's messages with one contact (and, when given, one
 * number of ours), newest first by time then id, paged by that key. Pure.
 *
 * @example
 * listMessagesOf(records, { tenantId: null, contact: '+14155552671' }).messages.length;
 */
export function listMessagesOf(records: Iterable<MessageRecord>, query: MessageListQuery): MessagePage {
  const { tenantId, limit, after, contact, ourNumber } = readMessageListQuery(query);
  const matching: MessageRecord[] = [];
  for (const record of records) {
    const between = conversationOf(record);
    if (record.tenantId !== tenantId || between.contactNumber !== contact) continue;
    if (ourNumber !== undefined && (between.ourNumber ?? '') !== (ourNumber ?? '')) continue;
    if (after !== undefined && compareDescending([record.createdAt, record.id], after) <= 0) continue;
    matching.push(record);
  }
  matching.sort(newestFirst);
  const shown = matching.slice(0, limit);
  const last = shown.at(-1);
  return { messages: shown, nextCursor: matching.length > limit && last !== undefined ? encodeCursor([last.createdAt, last.id]) : null };
}

function newestFirst(left: MessageRecord, right: MessageRecord): number {
  return compareDescending([left.createdAt, left.id], [right.createdAt, right.id]);
}

/** Negative when `left` sorts before `right` in newest-first order (the larger key first). */
function compareDescending(left: readonly string[], right: readonly string[]): number {
  for (let index = 0; index < left.length; index += 1) {
    const [a, b] = [left[index] as string, right[index] as string];
    if (a !== b) return a > b ? -1 : 1;
  }
  return 0;
}
