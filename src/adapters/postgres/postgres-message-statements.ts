import { MESSAGE_COLUMNS } from './message-row';
import type { PostgresNames } from './postgres-names';

/** The SQL of the PostgreSQL message store, for its tables; parameters follow `toRowValues`. */
export interface PostgresMessageStatements {
  /** Insert or replace a record: `toRowValues(record)`. */
  readonly upsert: string;
  /** `upsert`, and for a new message its conversation row: `toRowValues(record)` then tenant key, our number, contact. */
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
  // A new message moves its conversation's last message: the later one, by time then id (as the in-memory store orders them).
  const upsertWithConversation = `WITH saved AS (${upsert} RETURNING (xmax = 0) AS inserted)
    INSERT INTO ${names.conversations} AS conversation (tenant_key, our_number, contact_number, last_message_id, last_message_at)
    SELECT $${next + 1}::varchar, $${next + 2}::varchar, $${next + 3}::varchar, $1::uuid, $${MESSAGE_COLUMNS.indexOf('created_at') + 1}::timestamptz FROM saved WHERE saved.inserted
    ON CONFLICT (tenant_key, our_number, contact_number) DO UPDATE SET
      last_message_id = CASE WHEN (EXCLUDED.last_message_at, EXCLUDED.last_message_id) > (conversation.last_message_at, conversation.last_message_id) THEN EXCLUDED.last_message_id ELSE conversation.last_message_id END,
      last_message_at = GREATEST(EXCLUDED.last_message_at, conversation.last_message_at)`;
  const compareAndSet = `UPDATE ${names.qualified} SET ${assignments((_, index) => `$${index + 1}`)}, revision = revision + 1
    WHERE id = $1 AND revision = $${next + 1}`;
  const select = `SELECT * FROM ${names.qualified}`;
  return { upsert, upsertWithConversation, compareAndSet, select };
}
