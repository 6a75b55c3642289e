// applyMigrations against the real server: idempotent, dry-run touches nothing, five processes at once apply each migration once.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/adapters/postgres/apply-migrations';
import { POSTGRES_MIGRATIONS } from '../../../src/adapters/postgres/postgres-migrations';
import { dropSchemas, POSTGRES_URL, postgresIsReachable, uniqueSchema } from '../../support/services/postgres-support';

const reachable = await postgresIsReachable();
const root = fileURLToPath(new URL('../../..', import.meta.url));
const script = fileURLToPath(new URL('../../support/services/postgres-migrate-process.ts', import.meta.url));
const schemas: string[] = [];
const versions = POSTGRES_MIGRATIONS.map((migration) => migration.version);

function newSchema(label: string): string {
  const schema = uniqueSchema(label);
  schemas.push(schema);
  return schema;
}

async function query(text: string, values: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

function migrateInProcess(schema: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, POSTGRES_URL, schema], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as number[]) : reject(new Error(`exit ${code}: ${errors}`))));
  });
}

afterAll(async () => {
  if (reachable) await dropSchemas(...schemas);
});

describe.skipIf(!reachable)('applyMigrations', () => {
  it('migration 3 gives the messages already in the table their conversations', async () => {
    const schema = newSchema('backfill');
    await applyMigrations({ connectionString: POSTGRES_URL, schema });
    const table = `"${schema}".sms_messages`;
    // Rows written before version 3 existed: drop its table and record, insert as version 2 would, migrate again.
    await query(`DROP TABLE "${schema}".sms_messages_conversations; DELETE FROM "${schema}".tools_core_migrations WHERE version = 3`);
    await query(
      `INSERT INTO ${table} (id, tenant_id, direction, from_number, to_number, body, status, created_at) VALUES
       ('6f1c2a9e-0b4d-4c8e-9a71-3d5e7f901b21', 'org-1', 'outbound', '+14155550100', '+14155552671', 'first', 'sent', '2026-12-07T10:00:00Z'),
       ('6f1c2a9e-0b4d-4c8e-9a71-3d5e7f901b22', 'org-1', 'inbound', '+14155552671', '+14155550100', 'reply', 'received', '2026-12-07T10:01:00Z'),
       ('6f1c2a9e-0b4d-4c8e-9a71-3d5e7f901b23', NULL, 'outbound', NULL, '+14155552672', 'no sender', 'sent', '2026-12-07T10:02:00Z')`,
    );
    expect((await applyMigrations({ connectionString: POSTGRES_URL, schema })).applied.map((migration) => migration.version)).toEqual([3]);
    expect(await query(`SELECT tenant_key, our_number, contact_number, last_message_id::text AS last FROM "${schema}".sms_messages_conversations ORDER BY contact_number`)).toEqual([
      { tenant_key: 'org-1', our_number: '+14155550100', contact_number: '+14155552671', last: '6f1c2a9e-0b4d-4c8e-9a71-3d5e7f901b22' },
      { tenant_key: '', our_number: '', contact_number: '+14155552672', last: '6f1c2a9e-0b4d-4c8e-9a71-3d5e7f901b23' },
    ]);
  });

  it('applies every migration once, then nothing: idempotent', async () => {
    const schema = newSchema('migrate');
    expect((await applyMigrations({ connectionString: POSTGRES_URL, schema })).applied.map((migration) => migration.version)).toEqual(versions);
    expect((await applyMigrations({ connectionString: POSTGRES_URL, schema })).applied).toEqual([]);
    const indexes = (await query('SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname', [schema])).map((row) => row.indexname);
    expect(indexes).toEqual(expect.arrayContaining(['idx_sms_messages_org', 'idx_sms_messages_contact', 'idx_sms_messages_created', 'idx_sms_messages_direction', 'idx_sms_messages_provider_message']));
  });

  it('--dry-run returns the SQL and creates nothing, not even the schema', async () => {
    const schema = newSchema('dry');
    const report = await applyMigrations({ connectionString: POSTGRES_URL, schema, dryRun: true });
    expect(report.applied.map((migration) => migration.version)).toEqual(versions);
    expect(report.sql).toContain(`CREATE TABLE IF NOT EXISTS "${schema}"."sms_messages"`);
    expect(await query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).toEqual([]);
  });

  it('five processes migrating at once apply each migration exactly once', async () => {
    const schema = newSchema('race');
    const reports = await Promise.all(Array.from({ length: 5 }, () => migrateInProcess(schema)));
    expect(reports.flat().sort()).toEqual(versions);
    expect(reports.filter((applied) => applied.length > 0)).toHaveLength(1);
    expect(await query(`SELECT version FROM "${schema}".tools_core_migrations`)).toEqual(versions.map((version) => ({ version })));
  }, 60_000);

  it('refuses a schema or table name that is not a plain identifier, before connecting', async () => {
    await expect(applyMigrations({ connectionString: POSTGRES_URL, schema: 'sms"; DROP TABLE x; --' })).rejects.toThrow(/^options\.schema: .* is not a lower-case SQL identifier\. Fix: /);
    await expect(applyMigrations({ connectionString: 'mysql://x', schema: 'ok' })).rejects.toThrow(/^options\.connectionString: is not a postgres:\/\/ URL/);
  });
});
