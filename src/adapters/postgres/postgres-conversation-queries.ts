import type { ConversationPage, ConversationQuery, MessageListQuery, MessagePage } from '../../store/conversation';
import { encodeCursor, readConversationQuery, readMessageListQuery } from '../../store/read-listing-query';
import { fromRow } from './message-row';
import type { PostgresNames } from './postgres-names';
import type { PostgresPool } from './postgres-pool';

export interface PostgresConversationQueriesOptions {
  readonly names: PostgresNames;
  readonly pool: () => Promise<PostgresPool>;
}

/**
 * The inbox reads of the PostgreSQL message store (docs/persistence.md#conversations), with the same
 * order, pages and unread rule as the in-memory store (`listConversationsOf`):
 *
 * - conversations: one range scan of `idx_<table>_conversations_recent` (tenant, last message time, our
 *   number, contact, newest first) from the cursor's position, joined to each last message by its key (the
 *   unread count is kept on the conversation row when messages are inserted);
 * - messages: one range scan of `idx_<table>_contact_messages` (tenant, contact, time, id).
 *
 * @example
 * const { listConversations } = createPostgresConversationQueries({ names, pool });
 */
export function createPostgresConversationQueries(options: PostgresConversationQueriesOptions) {
  const { names, pool } = options;
  // Microseconds in the cursor: rows the host wrote may carry them, and a rounded cursor would skip rows.
  const cursorTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const ourNumber = (alias: string) => `COALESCE(CASE WHEN ${alias}.direction = 'outbound' THEN ${alias}.from_number ELSE ${alias}.to_number END, '')`;
  const conversationSql = (paged: boolean) => `SELECT conversation.our_number AS conversation_our_number, conversation.contact_number AS conversation_contact_number,
      ${cursorTime('conversation.last_message_at')} AS conversation_cursor_at, conversation.unread_count AS conversation_unread_count, message.*
    FROM ${names.conversations} AS conversation
    JOIN ${names.qualified} AS message ON message.id = conversation.last_message_id
    WHERE conversation.tenant_key = $1${paged ? ' AND (conversation.last_message_at, conversation.our_number, conversation.contact_number) < ($3::timestamptz, $4, $5)' : ''}
    ORDER BY conversation.last_message_at DESC, conversation.our_number DESC, conversation.contact_number DESC LIMIT $2`;
  const messageSql = (paged: boolean, ours: boolean) => `SELECT *, ${cursorTime('created_at')} AS cursor_at FROM ${names.qualified} AS message
    WHERE tenant_key = $1 AND contact_number = $2${paged ? ' AND (created_at, id) < ($4::timestamptz, $5::uuid)' : ''}
    ${ours ? `AND ${ourNumber('message')} = $${paged ? 6 : 4}` : ''}
    ORDER BY created_at DESC, id DESC LIMIT $3`;

  return {
    async listConversations(query: ConversationQuery): Promise<ConversationPage> {
      const { tenantId, limit, after } = readConversationQuery(query);
      const values = [tenantId ?? '', limit + 1, ...(after ?? [])];
      const { rows } = await (await pool()).query(conversationSql(after !== undefined), values);
      const shown = rows.slice(0, limit);
      const conversations = shown.map((row) => ({
        ourNumber: row.conversation_our_number === '' ? null : String(row.conversation_our_number),
        contactNumber: String(row.conversation_contact_number),
        lastMessage: fromRow(row),
        unreadCount: Number(row.conversation_unread_count),
      }));
      const last = shown.at(-1);
      const nextCursor = rows.length > limit && last !== undefined
        ? encodeCursor([String(last.conversation_cursor_at), String(last.conversation_our_number), String(last.conversation_contact_number)])
        : null;
      return { conversations, nextCursor };
    },
    async listMessages(query: MessageListQuery): Promise<MessagePage> {
      const { tenantId, limit, after, contact, ourNumber } = readMessageListQuery(query);
      const values: unknown[] = [tenantId ?? '', contact, limit + 1, ...(after ?? [])];
      if (ourNumber !== undefined) values.push(ourNumber ?? '');
      const { rows } = await (await pool()).query(messageSql(after !== undefined, ourNumber !== undefined), values);
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      return { messages: shown.map(fromRow), nextCursor: rows.length > limit && last !== undefined ? encodeCursor([String(last.cursor_at), String(last.id)]) : null };
    },
  };
}
