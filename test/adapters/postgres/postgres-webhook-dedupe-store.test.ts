// The PostgreSQL webhook dedupe store against the real server, in a schema of its own.
import { describe, expect, it } from 'vitest';
import { createPostgresWebhookDedupeStore } from '../../../src/adapters/postgres/postgres-webhook-dedupe-store';
import { runWebhookDedupeStoreContract } from '../../../src/testing/run-webhook-dedupe-store-contract';
import { POSTGRES_URL, usePostgresSchema } from '../../support/services/postgres-support';

const { reachable, schema, pool, track } = await usePostgresSchema('dedupe');

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
      const store = track(createPostgresWebhookDedupeStore({ connectionString: POSTGRES_URL, schema }));
      return store;
    });
    const claims = await Promise.all(instances.map((store) => store.claim('twilio:status:SM42:delivered', 86_400_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
