// Cross-module scenario: an SMS worker killed mid-batch and restarted over RabbitMQ and Redis (src/platform/create-sms-worker.ts).
/**
 * A worker process is killed (SIGKILL) in the middle of a batch and another is started on the same queue
 * and the same Redis idempotency store: every request gets exactly one terminal answer (repeats of it
 * carry the same event_id) and no message is sent twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import type { SmsResponseEvent } from '../../src/events/contracts/sms-response-event';
import { createSmsClient } from '../../src/platform/create-sms-client';
import { AMQP_URL, BusFactory, deleteQueueFamily, rabbitmqIsReachable, uniqueName } from '../support/services/platform-rabbitmq-support';
import { createIdempotencyClient, deleteKeys, REDIS_URL, redisIsReachable, untilReady } from '../support/services/redis-idempotency-support';

const reachable = (await rabbitmqIsReachable()) && (await redisIsReachable());
const buses = new BusFactory();
const root = fileURLToPath(new URL('../..', import.meta.url));
const workerScript = fileURLToPath(new URL('../support/services/platform-crash-worker.ts', import.meta.url));
const keyPrefix = `test-platform-crash-${randomUUID().slice(0, 8)}:`;
const callsFile = join(tmpdir(), `tools-core-crash-${randomUUID().slice(0, 8)}.log`);
const children: ChildProcess[] = [];
const queue = uniqueName('crash-requests');

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(callsFile, { force: true });
  if (!reachable) return;
  await buses.cleanUp();
  await deleteQueueFamily(queue);
  const redis = createIdempotencyClient();
  await untilReady(redis);
  await deleteKeys(redis, keyPrefix);
  redis.disconnect();
}, 60_000);

async function until(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * What the workers wrote to stderr (their decisions other than plain sends) and the run's counts: printed
 * only when the test fails, so a passing run is quiet and a failing one shows what the workers did.
 */
const diagnostics: string[] = [];

/** Starts a worker process and resolves once it printed `ready`. */
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

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe.skipIf(!reachable)('a worker killed mid-batch (RabbitMQ + Redis)', () => {
  it('answers every request exactly once and sends none twice after a restart', async () => {
    onTestFailed(() => void process.stderr.write(`${diagnostics.join('')}\n`));
    writeFileSync(callsFile, '');
    const exchange = uniqueName('crash-exchange');
    const settings = { amqpUrl: AMQP_URL, exchange, queue, redisUrl: REDIS_URL, keyPrefix, callsFile, concurrency: 10, delayMs: 20 };
    const bus = buses.create({ exchange });
    const answers: SmsResponseEvent[] = [];
    await bus.subscribe({ queue: uniqueName('crash-answers'), topics: ['sms.sent', 'sms.failed'], prefetch: 200 }, async (delivery) => {
      answers.push(delivery.message as SmsResponseEvent);
      await delivery.ack();
    });
    const first = await startWorker({ ...settings, name: uniqueName('crash-first') });
    const client = createSmsClient({ bus });
    const total = 300;
    const requests = await Promise.all(Array.from({ length: total }, (_, index) => client.publish({ tenantId: 'org-1', to: '+14155552671', body: `Crash ${index}`, idempotencyKey: `crash-${index}` })));
    await until('some answers', () => answers.length >= 80);
    first.kill('SIGKILL');
    expect(await exited(first)).toBe(null);
    const answeredBeforeRestart = new Set(answers.map((answer) => answer.request_id)).size;
    diagnostics.push(`crash: ${total} requests, ${answeredBeforeRestart} answered before the kill\n`);
    expect(answeredBeforeRestart).toBeLessThan(total);

    const second = await startWorker({ ...settings, name: uniqueName('crash-second') });
    await until('an answer to every request', () => new Set(answers.map((answer) => answer.request_id)).size === total);
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // No message sent twice: at most one provider call per request across both processes.
    const lines = readFileSync(callsFile, 'utf8').trim().split('\n');
    const calls = lines.filter((line) => line.startsWith('call ')).map((line) => line.slice('call '.length));
    const accepted = new Set(lines.filter((line) => line.startsWith('accepted ')).map((line) => line.slice('accepted '.length)));
    diagnostics.push(`crash: ${calls.length} provider calls, ${accepted.size} accepted, ${answers.length - total} repeated answers\n`);
    expect(calls.length).toBe(new Set(calls).size);
    expect(calls.length).toBeLessThanOrEqual(total);

    // Exactly one terminal answer per request: repeats (a redelivery after the kill) share its event_id.
    const bodyOf = new Map(requests.map((request) => [request.request_id, request.data.body]));
    const byRequest = new Map<string, SmsResponseEvent[]>();
    for (const answer of answers) byRequest.set(answer.request_id, [...(byRequest.get(answer.request_id) ?? []), answer]);
    expect(byRequest.size).toBe(total);
    let unknown = 0;
    for (const [requestId, repeats] of byRequest) {
      expect(new Set(repeats.map((answer) => answer.event_id)).size).toBe(1);
      expect(new Set(repeats.map((answer) => answer.type)).size).toBe(1);
      const answer = repeats[0] as SmsResponseEvent;
      const body = bodyOf.get(requestId) as string;
      if (answer.type === 'sms.sent') {
        // Every "sent" answer is a real acceptance.
        expect(accepted.has(body)).toBe(true);
      } else {
        // The only failures: requests the killed worker held in flight. Their outcome is unknown (the
        // provider may have taken them), so they are never sent again.
        expect(answer.data.error).toMatchObject({ code: 'TIMEOUT', reason: 'IDEMPOTENCY_KEY_IN_FLIGHT', outcome_unknown: true });
        unknown += 1;
      }
    }
    expect(unknown).toBeLessThanOrEqual(settings.concurrency);
    // Everything accepted before the kill was answered as sent, unless it was still in flight then.
    const sentBodies = new Set([...byRequest.values()].filter((repeats) => repeats[0]?.type === 'sms.sent').map((repeats) => bodyOf.get(repeats[0]?.request_id as string)));
    expect([...accepted].filter((body) => !sentBodies.has(body)).length).toBeLessThanOrEqual(unknown);
    await client.close();
  }, 120_000);
});
