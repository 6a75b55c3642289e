import type { CliIo } from './cli-io';
import { UsageError } from './parse-worker-arguments';

/**
 * The PostgreSQL URL of a command: `--database-url`, else `DATABASE_URL`; a `UsageError` naming both when
 * neither is set.
 *
 * @example
 * const connectionString = readDatabaseUrl(values['database-url'], io, 'migrate');
 */
export function readDatabaseUrl(flag: unknown, io: CliIo, command: string): string {
  const url = typeof flag === 'string' && flag !== '' ? flag : io.env.DATABASE_URL;
  if (url === undefined || url === '') throw new UsageError(`--database-url is required (or set DATABASE_URL). Run tools-core ${command} --help.`);
  return url;
}
