import type { PostgresNames } from '../postgres-names';

/** One versioned migration: applied once per schema, in version order, recorded in `tools_core_migrations`. */
export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  /** The SQL for the configured schema and table. */
  readonly sql: (names: PostgresNames) => string;
}
