import { createSmsMessagesMigration } from './migrations/create-sms-messages-migration';
import type { PostgresMigration } from './migrations/postgres-migration';

/** Every migration the package ships, in version order (docs/persistence.md#migrations). */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [createSmsMessagesMigration];
