import { MESSAGE_COLUMNS } from './message-row';
import type { PostgresNames } from './postgres-names';

/** The SQL of the PostgreSQL message store, for its tables; parameters follow `toRowValues`. */
export interface PostgresMessageStatements {
  /** Insert or replace a record: `toRowValues(record)`. */
  readonly upsert: string;
  /** `upsert`, and for a new message its conversation row: `toRowValues(record)` then tenant key, our number, contact, direction. */
  readonly upsertWithConversation: string;
  /** Write a record over the revision that was read: `toRowValues(record)` then that revision. */
  readonly compareAndSet: string;
  /** `SELECT * FROM` the table, for a `WHERE` to follow. */
  readonly select: string;
}

/**
 * The statements `createPostgresMessageStore` runs (docs/persistence.md#the-table), built once per store; the
 * benchmark runs the same ones on raw `pg` as its baseline (bench/postgres.ts).
 *
 * @example
 * const { upsert } = postgresMessageStatements(readPostgresNames({ schema: 'sms' }));
 */
export function postgresMessageStatements(names: PostgresNames): PostgresMessageStatements {
  const columns = MESSAGE_COLUMNS.join(', ');
  const placeholders = MESSAGE_COLUMNS.map((_, index) => `$${index + 1}`).join(', ');
  const assignments = (source: (column: string, index: number) => string) =>
    MESSAGE_COLUMNS.map((column, index) => (column === 'id' ? undefined : `${column} = ${source(column, index)}`)).filter(Boolean).join(', ');
  const next = MESSAGE_COLUMNS.length;
  const upsert = `INSERT INTO ${names.qualified} AS stored (${columns}) VALUES (${placeholders})
    ON CONFLICT (id) DO UPDATE SET ${assignments((column) => `EXCLUDED.${column}`)}, revision = stored.revision + 1`;
  // A new message moves its conversation (as the in-memory store orders messages: by time, then id): the
  // later message becomes the last one; an inbound message after our last reply counts as unread; a reply
  // newer than the last one resets unread to the inbound messages after it (none, unless they arrived late).
  const createdAt = `$${MESSAGE_COLUMNS.indexOf('created_at') + 1}::timestamptz`;
  const newerReply = `EXCLUDED.last_reply_id IS NOT NULL AND (conversation.last_reply_id IS NULL OR (EXCLUDED.last_reply_at, EXCLUDED.last_reply_id) > (conversation.last_reply_at, conversation.last_reply_id))`;
  const upsertWithConversation = `WITH saved AS (${upsert} RETURNING (xmax = 0) AS inserted)
    INSERT INTO ${names.conversations} AS conversation (tenant_key, our_number, contact_number, last_message_id, last_message_at, last_reply_id, last_reply_at, unread_count)
    SELECT $${next + 1}::varchar, $${next + 2}::varchar, $${next + 3}::varchar, $1::uuid, ${createdAt},
      CASE WHEN $${next + 4}::varchar = 'outbound' THEN $1::uuid END, CASE WHEN $${next + 4}::varchar = 'outbound' THEN ${createdAt} END,
      CASE WHEN $${next + 4}::varchar = 'inbound' THEN 1 ELSE 0 END
    FROM saved WHERE saved.inserted
    ON CONFLICT (tenant_key, our_number, contact_number) DO UPDATE SET
      last_message_id = CASE WHEN (EXCLUDED.last_message_at, EXCLUDED.last_message_id) > (conversation.last_message_at, conversation.last_message_id) THEN EXCLUDED.last_message_id ELSE conversation.last_message_id END,
      last_message_at = GREATEST(EXCLUDED.last_message_at, conversation.last_message_at),
      last_reply_id = CASE WHEN ${newerReply} THEN EXCLUDED.last_reply_id ELSE conversation.last_reply_id END,
      last_reply_at = CASE WHEN ${newerReply} THEN EXCLUDED.last_reply_at ELSE conversation.last_reply_at END,
      unread_count = CASE
        WHEN EXCLUDED.last_reply_id IS NULL THEN conversation.unread_count
          + CASE WHEN conversation.last_reply_id IS NULL OR (EXCLUDED.last_message_at, EXCLUDED.last_message_id) > (conversation.last_reply_at, conversation.last_reply_id) THEN 1 ELSE 0 END
        WHEN ${newerReply} THEN (SELECT count(*)::integer FROM ${names.qualified} AS inbound
          WHERE inbound.tenant_key = EXCLUDED.tenant_key AND inbound.contact_number = EXCLUDED.contact_number AND inbound.direction = 'inbound'
            AND COALESCE(inbound.to_number, '') = EXCLUDED.our_number AND (inbound.created_at, inbound.id) > (EXCLUDED.last_reply_at, EXCLUDED.last_reply_id))
        ELSE conversation.unread_count END`;
  const compareAndSet = `UPDATE ${names.qualified} SET ${assignments((_, index) => `$${index + 1}`)}, revision = revision + 1
    WHERE id = $1 AND revision = $${next + 1}`;
  const select = `SELECT * FROM ${names.qualified}`;
  return { upsert, upsertWithConversation, compareAndSet, select };
}
