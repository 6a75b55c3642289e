import { createSmsMessagesMigration } from './migrations/create-sms-messages-migration';
import { createStoreTablesMigration } from './migrations/create-store-tables-migration';
import { createConversationsMigration } from './migrations/create-conversations-migration';
import type { PostgresMigration } from './migrations/postgres-migration';

/** Every migration the package ships, in version order (docs/persistence.md#migrations). */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [createSmsMessagesMigration, createStoreTablesMigration, createConversationsMigration];
