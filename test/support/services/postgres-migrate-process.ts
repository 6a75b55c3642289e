/**
 * One process of the concurrent-migration test: applies the migrations to a schema and prints what it
 * applied as JSON. Run: node --import tsx test/support/services/postgres-migrate-process.ts <url> <schema>
 */
import { applyMigrations } from '../../../src/adapters/postgres/apply-migrations';

const [connectionString, schema] = process.argv.slice(2);
const report = await applyMigrations({ connectionString: connectionString ?? '', schema: schema ?? '' });
console.log(JSON.stringify(report.applied.map((migration) => migration.version)));
