import { describe, expect, it } from 'vitest';
import { readPostgresNames } from '../../../src/adapters/postgres/postgres-names';

describe('readPostgresNames', () => {
  it('defaults to public.sms_messages, quoted', () => {
    expect(readPostgresNames({})).toEqual({ schema: '"public"', table: '"sms_messages"', qualified: '"public"."sms_messages"', migrations: '"public"."tools_core_migrations"', conversations: '"public"."sms_messages_conversations"', label: 'public.sms_messages', tableName: 'sms_messages' });
  });

  it('refuses anything but a plain lower-case identifier, naming the option', () => {
    for (const schema of ['Sms', 'sms-1', '1sms', '', 'a'.repeat(64), 'sms"; DROP TABLE x; --']) {
      expect(() => readPostgresNames({ schema }), schema).toThrow(/^options\.schema: .* is not a lower-case SQL identifier\. Fix: /);
    }
    expect(() => readPostgresNames({ table: 'x y' })).toThrow(/^options\.table: /);
  });
});
