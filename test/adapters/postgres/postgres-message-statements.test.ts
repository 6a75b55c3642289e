// The statements' shape, then the statements themselves against the real server (127.0.0.1:5432, database test), in a schema of their own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { applyMigrations } from '../../../src/adapters/postgres/apply-migrations';
import { MESSAGE_COLUMNS, toRowValues } from '../../../src/adapters/postgres/message-row';
import { postgresMessageStatements } from '../../../src/adapters/postgres/postgres-message-statements';
import { readPostgresNames } from '../../../src/adapters/postgres/postgres-names';
import type { MessageRecord } from '../../../src/store/message-record';
import { dropSchemas, POSTGRES_URL, postgresIsReachable, uniqueSchema } from '../../support/services/postgres-support';

const COUNT = MESSAGE_COLUMNS.length;
const OURS = '+14155550100';
const ALICE = '+14155552001';
const at = (second: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, second)).toISOString();
const uuid = (n: number) => `6f1c2a9e-0b4d-4c8e-9a71-${String(n).padStart(12, '0')}`;

function record(overrides: Partial<MessageRecord>): MessageRecord {
  return {
    id: uuid(1), tenantId: 'org-1', direction: 'outbound', from: OURS, to: ALICE, body: 'Hi', mediaUrls: [], provider: 'twilio',
    providerMessageId: null, status: 'queued', errorCode: null, errorReason: null, errorMessage: null, providerCode: null,
    cost: null, currency: null, segments: 1, encoding: 'GSM-7', metadata: {}, attempts: 1, idempotencyKey: null,
    createdAt: at(0), sentAt: null, deliveredAt: null, statusChangedAt: at(0),
    ...overrides,
  };
}

/** The `$n` numbers in order of appearance. */
const placeholdersIn = (sql: string) => [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));

describe('postgresMessageStatements: shape', () => {
  const names = readPostgresNames({ schema: 'sms', table: 'texts' });
  const statements = postgresMessageStatements(names);

  it('upsert inserts every column of MESSAGE_COLUMNS with $1…$n in the order of toRowValues', () => {
    const insert = /^INSERT INTO "sms"\."texts" AS stored \(([^)]*)\) VALUES \(([^)]*)\)/.exec(statements.upsert);
    expect(insert).not.toBeNull();
    expect(insert?.[1]?.split(', ')).toEqual([...MESSAGE_COLUMNS]);
    expect(insert?.[2]?.split(', ')).toEqual(MESSAGE_COLUMNS.map((_, index) => `$${index + 1}`));
    expect(toRowValues(record({}))).toHaveLength(COUNT);
    expect(Math.max(...placeholdersIn(statements.upsert))).toBe(COUNT);
  });

  it('upsert replaces every column but the id from EXCLUDED and counts the write in revision', () => {
    const set = /ON CONFLICT \(id\) DO UPDATE SET (.*)$/s.exec(statements.upsert)?.[1];
    expect(set?.split(', ')).toEqual([...MESSAGE_COLUMNS.filter((column) => column !== 'id').map((column) => `${column} = EXCLUDED.${column}`), 'revision = stored.revision + 1']);
  });

  it('compareAndSet writes column i from $i+1, never the id, and only over the revision read ($n+1)', () => {
    const update = /^UPDATE "sms"\."texts" SET (.*?)\s+WHERE id = \$1 AND revision = \$(\d+)$/s.exec(statements.compareAndSet);
    expect(update).not.toBeNull();
    expect(update?.[1]?.split(', ')).toEqual([
      ...MESSAGE_COLUMNS.flatMap((column, index) => (column === 'id' ? [] : [`${column} = $${index + 1}`])),
      'revision = revision + 1',
    ]);
    expect(Number(update?.[2])).toBe(COUNT + 1);
  });

  it('upsertWithConversation wraps upsert and takes tenant key, our number, contact and direction after the record', () => {
    expect(statements.upsertWithConversation).toContain(`WITH saved AS (${statements.upsert} RETURNING (xmax = 0) AS inserted)`);
    expect(statements.upsertWithConversation).toContain('INSERT INTO "sms"."texts_conversations" AS conversation');
    const createdAt = MESSAGE_COLUMNS.indexOf('created_at') + 1;
    const select = /SELECT ([\s\S]*?) FROM saved WHERE saved\.inserted/.exec(statements.upsertWithConversation)?.[1] ?? '';
    expect(select).toContain(`$${COUNT + 1}::varchar, $${COUNT + 2}::varchar, $${COUNT + 3}::varchar, $1::uuid, $${createdAt}::timestamptz`);
    expect(select).toContain(`CASE WHEN $${COUNT + 4}::varchar = 'inbound' THEN 1 ELSE 0 END`);
    expect(Math.max(...placeholdersIn(statements.upsertWithConversation))).toBe(COUNT + 4);
    expect(statements.upsertWithConversation).toContain('ON CONFLICT (tenant_key, our_number, contact_number) DO UPDATE SET');
  });

  it('select reads the whole table, for a WHERE to follow', () => {
    expect(statements.select).toBe('SELECT * FROM "sms"."texts"');
  });

  it('follows the names it was given', () => {
    const other = postgresMessageStatements(readPostgresNames({}));
    expect(other.upsert).toMatch(/^INSERT INTO "public"\."sms_messages" AS stored/);
    expect(other.upsertWithConversation).toContain('"public"."sms_messages_conversations"');
    expect(other.compareAndSet).toMatch(/^UPDATE "public"\."sms_messages" SET/);
  });
});

