// tools-core reconcile against the real PostgreSQL, with Twilio on nock through its SDK.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/adapters/postgres/apply-migrations';
import { createPostgresIdempotencyStore } from '../../../src/adapters/postgres/postgres-idempotency-store';
import { createPostgresMessageStore } from '../../../src/adapters/postgres/postgres-message-store';
import { SMSService } from '../../../src/service/sms-service';
import { nock, recordRequests } from '../../support/intercept-http';
import * as twilio from '../../providers/twilio/support/twilio-fixtures';
import { dropSchemas, POSTGRES_URL, postgresIsReachable, uniqueSchema } from '../../support/services/postgres-support';
import { runCommand } from '../support/run-command';

const reachable = await postgresIsReachable();
const schema = uniqueSchema('reconcile_cli');
const env = { TWILIO_ACCOUNT_SID: twilio.ACCOUNT_SID, TWILIO_AUTH_TOKEN: twilio.AUTH_TOKEN, TWILIO_PHONE_NUMBER: twilio.FROM, DATABASE_URL: POSTGRES_URL };
const store = createPostgresMessageStore({ connectionString: POSTGRES_URL, schema });
const idempotency = createPostgresIdempotencyStore({ connectionString: POSTGRES_URL, schema });

beforeAll(async () => {
  if (reachable) await applyMigrations({ connectionString: POSTGRES_URL, schema });
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1:5432');
});
afterAll(async () => {
  nock.enableNetConnect();
  await store.close();
  await idempotency.close();
  if (reachable) await dropSchemas(schema);
});
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});

describe.skipIf(!reachable)('tools-core reconcile', () => {
  it('recovers a lost delivered callback from Twilio into the shared table, sending nothing', async () => {
    nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(201, twilio.twilioMessage());
    const sms = SMSService.fromEnv(env, { store, idempotency: { store: idempotency } });
    const sent = await sms.send({ to: twilio.TO, body: 'Your order shipped', tenantId: 'org-1', idempotencyKey: 'order-42' });
    const fetch = nock(twilio.TWILIO_ORIGIN).get(`/2010-04-01/Accounts/${twilio.ACCOUNT_SID}/Messages/${twilio.MESSAGE_SID}.json`).reply(200, twilio.twilioMessage({ status: 'delivered' }));
    const requests = recordRequests(fetch);
    const { code, lines } = await runCommand(['reconcile', '--schema', schema, '--older-than', '0s', '--json'], { env });
    expect(code).toBe(0);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ ran: true, checked: 1, settled: { delivered: 1 }, errors: [] });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get('authorization')).toBe(twilio.BASIC_AUTH);
    expect(await store.get(sent.id)).toMatchObject({ status: 'delivered', providerMessageId: twilio.MESSAGE_SID });
    const again = await runCommand(['reconcile', '--schema', schema, '--older-than', '0s']);
    expect(again.code).toBe(2);
    const quiet = await runCommand(['reconcile', '--schema', schema, '--older-than', '0s'], { env });
    expect(quiet.lines[0]).toBe('checked 0: settled none; not sent 0 (resent 0); unchanged 0; still unknown 0; ambiguous 0; unsupported 0; errors 0');
  });

  it('exits 1 naming the record when the provider cannot answer, and 2 for bad options', async () => {
    nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(201, twilio.twilioMessage({ sid: 'SM0b2e4d6f8a0c1e3f5a7b9d1f3e5c7a9c' }));
    const sent = await SMSService.fromEnv(env, { store }).send({ to: twilio.TO, body: 'Hello' });
    nock(twilio.TWILIO_ORIGIN).get(`/2010-04-01/Accounts/${twilio.ACCOUNT_SID}/Messages/SM0b2e4d6f8a0c1e3f5a7b9d1f3e5c7a9c.json`).reply(500, twilio.twilioErrorBody(20500, 500, 'Internal Server Error'));
    const failed = await runCommand(['reconcile', '--schema', schema, '--older-than', '0s'], { env });
    expect(failed.code).toBe(1);
    expect(failed.lines[1]).toMatch(new RegExp(`^  ${sent.id}: `));
    expect((await runCommand(['reconcile', '--older-than', 'soon'], { env })).code).toBe(2);
    expect((await runCommand(['reconcile', '--limit', 'many'], { env })).code).toBe(2);
  });
});
