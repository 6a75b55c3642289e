// Public entry of `@ocelot-platform/tools-core/postgres` (docs/persistence.md). Importing it never loads `pg`:
// an adapter imports it when it first needs its own pool, or uses the pool you pass.
export { applyMigrations, type ApplyMigrationsOptions, type MigrationsReport } from './apply-migrations';
export { createPostgresMessageStore, type PostgresMessageStore, type PostgresMessageStoreOptions } from './postgres-message-store';
export { createPostgresIdempotencyStore, type PostgresIdempotencyStore, type PostgresIdempotencyStoreOptions } from './postgres-idempotency-store';
export { createPostgresOptOutStore, type PostgresOptOutStore, type PostgresOptOutStoreOptions } from './postgres-opt-out-store';
export { createPostgresWebhookDedupeStore, type PostgresWebhookDedupeStore, type PostgresWebhookDedupeStoreOptions } from './postgres-webhook-dedupe-store';
export { POSTGRES_MIGRATIONS } from './postgres-migrations';
export type { PostgresMigration } from './migrations/postgres-migration';
export type { PostgresClient, PostgresConnectionOptions, PostgresPool } from './postgres-pool';
