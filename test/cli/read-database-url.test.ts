import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io';
import { UsageError } from '../../src/cli/parse-worker-arguments';
import { readDatabaseUrl } from '../../src/cli/read-database-url';

const io = (env: Record<string, string>) => ({ env }) as unknown as CliIo;

describe('readDatabaseUrl', () => {
  it('takes --database-url first, then DATABASE_URL', () => {
    expect(readDatabaseUrl('postgres://flag/db', io({ DATABASE_URL: 'postgres://env/db' }), 'migrate')).toBe('postgres://flag/db');
    expect(readDatabaseUrl(undefined, io({ DATABASE_URL: 'postgres://env/db' }), 'migrate')).toBe('postgres://env/db');
  });

  it('refuses neither (or both empty) with a usage error naming the command', () => {
    expect(() => readDatabaseUrl(undefined, io({}), 'reconcile')).toThrow(UsageError);
    expect(() => readDatabaseUrl('', io({ DATABASE_URL: '' }), 'reconcile')).toThrow(/^--database-url is required \(or set DATABASE_URL\)\. Run tools-core reconcile --help\.$/);
  });
});
