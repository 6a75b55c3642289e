// The doctor's checks against the real PostgreSQL, Redis and RabbitMQ, and against ports nothing listens on.
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/adapters/postgres/apply-migrations';
import { checkDatabase, checkProviders, checkRabbitMq, checkRedis } from '../../src/cli/doctor-checks';
import { SMSService } from '../../src/service/sms-service';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import { AMQP_URL, rabbitmqIsReachable } from '../support/services/platform-rabbitmq-support';
import { dropSchemas, POSTGRES_URL, postgresIsReachable, uniqueSchema } from '../support/services/postgres-support';
import { REDIS_URL, redisIsReachable } from '../support/services/redis-idempotency-support';

const reachable = (await postgresIsReachable()) && (await redisIsReachable()) && (await rabbitmqIsReachable());
const migrated = uniqueSchema('doctor');
const empty = uniqueSchema('doctor_empty');

afterAll(async () => {
  if (reachable) await dropSchemas(migrated, empty);
});

describe('checkProviders', () => {
  it('reports each provider ready with its circuit, and one whose preflight fails with its fix', async () => {
    const broken = { ...createFakeProvider({ id: 'telnyx' }), ready: async () => Promise.reject(Object.assign(new Error('Telnyx: the telnyx package is not installed. Fix: run `npm install telnyx`.'), { name: 'SmsError' })) };
    const checks = await checkProviders(new SMSService({ providers: [createFakeProvider({ id: 'twilio' }), broken] }));
    expect(checks[0]).toEqual({ name: 'provider twilio (primary)', ok: true, detail: 'ready, circuit closed' });
    expect(checks[1]).toMatchObject({ name: 'provider telnyx (fallback)', ok: false });
    expect(checks[1]?.detail).toMatch(/npm install telnyx/);
  });
});

describe.skipIf(!reachable)('checkDatabase, checkRedis, checkRabbitMq', () => {
  it('passes a migrated schema and names the missing migrations of an empty one with the fix', async () => {
    await applyMigrations({ connectionString: POSTGRES_URL, schema: migrated });
    expect(await checkDatabase(POSTGRES_URL, migrated)).toEqual({ name: 'database', ok: true, detail: 'connected, migrations 1, 2, 3 applied' });
    expect(await checkDatabase(POSTGRES_URL, empty)).toEqual({ name: 'database', ok: false, detail: `migrations 1, 2, 3 not applied to "${empty}". Fix: run tools-core migrate --database-url … --schema ${empty}.` });
    expect((await checkDatabase('postgres://postgres@127.0.0.1:1/test', migrated)).detail).toMatch(/ECONNREFUSED.*\. Fix: check --database-url and that PostgreSQL runs\.$/);
  });

  it('passes the running Redis and RabbitMQ, and fails ports nothing listens on with the fix', async () => {
    expect(await checkRedis(REDIS_URL)).toEqual({ name: 'redis', ok: true, detail: 'connected' });
    expect(await checkRabbitMq(AMQP_URL)).toEqual({ name: 'rabbitmq', ok: true, detail: 'connected' });
    expect(await checkRedis('redis://127.0.0.1:1')).toMatchObject({ name: 'redis', ok: false, detail: expect.stringMatching(/Fix: check --redis-url and that Redis runs\.$/) });
    expect(await checkRabbitMq('amqp://guest:guest@127.0.0.1:1')).toMatchObject({ name: 'rabbitmq', ok: false, detail: expect.stringMatching(/Fix: check --amqp-url and that RabbitMQ runs\.$/) });
  });
});