const reachable = await postgresIsReachable();
const schema = uniqueSchema('statements');
let pool: pg.Pool;

beforeAll(async () => {
  if (!reachable) return;
  await applyMigrations({ connectionString: POSTGRES_URL, schema });
  pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
});
afterAll(async () => {
  if (!reachable) return;
  await pool.end();
  await dropSchemas(schema);
});

describe.skipIf(!reachable)('postgresMessageStatements: against PostgreSQL', () => {
  const statements = postgresMessageStatements(readPostgresNames({ schema }));
  const conversationValues = (saved: MessageRecord) => {
    const [ourNumber, contact] = saved.direction === 'outbound' ? [saved.from, saved.to] : [saved.to, saved.from];
    return [...toRowValues(saved), saved.tenantId ?? '', ourNumber ?? '', contact, saved.direction];
  };
  const row = async (id: string) => (await pool.query(`SELECT id, status, body, revision::int AS revision, contact_number, tenant_key FROM "${schema}".sms_messages WHERE id = $1`, [id])).rows[0];
  const conversations = async () =>
    (await pool.query(`SELECT tenant_key, our_number, contact_number, last_message_id, unread_count FROM "${schema}".sms_messages_conversations ORDER BY tenant_key, our_number, contact_number`)).rows;

  beforeEach(async () => {
    await pool.query(`TRUNCATE "${schema}".sms_messages, "${schema}".sms_messages_conversations`);
  });

  it('upsert inserts at revision 0 and replaces the record on the same id, counting the revision up', async () => {
    const first = record({});
    await pool.query(statements.upsert, toRowValues(first));
    expect(await row(first.id)).toEqual({ id: first.id, status: 'queued', body: 'Hi', revision: 0, contact_number: ALICE, tenant_key: 'org-1' });
    await pool.query(statements.upsert, toRowValues({ ...first, status: 'sent', body: 'Hi again' }));
    expect(await row(first.id)).toMatchObject({ status: 'sent', body: 'Hi again', revision: 1 });
    expect((await pool.query(`SELECT count(*)::int AS count FROM "${schema}".sms_messages`)).rows[0]).toEqual({ count: 1 });
  });

  it('compareAndSet writes only over the revision that was read', async () => {
    const first = record({});
    await pool.query(statements.upsert, toRowValues(first));
    const applied = await pool.query(statements.compareAndSet, [...toRowValues({ ...first, status: 'sent' }), '0']);
    expect(applied.rowCount).toBe(1);
    expect(await row(first.id)).toMatchObject({ status: 'sent', revision: 1 });
    const stale = await pool.query(statements.compareAndSet, [...toRowValues({ ...first, status: 'failed' }), '0']);
    expect(stale.rowCount).toBe(0);
    expect(await row(first.id)).toMatchObject({ status: 'sent', revision: 1 });
    const missing = await pool.query(statements.compareAndSet, [...toRowValues({ ...first, id: uuid(99) }), '0']);
    expect(missing.rowCount).toBe(0);
  });

  it('upsertWithConversation keeps the conversation: its latest message, in either direction', async () => {
    await pool.query(statements.upsertWithConversation, conversationValues(record({ id: uuid(1), createdAt: at(1) })));
    expect(await conversations()).toEqual([{ tenant_key: 'org-1', our_number: OURS, contact_number: ALICE, last_message_id: uuid(1), unread_count: 0 }]);
    const inbound = (id: number, second: number) => record({ id: uuid(id), direction: 'inbound', from: ALICE, to: OURS, status: 'received', createdAt: at(second) });
    await pool.query(statements.upsertWithConversation, conversationValues(inbound(2, 2)));
    await pool.query(statements.upsertWithConversation, conversationValues(inbound(3, 3)));
    expect(await conversations()).toMatchObject([{ last_message_id: uuid(3), unread_count: 2 }]);
    await pool.query(statements.upsertWithConversation, conversationValues(record({ id: uuid(4), createdAt: at(4) })));
    expect(await conversations()).toMatchObject([{ last_message_id: uuid(4), unread_count: 0 }]);
    // Late arrivals count by their time: an inbound older than our reply is read, a reply older than an inbound resets nothing.
    await pool.query(statements.upsertWithConversation, conversationValues(inbound(5, 3)));
    expect(await conversations()).toMatchObject([{ last_message_id: uuid(4), unread_count: 0 }]);
    await pool.query(statements.upsertWithConversation, conversationValues(inbound(6, 6)));
    await pool.query(statements.upsertWithConversation, conversationValues(record({ id: uuid(7), createdAt: at(5) })));
    expect(await conversations()).toMatchObject([{ last_message_id: uuid(6), unread_count: 1 }]);
  });

  it('upsertWithConversation on a saved message (its outcome, a redelivered webhook) changes the record only', async () => {
    const reply = record({ id: uuid(2), direction: 'inbound', from: ALICE, to: OURS, status: 'received', createdAt: at(2) });
    await pool.query(statements.upsertWithConversation, conversationValues(reply));
    await pool.query(statements.upsertWithConversation, conversationValues(reply));
    await pool.query(statements.upsertWithConversation, conversationValues({ ...reply, body: 'edited' }));
    expect(await conversations()).toMatchObject([{ last_message_id: uuid(2) }]);
    expect(await row(reply.id)).toMatchObject({ body: 'edited', revision: 2 });
  });

  it('upsertWithConversation keeps the later last message when an older one arrives', async () => {
    await pool.query(statements.upsertWithConversation, conversationValues(record({ id: uuid(5), createdAt: at(5) })));
    await pool.query(statements.upsertWithConversation, conversationValues(record({ id: uuid(1), createdAt: at(1) })));
    expect(await conversations()).toMatchObject([{ last_message_id: uuid(5) }]);
  });

  it('upsertWithConversation breaks a tie in time by id, as the in-memory store orders messages', async () => {
    await pool.query(statements.upsertWithConversation, conversationValues(record({ id: uuid(8), createdAt: at(5) })));
    await pool.query(statements.upsertWithConversation, conversationValues(record({ id: uuid(7), createdAt: at(5) })));
    expect(await conversations()).toMatchObject([{ last_message_id: uuid(8) }]);
    await pool.query(statements.upsertWithConversation, conversationValues(record({ id: uuid(9), createdAt: at(5) })));
    expect(await conversations()).toMatchObject([{ last_message_id: uuid(9) }]);
  });

  it('upsertWithConversation keys the conversation by tenant ("" for none) and our number ("" for a provider-chosen sender)', async () => {
    await pool.query(statements.upsertWithConversation, conversationValues(record({ id: uuid(1), tenantId: null })));
    await pool.query(statements.upsertWithConversation, conversationValues(record({ id: uuid(2), from: null })));
    expect(await conversations()).toEqual([
      { tenant_key: '', our_number: OURS, contact_number: ALICE, last_message_id: uuid(1), unread_count: 0 },
      { tenant_key: 'org-1', our_number: '', contact_number: ALICE, last_message_id: uuid(2), unread_count: 0 },
    ]);
    expect(await row(uuid(1))).toMatchObject({ tenant_key: '' });
  });
});
