import { describe, expect, it } from 'vitest';
import { inTransaction, resolvePostgresPool, type PostgresClient, type PostgresPool } from '../../../src/adapters/postgres/postgres-pool';

function fakePool(failOn?: string) {
  const statements: string[] = [];
  const released: unknown[] = [];
  const client: PostgresClient = {
    query: async (text) => {
      statements.push(text);
      if (text === failOn) throw new Error(`failed: ${text}`);
      return { rows: [], rowCount: 0 };
    },
    release: (error) => void released.push(error),
  };
  const pool: PostgresPool = { query: client.query, connect: async () => client, end: async () => undefined };
  return { pool, statements, released };
}

describe('resolvePostgresPool', () => {
  it('takes exactly one of pool and connectionString', () => {
    expect(() => resolvePostgresPool({}, 'options')).toThrow(/^options\.pool: and connectionString are both missing\. Fix: /);
    expect(() => resolvePostgresPool({ pool: fakePool().pool, connectionString: 'postgres://x' }, 'options')).toThrow(/both given/);
    expect(() => resolvePostgresPool({ pool: {} as PostgresPool }, 'options')).toThrow(/^options\.pool: is not a pg Pool/);
    expect(() => resolvePostgresPool({ connectionString: 'mysql://x' }, 'options')).toThrow(/^options\.connectionString: is not a postgres:\/\/ URL/);
  });

  it('never ends a pool it was given', async () => {
    let ended = false;
    const given = { ...fakePool().pool, end: async () => void (ended = true) };
    const resolved = resolvePostgresPool({ pool: given }, 'options');
    expect(await resolved.pool()).toBe(given);
    await resolved.close();
    expect(ended).toBe(false);
  });
});

describe('inTransaction', () => {
  it('commits when the work resolves, and releases the connection', async () => {
    const { pool, statements, released } = fakePool();
    expect(await inTransaction(pool, async (client) => (await client.query('SELECT 1')).rowCount)).toBe(0);
    expect(statements).toEqual(['BEGIN', 'SELECT 1', 'COMMIT']);
    expect(released).toEqual([undefined]);
  });

  it('rolls back when the work throws, releasing the connection as broken', async () => {
    const { pool, statements, released } = fakePool('SELECT 1');
    await expect(inTransaction(pool, (client) => client.query('SELECT 1'))).rejects.toThrow('failed: SELECT 1');
    expect(statements).toEqual(['BEGIN', 'SELECT 1', 'ROLLBACK']);
    expect(released[0]).toBeInstanceOf(Error);
  });
});
