import { ANY_SENDER, type OptOutEntry, type OptOutPair, type OptOutQuery, type OptOutStore } from '../../opt-outs/opt-out-store';
import { readPostgresNames } from './postgres-names';
import { resolvePostgresPool, type PostgresConnectionOptions } from './postgres-pool';

export interface PostgresOptOutStoreOptions extends PostgresConnectionOptions {
  /** The schema `applyMigrations()` created the tables in. Default `public`. */
  readonly schema?: string;
}

/** An `OptOutStore` on PostgreSQL; `close()` ends the pool it created. */
export interface PostgresOptOutStore extends OptOutStore {
  close(): Promise<void>;
}

/**
 * The opt-out store on PostgreSQL (`<schema>.tools_core_opt_outs`, docs/persistence.md#every-port-on-postgresql):
 * one row per sender-recipient pair, so a STOP received by any instance blocks the sends of every instance.
 * `find` is one indexed statement with the same preference as the in-memory store: the exact pair, then
 * `ANY_SENDER`, and without a sender any record of the recipient. Passes `runOptOutStoreContract`.
 *
 * @example
 * const optOuts = createPostgresOptOutStore({ connectionString: process.env.DATABASE_URL });
 * const sms = new SMSService({ providers, optOuts });
 */
export function createPostgresOptOutStore(options: PostgresOptOutStoreOptions): PostgresOptOutStore {
  const table = `${readPostgresNames(options).schema}.tools_core_opt_outs`;
  const { pool, close } = resolvePostgresPool(options, 'options');
  const columns = 'sender, recipient, source, detail, provider, created_at';
  // Without a sender every record of the recipient may block the send: ANY_SENDER first, then the oldest.
  const findAny = `SELECT ${columns} FROM ${table} WHERE recipient = $1 ORDER BY (sender = $2) DESC, created_at, sender LIMIT 1`;
  const findPair = `SELECT ${columns} FROM ${table} WHERE recipient = $1 AND sender IN ($2, $3) ORDER BY (sender = $2) DESC LIMIT 1`;

  return {
    async add(entry: OptOutEntry): Promise<void> {
      await (await pool()).query(
        `INSERT INTO ${table} (${columns}) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (recipient, sender) DO UPDATE SET source = EXCLUDED.source, detail = EXCLUDED.detail, provider = EXCLUDED.provider, created_at = EXCLUDED.created_at`,
        [entry.sender, entry.recipient, entry.source, entry.detail, entry.provider, entry.createdAt],
      );
    },
    async remove(pair: OptOutPair): Promise<boolean> {
      const removed = await (await pool()).query(`DELETE FROM ${table} WHERE recipient = $1 AND sender = $2`, [pair.recipient, pair.sender]);
      return (removed.rowCount ?? 0) > 0;
    },
    async find(query: OptOutQuery): Promise<OptOutEntry | undefined> {
      const { rows } = query.sender === undefined
        ? await (await pool()).query(findAny, [query.recipient, ANY_SENDER])
        : await (await pool()).query(findPair, [query.recipient, query.sender, ANY_SENDER]);
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        sender: String(row.sender),
        recipient: String(row.recipient),
        source: row.source as OptOutEntry['source'],
        detail: row.detail === null ? null : String(row.detail),
        provider: row.provider === null ? null : String(row.provider),
        createdAt: String(row.created_at),
      };
    },
    close,
  };
}
