// The PostgreSQL webhook dedupe store against the real server, in a schema of its own.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/adapters/postgres/apply-migrations';
import { createPostgresWebhookDedupeStore, type PostgresWebhookDedupeStore } from '../../../src/adapters/postgres/postgres-webhook-dedupe-store';
import { runWebhookDedupeStoreContract } from '../../../src/testing/run-webhook-dedupe-store-contract';
import { dropSchemas, POSTGRES_URL, postgresIsReachable, uniqueSchema } from '../../support/services/postgres-support';

const reachable = await postgresIsReachable();
const schema = uniqueSchema('dedupe');
const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 4 });
const stores: PostgresWebhookDedupeStore[] = [];

beforeAll(async () => {
  if (reachable) await applyMigrations({ pool, schema });
});
afterAll(async () => {
  for (const store of stores) await store.close();
  if (reachable) await dropSchemas(schema);
  await pool.end();
});

describe.skipIf(!reachable)('createPostgresWebhookDedupeStore', () => {
  runWebhookDedupeStoreContract({
    describe,
    it,
    name: 'postgres',
    createStore: async (clock) => {
      await pool.query(`TRUNCATE "${schema}".tools_core_webhook_dedupe`);
      return createPostgresWebhookDedupeStore({ pool, schema, clock });
    },
  });

  it('lets exactly one of eight instances with their own pools handle one delivery', async () => {
    const instances = Array.from({ length: 8 }, () => {
      const store = createPostgresWebhookDedupeStore({ connectionString: POSTGRES_URL, schema });
      stores.push(store);
      return store;
    });
    const claims = await Promise.all(instances.map((store) => store.claim('twilio:status:SM42:delivered', 86_400_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
