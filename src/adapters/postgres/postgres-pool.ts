import { ValidationError } from '../../errors/validation-error';
import { loadOptionalPeer } from '../../optional-peers/load-optional-peer';

/** What the adapters need of a `pg` pool (`new Pool(...)` from `pg` satisfies it). */
export interface PostgresPool {
  query(text: string, values?: readonly unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;
  connect(): Promise<PostgresClient>;
  end(): Promise<void>;
}

/** One checked-out connection, for transactions. */
export interface PostgresClient {
  query(text: string, values?: readonly unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;
  release(error?: Error | boolean): void;
}

export interface PostgresConnectionOptions {
  /** A `pg` Pool you own (the adapter never ends it). */
  readonly pool?: PostgresPool;
  /** Or a connection string (`postgres://user@127.0.0.1:5432/app`): the adapter creates its own pool, ended by `close()`. */
  readonly connectionString?: string;
}

/** The pool an adapter uses, created on first use when it is its own. */
export interface ResolvedPostgresPool {
  readonly pool: () => Promise<PostgresPool>;
  /** Ends the pool when the adapter created it; nothing when it was passed in. */
  readonly close: () => Promise<void>;
}

/**
 * Reads `{ pool }` or `{ connectionString }` once: exactly one, or a `ValidationError` naming the option.
 * An own pool is created with `import('pg')` on first use (an optional peer), so importing or creating an
 * adapter never opens a connection.
 *
 * @example
 * const { pool, close } = resolvePostgresPool({ connectionString: 'postgres://127.0.0.1/test' }, 'options');
 */
export function resolvePostgresPool(options: PostgresConnectionOptions, field: string): ResolvedPostgresPool {
  const given = options.pool;
  const connectionString = options.connectionString;
  if ((given === undefined) === (connectionString === undefined)) {
    throw new ValidationError({ field: `${field}.pool`, reason: 'INVALID_OPTION', problem: given === undefined ? 'and connectionString are both missing.' : 'and connectionString are both given.', fix: "pass a pg Pool as pool, or connectionString: 'postgres://…', not both." });
  }
  if (given !== undefined) {
    if (typeof given.query !== 'function' || typeof given.connect !== 'function') {
      throw new ValidationError({ field: `${field}.pool`, reason: 'INVALID_OPTION', problem: 'is not a pg Pool.', fix: "pass new Pool({ connectionString }) from 'pg'." });
    }
    return { pool: () => Promise.resolve(given), close: () => Promise.resolve() };
  }
  if (typeof connectionString !== 'string' || !/^postgres(ql)?:\/\//.test(connectionString)) {
    throw new ValidationError({ field: `${field}.connectionString`, reason: 'INVALID_OPTION', problem: 'is not a postgres:// URL.', fix: "pass 'postgres://user:password@host:5432/database'." });
  }
  let created: Promise<PostgresPool> | undefined;
  const pool = (): Promise<PostgresPool> => {
    created ??= loadOptionalPeer({
      packageName: 'pg',
      neededBy: 'The PostgreSQL adapters',
      provider: 'postgres',
      importModule: () => import('pg'),
      pick: (candidate) => (candidate as { Pool?: new (config: { connectionString: string }) => PostgresPool } | null)?.Pool,
      expected: 'the Pool class',
    }).then((Pool) => new Pool({ connectionString }));
    return created;
  };
  return {
    pool,
    close: async () => {
      if (created === undefined) return;
      const own = await created;
      created = undefined;
      await own.end();
    },
  };
}

/** Runs `work` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<Result>(pool: PostgresPool, work: (client: PostgresClient) => Promise<Result>): Promise<Result> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
