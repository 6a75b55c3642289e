import { ValidationError } from '../../errors/validation-error';

/** Quoted identifiers for SQL, from validated names. */
export interface PostgresNames {
  readonly schema: string;
  readonly table: string;
  /** `"schema"."table"`. */
  readonly qualified: string;
  /** `"schema"."tools_core_migrations"`. */
  readonly migrations: string;
  /** `"schema"."<table>_conversations"`, the inbox summary of the message table. */
  readonly conversations: string;
  /** `schema.table` unquoted, for lock keys and messages. */
  readonly label: string;
  /** The table name unquoted, for index names (`idx_<table>_org`). */
  readonly tableName: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Checks `schema` and `table` (lower-case SQL identifiers, so no quoting surprises and no injection) and
 * quotes them. Defaults: `public` and `sms_messages`, the host's table.
 *
 * @example
 * readPostgresNames({ schema: 'sms' }).qualified; // '"sms"."sms_messages"'
 */
export function readPostgresNames(options: { readonly schema?: string | undefined; readonly table?: string | undefined }, field = 'options'): PostgresNames {
  const schema = readIdentifier(options.schema ?? 'public', `${field}.schema`);
  const table = readIdentifier(options.table ?? 'sms_messages', `${field}.table`);
  return { schema: `"${schema}"`, table: `"${table}"`, qualified: `"${schema}"."${table}"`, migrations: `"${schema}"."tools_core_migrations"`, conversations: `"${schema}"."${table}_conversations"`, label: `${schema}.${table}`, tableName: table };
}

function readIdentifier(value: unknown, field: string): string {
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
    throw new ValidationError({ field, reason: 'INVALID_OPTION', problem: `${JSON.stringify(value)} is not a lower-case SQL identifier.`, fix: 'use letters a–z, digits and _, starting with a letter or _, at most 63 characters.' });
  }
  return value;
}
