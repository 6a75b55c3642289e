/**
 * The PostgreSQL message store (docs/persistence.md), in one run against the server at 127.0.0.1:5432
 * (database `test`, `TEST_DATABASE_URL` to change it), in a schema of its own dropped at the end:
 *
 * - sends/s through `SMSService.send()` with the PostgreSQL store, beside raw `pg` running the same three
 *   statements a send runs (write-ahead insert with its conversation row, read, compare-and-set update) on
 *   the same pool and in-flight count; target ≥ 0.8×;
 * - webhook status updates/s (`store.update` with `updateRecordStatus`), beside the same read and write on
 *   raw `pg`;
 * - `listConversations` and `listMessages` p50 / p99 on 1 000 000 messages over 10 000 contacts of one
 *   tenant, walking every page; target p99 under 20 ms; with the query plan.
 *
 * Run: `npx tsx bench/postgres.ts` (or `npm run bench`).
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { applyMigrations } from '../src/adapters/postgres/apply-migrations';
import { fromRow, toRowValues } from '../src/adapters/postgres/message-row';
import { createPostgresMessageStore } from '../src/adapters/postgres/postgres-message-store';
import { postgresMessageStatements } from '../src/adapters/postgres/postgres-message-statements';
import { readPostgresNames } from '../src/adapters/postgres/postgres-names';
import { SMSService } from '../src';
import { buildQueuedRecord } from '../src/service/build-message-record';
import { calculateSegments } from '../src/segments/calculate-segments';
import { createFakeProvider } from '../src/testing';
import { updateRecordStatus } from '../src/store/update-record-status';
import { formatNumber } from './measure';

const URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const IN_FLIGHT = 16;
const MESSAGES = 1_000_000;
const CONTACTS = 10_000;

/** Runs `task` `IN_FLIGHT` at a time for `milliseconds` after a quarter as warm-up; operations per second. */
async function throughput(task: () => Promise<unknown>, milliseconds = 3_000): Promise<number> {
  const run = async (until: number) => {
    let operations = 0;
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() < until) {
        await task();
        operations += 1;
      }
    }));
    return operations;
  };
  await run(performance.now() + milliseconds / 4);
  const start = performance.now();
  const operations = await run(start + milliseconds);
  return (operations / (performance.now() - start)) * 1000;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
}

async function timings(task: (index: number) => Promise<unknown>, count: number): Promise<{ p50: number; p99: number }> {
  const durations: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    await task(index);
    durations.push(performance.now() - start);
  }
  durations.sort((left, right) => left - right);
  return { p50: percentile(durations, 0.5), p99: percentile(durations, 0.99) };
}

