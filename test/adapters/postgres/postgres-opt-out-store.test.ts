// The PostgreSQL opt-out store against the real server, in a schema of its own.
import { describe, expect, it } from 'vitest';
import { createPostgresOptOutStore, type PostgresOptOutStore } from '../../../src/adapters/postgres/postgres-opt-out-store';
import { SMSService } from '../../../src/service/sms-service';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';
import { runOptOutStoreContract } from '../../../src/testing/run-opt-out-store-contract';
import { POSTGRES_URL, usePostgresSchema } from '../../support/services/postgres-support';

const { reachable, schema, pool, track } = await usePostgresSchema('opt_outs');

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
      const store = track(createPostgresOptOutStore({ connectionString: POSTGRES_URL, schema }));
      return store;
    }) as [PostgresOptOutStore, PostgresOptOutStore];
    await a.add({ sender: '+14155550100', recipient: '+14155552671', source: 'keyword', detail: 'STOP', provider: 'twilio', createdAt: '2026-12-07T10:00:00.000Z' });
    const provider = createFakeProvider({ id: 'twilio' });
    const sms = new SMSService({ providers: [provider], optOuts: b });
    await expect(sms.send({ to: '+14155552671', from: '+14155550100', body: 'Hi' })).rejects.toMatchObject({ reason: 'OPTED_OUT', field: 'to' });
    expect(provider.sent).toHaveLength(0);
  });
});
