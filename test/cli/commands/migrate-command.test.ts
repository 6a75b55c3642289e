import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchemas, POSTGRES_URL, postgresIsReachable, uniqueSchema } from '../../support/services/postgres-support';
import { runCommand } from '../support/run-command';

const reachable = await postgresIsReachable();
const schema = uniqueSchema('cli');

afterAll(async () => {
  if (reachable) await dropSchemas(schema);
});

describe.skipIf(!reachable)('tools-core migrate', () => {
  it('--dry-run prints the SQL and changes nothing; then applies, then has nothing to do', async () => {
    const dry = await runCommand(['migrate', '--database-url', POSTGRES_URL, '--schema', schema, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.lines[0]).toMatch(/^-- 1: create the sms_messages table\nCREATE SCHEMA IF NOT EXISTS/);
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    expect((await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rows).toEqual([]);
    expect((await runCommand(['migrate', '--schema', schema], { env: { DATABASE_URL: POSTGRES_URL } })).lines.join('\n')).toBe('applied 1: create the sms_messages table\napplied 2: create the idempotency, opt-out and webhook dedupe tables\napplied 3: add conversations and record revisions');
    expect((await client.query(`SELECT count(*)::int AS n FROM "${schema}".sms_messages`)).rows).toEqual([{ n: 0 }]);
    await client.end();
    expect(JSON.parse((await runCommand(['migrate', '--database-url', POSTGRES_URL, '--schema', schema, '--json'])).lines[0] ?? '')).toEqual({ dryRun: false, applied: [] });
  });

  it('exits 2 without a URL or with a bad schema name, 1 when the database refuses', async () => {
    expect((await runCommand(['migrate'])).code).toBe(2);
    const bad = await runCommand(['migrate', '--database-url', POSTGRES_URL, '--schema', 'Bad-Name']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.lines[0] ?? '').message).toMatch(/options\.schema/);
    const refused = await runCommand(['migrate', '--database-url', 'postgres://postgres@127.0.0.1:5432/no_such_database_here']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.lines[0] ?? '')).toMatchObject({ event: 'migrate.failed', code: '3D000' });
  });
});
