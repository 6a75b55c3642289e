/**
 * Helpers for the PostgreSQL tests: reachability (skip with a printed reason outside CI, fail under CI),
 * a schema of the test's own, dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { applyMigrations } from '../../../src/adapters/postgres/apply-migrations';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when PostgreSQL answers. Under CI an unreachable server fails the run instead of skipping. */
export async function postgresIsReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    const reason = `PostgreSQL at ${POSTGRES_URL} is unreachable (${error instanceof Error ? error.message : String(error)})`;
    if (process.env.CI === 'true') throw new Error(`${reason}; CI must run the PostgreSQL tests.`);
    console.warn(`Skipping the PostgreSQL tests: ${reason}. Start PostgreSQL to run them.`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other test run uses: `tools_core_test_<label>_<random>`. */
export function uniqueSchema(label: string): string {
  return `tools_core_test_${label}_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
}

/** Drops the schemas a test created. */
export async function dropSchemas(...schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * A migrated schema of the test file's own: migrated before its tests, every tracked store closed and the
 * schema dropped after them, `pool` (four connections) ended. Call at the top level of a test file.
 */
export async function usePostgresSchema(label: string) {
  const reachable = await postgresIsReachable();
  const schema = uniqueSchema(label);
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 4 });
  const tracked: Array<{ close(): Promise<void> }> = [];
  beforeAll(async () => {
    if (reachable) await applyMigrations({ pool, schema });
  });
  afterAll(async () => {
    for (const store of tracked) await store.close();
    if (reachable) await dropSchemas(schema);
    await pool.end();
  });
  /** Closes `store` after the file's tests. */
  const track = <Store extends { close(): Promise<void> }>(store: Store): Store => (tracked.push(store), store);
  return { reachable, schema, pool, track };
}
