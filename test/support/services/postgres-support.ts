/**
 * Helpers for the PostgreSQL tests: reachability (skip with a printed reason outside CI, fail under CI),
 * a schema of the test's own, dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

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
