import { POSTGRES_MIGRATIONS } from '../adapters/postgres/postgres-migrations';
import { readPostgresNames } from '../adapters/postgres/postgres-names';
import { resolvePostgresPool } from '../adapters/postgres/postgres-pool';
import { loadAmqplib } from '../adapters/rabbitmq/load-amqplib';
import { createRedisClient } from '../adapters/redis/redis-idempotency-client';
import { NotReadyError } from '../errors/not-ready-error';
import type { SMSService } from '../service/sms-service';

/** One line of `tools-core doctor`: what was checked, whether it can work, and the fix when it cannot. */
export interface DoctorCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Every configured provider: its SDK loads and its client builds (`sms.ready()`, nothing sent), and its
 * circuit breaker is not open (`sms.health()`).
 *
 * @example
 * (await checkProviders(sms))[0]; // { name: 'provider twilio (primary)', ok: true, detail: 'ready, circuit closed' }
 */
export async function checkProviders(sms: SMSService): Promise<DoctorCheck[]> {
  let failing = new Map<string, string>();
  try {
    await sms.ready();
  } catch (error) {
    if (!NotReadyError.isInstance(error)) throw error;
    failing = new Map(error.providers.map((entry) => [entry.provider, entry.error.message]));
  }
  const health = sms.health();
  return health.providers.map((entry, index) => {
    const problem = failing.get(entry.provider) ?? entry.unavailable?.message;
    const open = entry.state === 'open';
    return {
      name: `provider ${entry.provider} (${index === 0 ? 'primary' : 'fallback'})`,
      ok: problem === undefined && !open,
      detail: problem ?? (open ? `circuit open until ${String(entry.probeAt)}` : `ready, circuit ${entry.state}`),
    };
  });
}

/**
 * PostgreSQL: connects, and finds every migration the package ships applied to `schema` (else the fix is
 * `tools-core migrate`).
 *
 * @example
 * await checkDatabase('postgres://127.0.0.1/app', 'public'); // { name: 'database', ok: true, detail: 'migrations 1–3 applied' }
 */
export async function checkDatabase(connectionString: string, schema: string | undefined): Promise<DoctorCheck> {
  const names = readPostgresNames({ schema });
  const { pool, close } = resolvePostgresPool({ connectionString }, 'database');
  try {
    const connection = await pool();
    const exists = await connection.query('SELECT to_regclass($1) AS name', [names.migrations]);
    const applied = exists.rows[0]?.name === null ? [] : (await connection.query(`SELECT version FROM ${names.migrations}`)).rows.map((row) => Number(row.version));
    const pending = POSTGRES_MIGRATIONS.filter((migration) => !applied.includes(migration.version)).map((migration) => migration.version);
    if (pending.length > 0) return { name: 'database', ok: false, detail: `migrations ${pending.join(', ')} not applied to ${names.schema}. Fix: run tools-core migrate --database-url … --schema ${schema ?? 'public'}.` };
    return { name: 'database', ok: true, detail: `connected, migrations ${POSTGRES_MIGRATIONS.map((migration) => migration.version).join(', ')} applied` };
  } catch (error) {
    return { name: 'database', ok: false, detail: `${messageOf(error)}. Fix: check --database-url and that PostgreSQL runs.` };
  } finally {
    await close().catch(() => undefined);
  }
}

/**
 * Redis: connects and runs a read-only script (ioredis fails fast, no offline queue).
 *
 * @example
 * await checkRedis('redis://127.0.0.1:6379'); // { name: 'redis', ok: true, detail: 'connected' }
 */
export async function checkRedis(url: string): Promise<DoctorCheck> {
  try {
    const client = await createRedisClient(url, 2_000, 'tools-core doctor');
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.eval("return redis.call('PING')", 0);
      return { name: 'redis', ok: true, detail: 'connected' };
    } finally {
      client.disconnect();
    }
  } catch (error) {
    return { name: 'redis', ok: false, detail: `${messageOf(error)}. Fix: check --redis-url and that Redis runs.` };
  }
}

/**
 * RabbitMQ: opens and closes a connection.
 *
 * @example
 * await checkRabbitMq('amqp://guest:guest@127.0.0.1:5672'); // { name: 'rabbitmq', ok: true, detail: 'connected' }
 */
export async function checkRabbitMq(url: string): Promise<DoctorCheck> {
  try {
    const connect = await loadAmqplib();
    const connection = await connect(url, { timeout: 3_000 });
    connection.on('error', () => undefined);
    await connection.close();
    return { name: 'rabbitmq', ok: true, detail: 'connected' };
  } catch (error) {
    return { name: 'rabbitmq', ok: false, detail: `${messageOf(error)}. Fix: check --amqp-url and that RabbitMQ runs.` };
  }
}
