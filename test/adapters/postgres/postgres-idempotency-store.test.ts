// The PostgreSQL idempotency store against the real server, in a schema of its own.
import { describe, expect, it } from 'vitest';
import { createPostgresIdempotencyStore } from '../../../src/adapters/postgres/postgres-idempotency-store';
import { SMSService } from '../../../src/service/sms-service';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';
import { runIdempotencyStoreContract } from '../../../src/testing/run-idempotency-store-contract';
import { POSTGRES_URL, usePostgresSchema } from '../../support/services/postgres-support';

const { reachable, schema, pool, track } = await usePostgresSchema('idempotency');

describe.skipIf(!reachable)('createPostgresIdempotencyStore', () => {
  runIdempotencyStoreContract({
    describe,
    it,
    name: 'postgres',
    createStore: async (clock) => {
      await pool.query(`TRUNCATE "${schema}".tools_core_idempotency`);
      return createPostgresIdempotencyStore({ pool, schema, clock });
    },
  });

  it('sends once for one key across two instances with their own pools, and replays the first result on the other', async () => {
    await pool.query(`TRUNCATE "${schema}".tools_core_idempotency`);
    const provider = createFakeProvider({ id: 'twilio' });
    const instances = [0, 1].map(() => {
      const store = track(createPostgresIdempotencyStore({ connectionString: POSTGRES_URL, schema }));
      return new SMSService({ providers: [provider], idempotency: { store } });
    });
    const request = { to: '+14155552671', body: 'Once', tenantId: 'org-1', idempotencyKey: 'order/42' };
    const first = await (instances[0] as SMSService).send(request);
    const replay = await (instances[1] as SMSService).send(request);
    expect(provider.sent).toHaveLength(1);
    expect(replay).toMatchObject({ id: first.id, providerMessageId: first.providerMessageId, cost: first.cost });
  });

  it('keeps a 255-character unicode key whole', async () => {
    const store = createPostgresIdempotencyStore({ pool, schema });
    const key = `t.org/${encodeURIComponent('é'.repeat(255))}`;
    expect(await store.claim({ key, token: 'holder-1', fingerprint: 'f', leaseMs: 60_000 })).toEqual({ status: 'claimed' });
    expect((await store.claim({ key, token: 'holder-2', fingerprint: 'f', leaseMs: 60_000 })).status).toBe('in-flight');
  });

  it('refuses a bad schema name before connecting, naming the option', () => {
    expect(() => createPostgresIdempotencyStore({ pool, schema: 'Bad-Name' })).toThrow(/^options\.schema: "Bad-Name" is not a lower-case SQL identifier/);
  });
});
