import { applyMigrations } from '../../adapters/postgres/apply-migrations';
import type { CliCommand } from '../cli-command';
import { parseCommandArguments } from '../parse-command-arguments';
import { readDatabaseUrl } from '../read-database-url';

const USAGE = `Usage: tools-core migrate --database-url <url> [options]

Applies the package's PostgreSQL migrations (docs/persistence.md#migrations): creates the sms_messages
table and its indexes, once; safe to run from every instance at start (an advisory lock serialises them).

Options:
  --database-url <url>   postgres://user:password@host:5432/database (default: $DATABASE_URL)
  --schema <name>        schema (default: public)
  --table <name>         table (default: sms_messages)
  --dry-run              print the SQL of the pending migrations; change nothing
  --json                 print the report as JSON
  -h, --help             show this help`;

/** `tools-core migrate`: the PostgreSQL migrations, applied or printed. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'apply the PostgreSQL migrations (--dry-run prints the SQL)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments('migrate', args, {
      'database-url': { type: 'string' },
      schema: { type: 'string' },
      table: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (parsed === 'help') {
      io.write(USAGE);
      return 0;
    }
    const { values } = parsed;
    const connectionString = readDatabaseUrl(values['database-url'], io, 'migrate');
    const dryRun = values['dry-run'] === true;
    let report;
    try {
      report = await applyMigrations({
        connectionString,
        dryRun,
        ...(typeof values.schema === 'string' ? { schema: values.schema } : {}),
        ...(typeof values.table === 'string' ? { table: values.table } : {}),
      });
    } catch (error) {
      if (error instanceof Error && 'code' in error && typeof (error as { code: unknown }).code === 'string' && !('field' in error)) {
        // pg's connection and SQL errors: the database cannot be used now.
        io.write(JSON.stringify({ level: 'error', event: 'migrate.failed', component: 'cli', code: (error as { code: string }).code, message: error.message }));
        return 1;
      }
      throw error;
    }
    if (values.json === true) io.write(JSON.stringify({ dryRun, applied: report.applied, ...(dryRun ? { sql: report.sql } : {}) }));
    else if (dryRun) io.write(report.sql === '' ? '-- nothing to apply' : report.sql);
    else io.write(report.applied.length === 0 ? 'nothing to apply: the schema is up to date' : report.applied.map((migration) => `applied ${migration.version}: ${migration.name}`).join('\n'));
    return 0;
  },
};
