/**
 * One process of the racing-callbacks test: applies one status callback to each message through the
 * PostgreSQL store, as the webhook handler does (`updateRecordStatus` inside `store.update`), all at once,
 * and prints how many it moved forward. Run:
 * node --import tsx test/support/services/postgres-callback-process.ts <url> <schema> <status> <provider message ids as JSON>
 */
import pg from 'pg';
import { createPostgresMessageStore } from '../../../src/adapters/postgres/postgres-message-store';
import type { MessageStatus } from '../../../src/messages/message-status';
import { updateRecordStatus } from '../../../src/store/update-record-status';

const [connectionString = '', schema = '', status = '', ids = '[]'] = process.argv.slice(2);
// Three connections a process: eight of them stay well inside the server's connection limit.
const pool = new pg.Pool({ connectionString, max: 3 });
const store = createPostgresMessageStore({ pool, schema });
let moved = 0;
await Promise.all(
  (JSON.parse(ids) as string[]).map(async (providerMessageId) => {
    const record = await store.findByProviderMessageId('twilio', providerMessageId);
    if (record === undefined) throw new Error(`no record for ${providerMessageId}`);
    const update = await store.update(record.id, (current) => updateRecordStatus(current, { provider: 'twilio', providerMessageId, status: status as MessageStatus, error: null, at: Date.now() }));
    if (update?.changed === true) moved += 1;
  }),
);
await pool.end();
console.log(JSON.stringify({ status, moved }));
