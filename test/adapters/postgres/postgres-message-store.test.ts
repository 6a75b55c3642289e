// The PostgreSQL message store against the real server (127.0.0.1:5432, database test), in a schema of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { applyMigrations } from '../../../src/adapters/postgres/apply-migrations';
import { createPostgresMessageStore, type PostgresMessageStore } from '../../../src/adapters/postgres/postgres-message-store';
import { SMSService } from '../../../src/service/sms-service';
import { runMessageStoreContract } from '../../../src/testing/run-message-store-contract';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';
import { dropSchemas, POSTGRES_URL, postgresIsReachable, uniqueSchema } from '../../support/services/postgres-support';

const reachable = await postgresIsReachable();
const root = fileURLToPath(new URL('../../..', import.meta.url));
const callbackScript = fileURLToPath(new URL('../../support/services/postgres-callback-process.ts', import.meta.url));

function applyCallbacksInProcess(status: string, providerMessageIds: string[]): Promise<{ status: string; moved: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', callbackScript, POSTGRES_URL, schema, status, JSON.stringify(providerMessageIds)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as { status: string; moved: number }) : reject(new Error(`exit ${code}: ${errors}`))));
  });
}
const schema = uniqueSchema('messages');
const stores: PostgresMessageStore[] = [];
const pools: pg.Pool[] = [];

function store(): PostgresMessageStore {
  const created = createPostgresMessageStore({ connectionString: POSTGRES_URL, schema });
  stores.push(created);
  return created;
}

beforeAll(async () => {
  if (reachable) await applyMigrations({ connectionString: POSTGRES_URL, schema });
});
afterAll(async () => {
  for (const each of stores) await each.close();
  for (const pool of pools) await pool.end();
  if (reachable) await dropSchemas(schema);
});

describe.skipIf(!reachable)('createPostgresMessageStore', () => {
  runMessageStoreContract({
    describe,
    it,
    name: 'postgres',
    createStore: async () => {
      const pool = new pg.Pool({ connectionString: POSTGRES_URL });
      pools.push(pool);
      await pool.query(`TRUNCATE "${schema}".sms_messages, "${schema}".sms_messages_conversations`);
      return createPostgresMessageStore({ pool, schema });
    },
  });

  it('shares records between instances: a send on A is found and settled on B', async () => {
    const [a, b] = [store(), store()];
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], store: a });
    const result = await sms.send({ to: '+14155552671', body: 'Shared', tenantId: '0b6c1f2e-6d7a-4b8c-9d0e-1f2a3b4c5d6e', metadata: { campaignId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d' } });
    const found = await b.findByProviderMessageId('twilio', result.providerMessageId);
    expect(found).toMatchObject({ id: result.id, status: 'queued', cost: '0.0075', currency: 'USD' });
    await b.update(result.id, (current) => ({ ...current, status: 'delivered', deliveredAt: '2026-12-07T10:00:00.000Z' }));
    expect(await a.get(result.id)).toMatchObject({ status: 'delivered', deliveredAt: '2026-12-07T10:00:00.000Z' });
    // The host's columns: organisation, campaign and the numeric cost for its reports.
    const reader = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
    pools.push(reader);
    const { rows } = await reader.query(`SELECT organization_id, campaign_id, cost_usd::text AS cost_usd FROM "${schema}".sms_messages WHERE id = $1`, [result.id]);
    expect(rows[0]).toEqual({ organization_id: '0b6c1f2e-6d7a-4b8c-9d0e-1f2a3b4c5d6e', campaign_id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', cost_usd: '0.007500' });
  });

  it('applies callbacks racing from eight connections in any order, ending at the forward-most status', async () => {
    const racers = Array.from({ length: 8 }, () => store());
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], store: racers[0] as PostgresMessageStore });
    const { id } = await sms.send({ to: '+14155552671', body: 'Race' });
    const rank = { queued: 1, sending: 2, sent: 3, failed: 4, undelivered: 4, delivered: 5 } as const;
    const statuses = ['sending', 'sent', 'delivered', 'sent', 'undelivered', 'sending', 'sent', 'queued'] as const;
    const shuffled = [...statuses].sort(() => Math.random() - 0.5);
    await Promise.all(
      shuffled.map((status, index) =>
        (racers[index] as PostgresMessageStore).update(id, (current) => (rank[status] > rank[current.status as keyof typeof rank] ? { ...current, status } : undefined)),
      ),
    );
    expect((await (racers[7] as PostgresMessageStore).get(id))?.status).toBe('delivered');
  });

  it('applies callbacks racing from eight processes in shuffled order: every message ends at the forward-most status', async () => {
    const race = randomUUID();
    const provider = createFakeProvider({ id: 'twilio', outcomes: () => ({ type: 'accept', providerMessageId: `SM${randomUUID().replaceAll('-', '')}` }) });
    const sms = new SMSService({ providers: [provider], store: store() });
    const sent = await Promise.all(Array.from({ length: 30 }, (_, index) => sms.send({ to: '+14155552671', body: `Race ${race} ${index}` })));
    const providerMessageIds = sent.map((result) => result.providerMessageId);
    const statuses = ['sending', 'sent', 'delivered', 'sent', 'undelivered', 'sending', 'failed', 'queued'].sort(() => Math.random() - 0.5);
    const reports = await Promise.all(statuses.map((status) => applyCallbacksInProcess(status, [...providerMessageIds].sort(() => Math.random() - 0.5))));
    const reader = store();
    for (const result of sent) expect(await reader.get(result.id)).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String), errorCode: null });
    // Every process ran; `delivered` moved every message exactly once (nothing outranks it), and `queued` never moved one.
    expect(reports.find((report) => report.status === 'delivered')?.moved).toBe(30);
    expect(reports.find((report) => report.status === 'queued')?.moved).toBe(0);
  }, 60_000);

  it('refuses a record whose id is not a UUID, naming the fix', async () => {
    const provider = createFakeProvider({ id: 'twilio' });
    const strict = new SMSService({ providers: [provider], store: store(), generateId: () => 'msg-1' });
    await expect(strict.send({ to: '+14155552671', body: 'Hi' })).rejects.toThrow(/^record\.id: "msg-1" is not a UUID, the key of the PostgreSQL message table\. Fix: /);
    expect(provider.sent).toHaveLength(0);
  });
});
