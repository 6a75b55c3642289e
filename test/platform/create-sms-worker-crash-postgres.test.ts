// Cross-module scenario: a worker SIGKILLed between the provider's acceptance and its commit, over RabbitMQ with every store on PostgreSQL.
/**
 * The platform crash of docs/persistence.md#one-message-id-per-request: the provider accepted message X, the
 * worker died before recording or answering it, the request is redelivered to a second worker. The answer
 * must name X (not a new id), nothing is sent twice, and the provider's status callback (which carries X in
 * its URL) settles X's record on an instance that never saw the send.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { applyMigrations } from '../../src/adapters/postgres/apply-migrations';
import { createPostgresIdempotencyStore } from '../../src/adapters/postgres/postgres-idempotency-store';
import { createPostgresMessageStore } from '../../src/adapters/postgres/postgres-message-store';
import type { SmsResponseEvent } from '../../src/events/contracts/sms-response-event';
import { createSmsClient } from '../../src/platform/create-sms-client';
import { MESSAGE_ID_PARAMETER } from '../../src/providers/kit/with-message-id-parameter';
import type { ProviderMessage, SmsProvider } from '../../src/providers/provider';
import { SMSService } from '../../src/service/sms-service';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import { signWebhookRequest } from '../../src/testing/sign-webhook-request';
import { createWebhookHandler } from '../../src/webhooks/create-webhook-handler';
import { AMQP_URL, BusFactory, deleteQueueFamily, rabbitmqIsReachable, uniqueName } from '../support/services/platform-rabbitmq-support';
import { dropSchemas, POSTGRES_URL, postgresIsReachable, uniqueSchema } from '../support/services/postgres-support';

const reachable = (await rabbitmqIsReachable()) && (await postgresIsReachable());
const buses = new BusFactory();
const root = fileURLToPath(new URL('../..', import.meta.url));
const workerScript = fileURLToPath(new URL('../support/services/platform-crash-worker.ts', import.meta.url));
const callsFile = join(tmpdir(), `tools-core-crash-pg-${randomUUID().slice(0, 8)}.log`);
const schema = uniqueSchema('crash');
const queue = uniqueName('crash-pg-requests');
const children: ChildProcess[] = [];
const diagnostics: string[] = [];

beforeAll(async () => {
  if (reachable) await applyMigrations({ connectionString: POSTGRES_URL, schema });
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(callsFile, { force: true });
  if (!reachable) return;
  await buses.cleanUp();
  await deleteQueueFamily(queue);
  await dropSchemas(schema);
}, 60_000);

async function until(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function startWorker(settings: Record<string, unknown>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', workerScript, JSON.stringify(settings)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stderr?.on('data', (chunk: Buffer) => void diagnostics.push(chunk.toString()));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  await until('the worker to be ready', () => output.includes('ready') || child.exitCode !== null, 30_000);
  if (!output.includes('ready')) throw new Error(`The worker exited with ${child.exitCode}`);
  return child;
}

function ended(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe.skipIf(!reachable)('a worker killed between the provider accepting and its commit (RabbitMQ + PostgreSQL)', () => {
  it('ends with one message accepted, an answer naming it, and the record settled by the callback on another instance', async () => {
    onTestFailed(() => void process.stderr.write(`${diagnostics.join('')}\n`));
    writeFileSync(callsFile, '');
    const exchange = uniqueName('crash-pg-exchange');
    const settings = { amqpUrl: AMQP_URL, exchange, queue, postgresUrl: POSTGRES_URL, schema, callsFile, concurrency: 1, delayMs: 5, keyPrefix: '', redisUrl: '' };
    const bus = buses.create({ exchange });
    const answers: SmsResponseEvent[] = [];
    await bus.subscribe({ queue: uniqueName('crash-pg-answers'), topics: ['sms.sent', 'sms.failed'] }, async (delivery) => {
      answers.push(delivery.message as SmsResponseEvent);
      await delivery.ack();
    });

    const first = await startWorker({ ...settings, name: uniqueName('crash-pg-first'), crashOnBody: 'Your order shipped' });
    const client = createSmsClient({ bus });
    await client.publish({ tenantId: 'org-1', to: '+14155552671', from: '+14155550100', body: 'Your order shipped', idempotencyKey: 'order-42' });
    expect(await ended(first)).toEqual({ code: null, signal: 'SIGKILL' });
    const [, messageId, providerMessageId] = (readFileSync(callsFile, 'utf8').split('\n').find((line) => line.startsWith('accepted-id ')) ?? '').split(' ');
    expect(answers).toEqual([]);

    const second = await startWorker({ ...settings, name: uniqueName('crash-pg-second') });
    await until('the answer to the redelivered request', () => answers.length > 0);
    // The answer names the message the provider accepted: outcome unknown (the key is still held by the dead worker), never re-sent.
    expect(answers[0]?.type).toBe('sms.failed');
    expect(answers[0]?.data).toMatchObject({ message_id: messageId, error: { reason: 'IDEMPOTENCY_KEY_IN_FLIGHT', outcome_unknown: true } });
    expect(readFileSync(callsFile, 'utf8').split('\n').filter((line) => line.startsWith('call '))).toHaveLength(1);

    // The write-ahead record is there, waiting for its provider id; the callback reaches an instance that never sent it.
    const store = createPostgresMessageStore({ connectionString: POSTGRES_URL, schema });
    expect(await store.get(messageId as string)).toMatchObject({ status: 'queued', providerMessageId: null, idempotencyKey: 'order-42', tenantId: 'org-1' });
    const authToken = 'crash-test-token';
    const handler = createWebhookHandler({ service: new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], store }), providers: { twilio: { authToken } } });
    const { request } = signWebhookRequest({
      provider: 'twilio',
      url: `https://hooks.example.com/sms/twilio?${MESSAGE_ID_PARAMETER}=${messageId}`,
      body: new URLSearchParams({ MessageSid: providerMessageId as string, MessageStatus: 'delivered', To: '+14155552671', From: '+14155550100', AccountSid: 'AC0123' }).toString(),
      secret: authToken,
    });
    expect((await handler(request)).status).toBe(200);
    expect(await store.get(messageId as string)).toMatchObject({ status: 'delivered', provider: 'twilio', providerMessageId });
    expect(await store.findByProviderMessageId('twilio', providerMessageId as string)).toMatchObject({ id: messageId });

    second.kill('SIGTERM');
    expect((await ended(second)).code).toBe(0);
    await store.close();
    await client.close();
  }, 120_000);

  it('with no callback ever arriving, reconcile settles it to sent with the provider id, and a replay answers that result', async () => {
    onTestFailed(() => void process.stderr.write(`${diagnostics.join('')}\n`));
    writeFileSync(callsFile, '');
    const exchange = uniqueName('crash-pg-reconcile-exchange');
    const settings = { amqpUrl: AMQP_URL, exchange, queue, postgresUrl: POSTGRES_URL, schema, callsFile, concurrency: 1, delayMs: 5, keyPrefix: '', redisUrl: '' };
    const bus = buses.create({ exchange });
    const answers: SmsResponseEvent[] = [];
    await bus.subscribe({ queue: uniqueName('crash-pg-reconcile-answers'), topics: ['sms.sent', 'sms.failed'] }, async (delivery) => {
      answers.push(delivery.message as SmsResponseEvent);
      await delivery.ack();
    });
    const request = { tenantId: 'org-1', to: '+14155552671', from: '+14155550100', body: 'Your table is ready', idempotencyKey: 'table-7' };
    const first = await startWorker({ ...settings, name: uniqueName('crash-pg-reconcile-first'), crashOnBody: request.body });
    const client = createSmsClient({ bus });
    await client.publish(request);
    expect(await ended(first)).toEqual({ code: null, signal: 'SIGKILL' });
    const lines = readFileSync(callsFile, 'utf8').split('\n');
    const [, messageId] = (lines.find((line) => line.startsWith('accepted-id ')) ?? '').split(' ');
    const held = JSON.parse((lines.find((line) => line.startsWith('provider-holds ')) ?? '').slice('provider-holds '.length)) as ProviderMessage;

    // Reconcile from another instance: its provider's listing holds what the killed worker's provider accepted.
    const store = createPostgresMessageStore({ connectionString: POSTGRES_URL, schema });
    const idempotency = createPostgresIdempotencyStore({ connectionString: POSTGRES_URL, schema });
    const listing: SmsProvider = {
      ...createFakeProvider({ id: 'twilio' }),
      fetchMessage: async ({ providerMessageId }) => (providerMessageId === held.providerMessageId ? { ...held, status: 'sent' } : undefined),
      findMessages: async (query) => (query.to === held.to ? [{ ...held, status: 'sent' }] : []),
    };
    const reconciler = new SMSService({ providers: [listing], store, idempotency: { store: idempotency } });
    expect(await reconciler.reconcile({ olderThan: 0 })).toMatchObject({ ran: true, checked: 1, settled: { sent: 1 }, errors: [] });
    expect(await store.get(messageId as string)).toMatchObject({ status: 'sent', provider: 'twilio', providerMessageId: held.providerMessageId });

    // The replay (a new request under the same key) reaches a fresh worker and answers the real result, sending nothing.
    const second = await startWorker({ ...settings, name: uniqueName('crash-pg-reconcile-second') });
    const replay = await client.publish(request);
    await until('the answer to the replay', () => answers.some((answer) => answer.request_id === replay.request_id));
    const answer = answers.find((each) => each.request_id === replay.request_id);
    expect(answer?.type).toBe('sms.sent');
    expect(answer?.data).toMatchObject({ message_id: messageId, provider_message_id: held.providerMessageId, provider: 'twilio' });
    expect(readFileSync(callsFile, 'utf8').split('\n').filter((line) => line.startsWith('call '))).toHaveLength(1);

    second.kill('SIGTERM');
    expect((await ended(second)).code).toBe(0);
    await store.close();
    await idempotency.close();
    await client.close();
  }, 120_000);
});
