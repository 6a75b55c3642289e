import { conversationOf } from '../../store/conversation';
import type { MessageRecord } from '../../store/message-record';
import type { MessageStore, MessageUpdate } from '../../store/message-store';
import type { UnsettledQuery } from '../../store/unsettled-query';
import { fromRow, isUuid, toRowValues } from './message-row';
import { postgresMessageStatements } from './postgres-message-statements';
import { createPostgresConversationQueries } from './postgres-conversation-queries';
import { readPostgresNames } from './postgres-names';
import { resolvePostgresPool, type PostgresConnectionOptions } from './postgres-pool';

export interface PostgresMessageStoreOptions extends PostgresConnectionOptions {
  /** Default `public`. */
  readonly schema?: string;
  /** Default `sms_messages`. */
  readonly table?: string;
}

/** A `MessageStore` on PostgreSQL; `close()` ends the pool it created (never one you passed). */
export interface PostgresMessageStore extends Required<MessageStore> {
  close(): Promise<void>;
}

/** Writers that raced one update before it gives up; each lost race means another writer's change landed. */
const MAXIMUM_UPDATE_RACES = 100;

/**
 * The message store on PostgreSQL (docs/persistence.md): the host's `sms_messages` table, created by
 * `applyMigrations()`. Records survive restarts and are shared by every instance on the database, so a
 * status callback reaching instance B finds the message instance A sent.
 *
 * - `save` is one statement: the upsert and, for a new message, its conversation's summary row.
 * - `update` reads the row and its `revision`, lets `change` decide (forward-only for callbacks), and writes
 *   with one `UPDATE … WHERE id = $1 AND revision = $2`: the write applies only to the row the decision
 *   read, so callbacks racing on several instances never move a status backwards; a writer that lost the
 *   race reads again. No lock is held while `change` runs.
 * - `listConversations` / `listMessages` read one index each (docs/persistence.md#conversations);
 *   `findUnsettled` (reconciliation) reads the partial index of unsettled statuses.
 *
 * Passes `runMessageStoreContract`.
 *
 * @example
 * const store = createPostgresMessageStore({ connectionString: process.env.DATABASE_URL });
 * const sms = new SMSService({ providers, store });
 */
export function createPostgresMessageStore(options: PostgresMessageStoreOptions): PostgresMessageStore {
  const names = readPostgresNames(options);
  const { pool, close } = resolvePostgresPool(options, 'options');
  const { upsert, upsertWithConversation, compareAndSet, select } = postgresMessageStatements(names);
  const queries = createPostgresConversationQueries({ names, pool });

  const update = async (id: string, change: (current: MessageRecord) => MessageRecord | undefined): Promise<MessageUpdate | undefined> => {
    if (!isUuid(id)) return undefined;
    const connection = await pool();
    for (let race = 0; race < MAXIMUM_UPDATE_RACES; race += 1) {
      const { rows } = await connection.query(`${select} WHERE id = $1`, [id]);
      const row = rows[0];
      if (row === undefined) return undefined;
      const current = fromRow(row);
      const changed = change(current);
      if (changed === undefined) return { record: current, changed: false };
      if (changed.id !== id) throw new Error(`update: change returned a record with id ${changed.id}, not ${id}.`);
      const written = await connection.query(compareAndSet, [...toRowValues(changed), String(row.revision)]);
      if ((written.rowCount ?? 0) === 1) return { record: changed, changed: true };
    }
    throw new Error(`update: message ${id} changed under ${MAXIMUM_UPDATE_RACES} consecutive attempts; retry later.`);
  };

  return {
    async save(record: MessageRecord): Promise<void> {
      const values = toRowValues(record);
      const { ourNumber, contactNumber } = conversationOf(record);
      if (contactNumber === null) {
        await (await pool()).query(upsert, values);
        return;
      }
      await (await pool()).query(upsertWithConversation, [...values, record.tenantId ?? '', ourNumber ?? '', contactNumber, record.direction]);
    },
    async get(id: string): Promise<MessageRecord | undefined> {
      if (!isUuid(id)) return undefined;
      const { rows } = await (await pool()).query(`${select} WHERE id = $1`, [id]);
      return rows[0] === undefined ? undefined : fromRow(rows[0]);
    },
    async findByProviderMessageId(provider: string, providerMessageId: string): Promise<MessageRecord | undefined> {
      const { rows } = await (await pool()).query(`${select} WHERE provider = $1 AND provider_message_id = $2`, [provider, providerMessageId]);
      return rows[0] === undefined ? undefined : fromRow(rows[0]);
    },
    update,
    async findUnsettled(query: UnsettledQuery): Promise<readonly MessageRecord[]> {
      // The partial index idx_<table>_unsettled (status, status_changed_at) serves it.
      const { rows } = await (await pool()).query(`${select} WHERE direction = 'outbound' AND status = ANY($1::varchar[]) AND status_changed_at < $2 ORDER BY status_changed_at LIMIT $3`, [query.statuses, query.changedBefore, query.limit]);
      return rows.map(fromRow);
    },
    listConversations: queries.listConversations,
    listMessages: queries.listMessages,
    close,
  };
}
