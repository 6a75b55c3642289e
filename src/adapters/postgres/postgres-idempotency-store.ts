import { systemClock, type Clock } from '../../clock';
import { SETTLED_TOKEN, type IdempotencyClaimRequest, type IdempotencyClaimResult, type IdempotencyCompleteRequest, type IdempotencyReleaseRequest, type IdempotencySettleRequest, type IdempotencyStore, type StoredSendOutcome } from '../../idempotency/idempotency-store';
import { readPostgresNames } from './postgres-names';
import { resolvePostgresPool, type PostgresConnectionOptions } from './postgres-pool';

export interface PostgresIdempotencyStoreOptions extends PostgresConnectionOptions {
  /** The schema `applyMigrations()` created the tables in. Default `public`. */
  readonly schema?: string;
  /** Expiry is computed on this clock (as the in-memory stores do). Default: the system clock. */
  readonly clock?: Clock;
}

/** An `IdempotencyStore` on PostgreSQL; `close()` ends the pool it created. */
export interface PostgresIdempotencyStore extends IdempotencyStore {
  close(): Promise<void>;
}

/**
 * The idempotency store on PostgreSQL (`<schema>.tools_core_idempotency`), for hosts with only PostgreSQL:
 * a claim is one `INSERT … ON CONFLICT DO UPDATE … WHERE` statement, so two instances never both hold a key;
 * the lease and the retention expire by `expires_at`. Passes `runIdempotencyStoreContract`.
 *
 * @example
 * const sms = new SMSService({ providers, idempotency: { store: createPostgresIdempotencyStore({ connectionString }) } });
 */
export function createPostgresIdempotencyStore(options: PostgresIdempotencyStoreOptions): PostgresIdempotencyStore {
  const table = `${readPostgresNames(options).schema}.tools_core_idempotency`;
  const { pool, close } = resolvePostgresPool(options, 'options');
  const clock = options.clock ?? systemClock;
  const write = (state: 'in-flight' | 'completed', condition: string) =>
    `INSERT INTO ${table} AS held (key, state, token, fingerprint, expires_at, outcome) VALUES ($1, '${state}', $2, $3, $4, $5)
     ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, token = EXCLUDED.token, fingerprint = EXCLUDED.fingerprint, expires_at = EXCLUDED.expires_at, outcome = EXCLUDED.outcome
     WHERE ${condition} RETURNING 1`;
  // A new claim takes an expired key, or renews its own in-flight lease.
  const claimSql = write('in-flight', `held.expires_at <= $6 OR (held.state = 'in-flight' AND held.token = EXCLUDED.token)`);
  // A completion keeps the key only for its holder (or a key nobody holds any more).
  const completeSql = write('completed', `held.token = EXCLUDED.token OR held.expires_at <= $6`);

  return {
    async claim(request: IdempotencyClaimRequest): Promise<IdempotencyClaimResult> {
      const now = clock.now();
      const connection = await pool();
      const claimed = await connection.query(claimSql, [request.key, request.token, request.fingerprint, now + request.leaseMs, null, now]);
      if ((claimed.rowCount ?? 0) > 0) return { status: 'claimed' };
      const { rows } = await connection.query(`SELECT state, fingerprint, expires_at, outcome FROM ${table} WHERE key = $1`, [request.key]);
      const held = rows[0];
      // Gone between the two statements (released or expired): claim again.
      if (held === undefined) return this.claim(request);
      return held.state === 'completed'
        ? { status: 'completed', fingerprint: String(held.fingerprint), outcome: held.outcome as StoredSendOutcome }
        : { status: 'in-flight', fingerprint: String(held.fingerprint), leaseExpiresAt: Number(held.expires_at) };
    },
    async complete(request: IdempotencyCompleteRequest): Promise<boolean> {
      const now = clock.now();
      const kept = await (await pool()).query(completeSql, [request.key, request.token, request.fingerprint, now + request.retentionMs, JSON.stringify(request.outcome), now]);
      return (kept.rowCount ?? 0) > 0;
    },
    async release(request: IdempotencyReleaseRequest): Promise<void> {
      await (await pool()).query(`DELETE FROM ${table} WHERE key = $1 AND state = 'in-flight' AND token = $2`, [request.key, request.token]);
    },
    async settle(request: IdempotencySettleRequest): Promise<boolean> {
      const now = clock.now();
      const connection = await pool();
      // A live in-flight lease is kept unless it may be taken over; a live record keeps its fingerprint.
      const keepLease = `held.state = 'in-flight' AND held.expires_at > $2 AND ${request.takeOverLease ? 'false' : 'true'}`;
      if (request.outcome === null) {
        await connection.query(`DELETE FROM ${table} AS held WHERE key = $1 AND NOT (${keepLease})`, [request.key, now]);
        const { rows } = await connection.query(`SELECT 1 FROM ${table} WHERE key = $1`, [request.key]);
        return rows.length === 0;
      }
      const settled = await connection.query(
        `INSERT INTO ${table} AS held (key, state, token, fingerprint, expires_at, outcome) VALUES ($1, 'completed', $3, $4, $5, $6)
         ON CONFLICT (key) DO UPDATE SET state = 'completed', token = EXCLUDED.token, expires_at = EXCLUDED.expires_at, outcome = EXCLUDED.outcome,
           fingerprint = CASE WHEN held.expires_at > $2 THEN held.fingerprint ELSE EXCLUDED.fingerprint END
         WHERE NOT (${keepLease}) RETURNING 1`,
        [request.key, now, SETTLED_TOKEN, request.fingerprint, now + request.retentionMs, JSON.stringify(request.outcome)],
      );
      return (settled.rowCount ?? 0) > 0;
    },
    close,
  };
}
