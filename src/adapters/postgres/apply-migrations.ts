import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import type { PostgresMigration } from './migrations/postgres-migration';
import { readPostgresNames, type PostgresNames } from './postgres-names';
import { inTransaction, resolvePostgresPool, type PostgresConnectionOptions } from './postgres-pool';

export interface ApplyMigrationsOptions extends PostgresConnectionOptions {
  /** Default `public`. */
  readonly schema?: string;
  /** Default `sms_messages`. */
  readonly table?: string;
  /** Return the SQL of the pending migrations without running it (`tools-core migrate --dry-run`). */
  readonly dryRun?: boolean;
}

export interface MigrationsReport {
  /** The migrations this call applied (with `dryRun`: would apply), in order. */
  readonly applied: ReadonlyArray<{ readonly version: number; readonly name: string }>;
  /** The SQL of those migrations, in order. */
  readonly sql: string;
}

/**
 * Applies the package's pending migrations (docs/persistence.md#migrations) in one transaction, under a
 * PostgreSQL advisory lock per schema and table, so instances starting at once apply each migration once:
 * the others wait for the lock, then find nothing pending. Idempotent; records versions in
 * `<schema>.tools_core_migrations`.
 *
 * @example
 * await applyMigrations({ connectionString: process.env.DATABASE_URL, schema: 'sms' });
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<MigrationsReport> {
  const names = readPostgresNames(options);
  const { pool, close } = resolvePostgresPool(options, 'options');
  try {
    const connection = await pool();
    if (options.dryRun === true) {
      // Reads only: nothing is created, not even the schema.
      const exists = await connection.query('SELECT to_regclass($1) AS name', [names.migrations]);
      const done = exists.rows[0]?.name === null ? { rows: [] } : await connection.query(`SELECT version FROM ${names.migrations} WHERE target = $1`, [names.label]);
      return report(pendingAfter(done.rows), names);
    }
    return await inTransaction(connection, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tools-core migrations ${names.label}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${names.schema}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${names.migrations} (version integer NOT NULL, target varchar(200) NOT NULL, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (target, version))`);
      const done = await client.query(`SELECT version FROM ${names.migrations} WHERE target = $1`, [names.label]);
      const pending = pendingAfter(done.rows);
      for (const migration of pending) {
        await client.query(migration.sql(names));
        await client.query(`INSERT INTO ${names.migrations} (version, target, name) VALUES ($1, $2, $3)`, [migration.version, names.label, migration.name]);
      }
      return report(pending, names);
    });
  } finally {
    await close();
  }
}

function pendingAfter(rows: ReadonlyArray<Record<string, unknown>>): readonly PostgresMigration[] {
  const applied = new Set(rows.map((row) => Number(row.version)));
  return POSTGRES_MIGRATIONS.filter((migration) => !applied.has(migration.version));
}

function report(pending: readonly PostgresMigration[], names: PostgresNames): MigrationsReport {
  return {
    applied: pending.map(({ version, name }) => ({ version, name })),
    sql: pending.map((migration) => `-- ${migration.version}: ${migration.name}\n${migration.sql(names)}`).join('\n'),
  };
}
