import { systemClock, type Clock } from '../../clock';
import type { WebhookDedupeStore } from '../../webhooks/webhook-dedupe-store';
import { readPostgresNames } from './postgres-names';
import { resolvePostgresPool, type PostgresConnectionOptions } from './postgres-pool';

export interface PostgresWebhookDedupeStoreOptions extends PostgresConnectionOptions {
  /** The schema `applyMigrations()` created the tables in. Default `public`. */
  readonly schema?: string;
  /** Expiry is computed on this clock. Default: the system clock. */
  readonly clock?: Clock;
}

/** A `WebhookDedupeStore` on PostgreSQL; `close()` ends the pool it created. */
export interface PostgresWebhookDedupeStore extends WebhookDedupeStore {
  close(): Promise<void>;
}

/**
 * The webhook dedupe store on PostgreSQL (`<schema>.tools_core_webhook_dedupe`,
 * docs/persistence.md#every-port-on-postgresql): a claim is one `INSERT … ON CONFLICT DO UPDATE … WHERE
 * expires_at <= now`, so of two instances receiving the same delivery exactly one handles it, and a key
 * whose time ran out is claimed again. Expired rows are taken over in place; `DELETE … WHERE expires_at <
 * now` from a scheduled job keeps the table small.
 *
 * @example
 * const handler = createWebhookHandler({ service: sms, providers, dedupe: createPostgresWebhookDedupeStore({ connectionString }) });
 */
export function createPostgresWebhookDedupeStore(options: PostgresWebhookDedupeStoreOptions): PostgresWebhookDedupeStore {
  const table = `${readPostgresNames(options).schema}.tools_core_webhook_dedupe`;
  const { pool, close } = resolvePostgresPool(options, 'options');
  const clock = options.clock ?? systemClock;
  const claimSql = `INSERT INTO ${table} AS held (key, expires_at) VALUES ($1, $2)
    ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE held.expires_at <= $3 RETURNING 1`;

  return {
    async claim(key: string, ttlMs: number): Promise<boolean> {
      const now = clock.now();
      const claimed = await (await pool()).query(claimSql, [key, now + ttlMs, now]);
      return (claimed.rowCount ?? 0) > 0;
    },
    async release(key: string): Promise<void> {
      await (await pool()).query(`DELETE FROM ${table} WHERE key = $1`, [key]);
    },
    close,
  };
}
