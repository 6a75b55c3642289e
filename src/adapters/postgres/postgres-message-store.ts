import type { MessageRecord } from '../../store/message-record';
import type { MessageStore, MessageUpdate } from '../../store/message-store';
import { fromRow, isUuid, MESSAGE_COLUMNS, toRowValues } from './message-row';
import { readPostgresNames } from './postgres-names';
import { inTransaction, resolvePostgresPool, type PostgresConnectionOptions } from './postgres-pool';

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

/**
 * The message store on PostgreSQL (docs/persistence.md): the host's `sms_messages` table, created by
 * `applyMigrations()`. Records survive restarts and are shared by every instance on the database, so a
 * status callback reaching instance B finds the message instance A sent. `update` locks the row
 * (`SELECT … FOR UPDATE`) for the change, so callbacks racing on several instances apply one after the
 * other and never move a status backwards. Passes `runMessageStoreContract`.
 *
 * @example
 * const store = createPostgresMessageStore({ connectionString: process.env.DATABASE_URL });
 * const sms = new SMSService({ providers, store });
 */
export function createPostgresMessageStore(options: PostgresMessageStoreOptions): PostgresMessageStore {
  const names = readPostgresNames(options);
  const { pool, close } = resolvePostgresPool(options, 'options');
  const columns = MESSAGE_COLUMNS.join(', ');
  const placeholders = MESSAGE_COLUMNS.map((_, index) => `$${index + 1}`).join(', ');
  const updates = MESSAGE_COLUMNS.filter((column) => column !== 'id').map((column) => `${column} = EXCLUDED.${column}`).join(', ');
  // The status change time moves only when the status does.
  const upsert = `INSERT INTO ${names.qualified} (${columns}) VALUES (${placeholders})
    ON CONFLICT (id) DO UPDATE SET ${updates.replace('status_changed_at = EXCLUDED.status_changed_at', `status_changed_at = CASE WHEN ${names.qualified}.status = EXCLUDED.status THEN ${names.qualified}.status_changed_at ELSE EXCLUDED.status_changed_at END`)}`;
  const select = `SELECT * FROM ${names.qualified}`;

  return {
    async save(record: MessageRecord): Promise<void> {
      const values = toRowValues(record, new Date().toISOString());
      await (await pool()).query(upsert, values);
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
    async update(id: string, change: (current: MessageRecord) => MessageRecord | undefined): Promise<MessageUpdate | undefined> {
      if (!isUuid(id)) return undefined;
      return inTransaction(await pool(), async (client) => {
        const { rows } = await client.query(`${select} WHERE id = $1 FOR UPDATE`, [id]);
        if (rows[0] === undefined) return undefined;
        const current = fromRow(rows[0]);
        const next = change(current);
        if (next === undefined) return { record: current, changed: false };
        if (next.id !== id) throw new Error(`update: change returned a record with id ${next.id}, not ${id}.`);
        await client.query(upsert, toRowValues(next, new Date().toISOString()));
        return { record: next, changed: true };
      });
    },
    close,
  };
}
