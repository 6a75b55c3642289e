// The PostgreSQL opt-out store against the real server, in a schema of its own.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/adapters/postgres/apply-migrations';
import { createPostgresOptOutStore, type PostgresOptOutStore } from '../../../src/adapters/postgres/postgres-opt-out-store';
import { SMSService } from '../../../src/service/sms-service';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';
import { runOptOutStoreContract } from '../../../src/testing/run-opt-out-store-contract';
import { dropSchemas, POSTGRES_URL, postgresIsReachable, uniqueSchema } from '../../support/services/postgres-support';

const reachable = await postgresIsReachable();
const schema = uniqueSchema('opt_outs');
const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 4 });
const stores: PostgresOptOutStore[] = [];

beforeAll(async () => {
  if (reachable) await applyMigrations({ pool, schema });
});
afterAll(async () => {
  for (const store of stores) await store.close();
  if (reachable) await dropSchemas(schema);
  await pool.end();
});

describe.skipIf(!reachable)('createPostgresOptOutStore', () => {
  runOptOutStoreContract({
    describe,
    it,
    name: 'postgres',
    createStore: async () => {
      await pool.query(`TRUNCATE "${schema}".tools_core_opt_outs`);
      return createPostgresOptOutStore({ pool, schema });
    },
  });

  it('blocks on instance B the recipient who opted out through instance A, before any provider call', async () => {
    await pool.query(`TRUNCATE "${schema}".tools_core_opt_outs`);
    const [a, b] = [0, 1].map(() => {
      const store = createPostgresOptOutStore({ connectionString: POSTGRES_URL, schema });
      stores.push(store);
      return store;
    }) as [PostgresOptOutStore, PostgresOptOutStore];
    await a.add({ sender: '+14155550100', recipient: '+14155552671', source: 'keyword', detail: 'STOP', provider: 'twilio', createdAt: '2026-12-07T10:00:00.000Z' });
    const provider = createFakeProvider({ id: 'twilio' });
    const sms = new SMSService({ providers: [provider], optOuts: b });
    await expect(sms.send({ to: '+14155552671', from: '+14155550100', body: 'Hi' })).rejects.toMatchObject({ reason: 'OPTED_OUT', field: 'to' });
    expect(provider.sent).toHaveLength(0);
  });
});