export async function runPostgresBenchmark(): Promise<void> {
  const pool = new pg.Pool({ connectionString: URL, max: 8 });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    console.log(`\nPostgreSQL at ${URL} is unreachable (${error instanceof Error ? error.message : String(error)}): PostgreSQL benchmark skipped.`);
    await pool.end().catch(() => undefined);
    return;
  }
  const schema = `tools_core_bench_${randomUUID().replaceAll('-', '').slice(0, 8)}`;
  try {
    await applyMigrations({ pool, schema });
    const names = readPostgresNames({ schema });
    const statements = postgresMessageStatements(names);
    const store = createPostgresMessageStore({ pool, schema });

    // Sends: the library beside the same statements on raw pg, alternated twice, the better run of each kept.
    const provider = createFakeProvider({ id: 'twilio', outcomes: () => ({ type: 'accept', providerMessageId: `SM${randomUUID().replaceAll('-', '')}` }) });
    const sms = new SMSService({ providers: [provider], store });
    let sequence = 0;
    const body = 'Your verification code is 482913. It expires in 10 minutes.';
    const analysis = calculateSegments(body);
    const librarySend = () => {
      if (provider.calls.length > 10_000) provider.reset();
      return sms.send({ to: `+1415${String(5_000_000 + (sequence++ % 1_000_000))}`, from: '+14155550100', body, tenantId: 'org-bench' });
    };
    const rawSend = async () => {
      const to = `+1415${String(5_000_000 + (sequence++ % 1_000_000))}`;
      const request = { to, country: undefined, from: '+14155550100', body, mediaUrls: [], tenantId: 'org-bench', idempotencyKey: undefined, correlationId: undefined, validityPeriodSeconds: undefined, sendAt: undefined, metadata: {} };
      const queued = buildQueuedRecord({ messageId: randomUUID(), request, analysis, createdAt: Date.now() });
      await pool.query(statements.upsertWithConversation, [...toRowValues(queued), 'org-bench', '+14155550100', to, 'outbound']);
      const { rows } = await pool.query(`${statements.select} WHERE id = $1`, [queued.id]);
      const sent = { ...queued, status: 'queued' as const, provider: 'twilio', providerMessageId: `SM${randomUUID().replaceAll('-', '')}`, cost: '0.0079', currency: 'USD', attempts: 1 };
      await pool.query(statements.compareAndSet, [...toRowValues(sent), String(rows[0]?.revision)]);
    };
    const sends = { library: 0, raw: 0 };
    for (let round = 0; round < 2; round += 1) {
      sends.raw = Math.max(sends.raw, await throughput(rawSend));
      sends.library = Math.max(sends.library, await throughput(librarySend));
    }

    // Status callbacks on the messages just sent: the store's update beside the same read + write on raw pg.
    const { rows: sample } = await pool.query(`SELECT id FROM ${names.qualified} WHERE provider_message_id IS NOT NULL LIMIT 20000`);
    const ids = sample.map((row) => String(row.id));
    let cursor = 0;
    const statuses = ['sending', 'sent', 'delivered'] as const;
    const callback = (id: string, at: number) => (current: Parameters<typeof updateRecordStatus>[0]) =>
      updateRecordStatus(current, { provider: 'twilio', providerMessageId: current.providerMessageId ?? 'SM', status: statuses[at % 3] as (typeof statuses)[number], error: null, at: Date.now() }) ?? { ...current, statusChangedAt: new Date().toISOString() };
    const libraryUpdate = () => {
      const at = cursor++;
      const id = ids[at % ids.length] as string;
      return store.update(id, callback(id, at));
    };
    const rawUpdate = async () => {
      const at = cursor++;
      const id = ids[at % ids.length] as string;
      const { rows } = await pool.query(`${statements.select} WHERE id = $1`, [id]);
      const next = callback(id, at)(fromRow(rows[0] as Record<string, unknown>));
      await pool.query(statements.compareAndSet, [...toRowValues(next), String(rows[0]?.revision)]);
    };
    const updates = { library: 0, raw: 0 };
    for (let round = 0; round < 2; round += 1) {
      updates.raw = Math.max(updates.raw, await throughput(rawUpdate));
      updates.library = Math.max(updates.library, await throughput(libraryUpdate));
    }

    console.log(`\nPostgreSQL message store (${IN_FLIGHT} in flight, pool of 8; target: sends ≥ 0.8× raw pg)`);
    console.table([
      { operation: 'send() with the PostgreSQL store', 'library /s': formatNumber(sends.library), 'raw pg /s': formatNumber(sends.raw), ratio: `${formatNumber(sends.library / sends.raw, 2)}×` },
      { operation: 'webhook status update', 'library /s': formatNumber(updates.library), 'raw pg /s': formatNumber(updates.raw), ratio: `${formatNumber(updates.library / updates.raw, 2)}×` },
    ]);

    // The inbox at scale: 1 000 000 messages over 10 000 contacts of one tenant, written in bulk, then its
    // conversations filled by migration 3's own statement (dropped and re-applied).
    await pool.query(`TRUNCATE ${names.qualified}, ${names.conversations}`);
    await pool.query(`DROP TABLE ${names.conversations}; DELETE FROM ${names.migrations} WHERE version = 3`);
    const loadStart = performance.now();
    await pool.query(
      `INSERT INTO ${names.qualified} (id, tenant_id, direction, from_number, to_number, body, status, segments, encoding, created_at, status_changed_at)
       SELECT gen_random_uuid(), 'org-inbox', CASE WHEN n % 3 = 0 THEN 'inbound' ELSE 'outbound' END,
         CASE WHEN n % 3 = 0 THEN '+1416' || lpad((n % ${CONTACTS})::text, 7, '0') ELSE '+14155550100' END,
         CASE WHEN n % 3 = 0 THEN '+14155550100' ELSE '+1416' || lpad((n % ${CONTACTS})::text, 7, '0') END,
         'Message ' || n, CASE WHEN n % 3 = 0 THEN 'received' ELSE 'delivered' END, 1, 'GSM-7',
         timestamptz '2026-11-01' + n * interval '2 seconds', timestamptz '2026-11-01' + n * interval '2 seconds'
       FROM generate_series(1, ${MESSAGES}) AS n`,
    );
    await applyMigrations({ pool, schema });
    await pool.query(`ANALYZE ${names.qualified}; ANALYZE ${names.conversations}`);
    const loadSeconds = (performance.now() - loadStart) / 1000;

    let next: string | undefined;
    const pages = await timings(async () => {
      const page = await store.listConversations({ tenantId: 'org-inbox', limit: 50, ...(next === undefined ? {} : { cursor: next }) });
      next = page.nextCursor ?? undefined;
    }, CONTACTS / 50);
    const contacts = Array.from({ length: 500 }, () => `+1416${String(Math.floor(Math.random() * CONTACTS)).padStart(7, '0')}`);
    const threads = await timings((index) => store.listMessages({ tenantId: 'org-inbox', contact: contacts[index] as string, limit: 50 }), contacts.length);
    console.log(`\nThe inbox on ${formatNumber(MESSAGES)} messages over ${formatNumber(CONTACTS)} contacts (loaded and summarised in ${formatNumber(loadSeconds, 1)} s; target p99 < 20 ms)`);
    console.table([
      { query: 'listConversations, 50 a page, all 200 pages', 'p50 ms': formatNumber(pages.p50, 2), 'p99 ms': formatNumber(pages.p99, 2) },
      { query: 'listMessages, 50 of one contact, 500 contacts', 'p50 ms': formatNumber(threads.p50, 2), 'p99 ms': formatNumber(threads.p99, 2) },
    ]);
    const plan = await pool.query(
      `EXPLAIN SELECT c.*, m.* FROM ${names.conversations} c JOIN ${names.qualified} m ON m.id = c.last_message_id
       WHERE c.tenant_key = 'org-inbox' AND (c.last_message_at, c.our_number, c.contact_number) < (timestamptz '2026-12-01', '+14155550100', '+14160005000')
       ORDER BY c.last_message_at DESC, c.our_number DESC, c.contact_number DESC LIMIT 51`,
    );
    console.log('listConversations plan (a page from a cursor):');
    for (const row of plan.rows) console.log(`  ${String(row['QUERY PLAN'])}`);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runPostgresBenchmark();
