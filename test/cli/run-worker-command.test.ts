/**
 * The `tools-core worker` executable against real RabbitMQ and Redis, with the fake provider: JSON log
 * lines, answers, and a clean stop on SIGTERM that answers the requests in progress and leaves the rest
 * queued.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { SmsResponseEvent } from '../../src/events/contracts/sms-response-event';
import { createSmsClient } from '../../src/platform/create-sms-client';
import { createSmsWorker } from '../../src/platform/create-sms-worker';
import { createWorkerEventPublisher } from '../../src/platform/create-worker-event-publisher';
import { SMSService } from '../../src/service/sms-service';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import { AMQP_URL, BusFactory, deleteQueueFamily, rabbitmqIsReachable, uniqueName } from '../support/services/platform-rabbitmq-support';
import { REDIS_URL, redisIsReachable } from '../support/services/redis-idempotency-support';

const reachable = (await rabbitmqIsReachable()) && (await redisIsReachable());
const buses = new BusFactory();
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('../../src/cli/tools-core.ts', import.meta.url));
const children: ChildProcess[] = [];
const queue = uniqueName('cli-requests');

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  if (!reachable) return;
  await buses.cleanUp();
  await deleteQueueFamily(queue);
}, 60_000);

async function until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!reachable)('tools-core worker (the CLI)', () => {
  it('logs JSON lines, answers requests and on SIGTERM drains the ones in progress, exit 0', async () => {
    const exchange = uniqueName('cli-exchange');
    const bus = buses.create({ exchange });
    const answers: SmsResponseEvent[] = [];
    await bus.subscribe({ queue: uniqueName('cli-answers'), topics: ['sms.sent', 'sms.failed'] }, async (delivery) => {
      answers.push(delivery.message as SmsResponseEvent);
      await delivery.ack();
    });
    const args = ['worker', '--amqp-url', AMQP_URL, '--redis-url', REDIS_URL, '--exchange', exchange, '--queue', queue, '--concurrency', '3', '--provider', 'fake', '--fake-delay-ms', '400'];
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TWILIO_ACCOUNT_SID: undefined } });
    children.push(child);
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
    onTestFailed(() => void process.stderr.write(`tools-core worker stderr:\n${errors}\n`));
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    const entries = () => output.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
    await until('worker.started', () => entries().some((entry) => entry.event === 'worker.started'));

    const client = createSmsClient({ bus });
    const published = await Promise.all([0, 1, 2, 3, 4].map((index) => client.publish({ tenantId: 'org-1', to: '+14155552671', body: `CLI ${index}`, idempotencyKey: `cli-${index}-${exchange}` })));
    // Three are in progress (concurrency 3, 400 ms each) when the signal comes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);

    const log = entries();
    expect(log.every((entry) => typeof entry.time === 'string' && typeof entry.level === 'string' && typeof entry.event === 'string')).toBe(true);
    expect(log.map((entry) => entry.event)).toEqual(expect.arrayContaining(['provider.fake', 'connection.opened', 'worker.started', 'signal.received', 'worker.stopping', 'worker.stopped', 'cli.exit']));
    expect(log.find((entry) => entry.event === 'worker.stopping')?.in_flight).toBe(3);
    expect(log.find((entry) => entry.event === 'worker.stopped')?.in_flight).toBe(0);
    // Log-safe: masked numbers, no bodies.
    expect(output).not.toContain('+14155552671');
    expect(output).not.toContain('CLI 0');
    expect(log.filter((entry) => entry.event === 'request.sent').map((entry) => entry.to)).toEqual(['+1415•••2671', '+1415•••2671', '+1415•••2671']);
    await until('the three answers', () => answers.length === 3);

    // The two requests never taken are still queued: another worker answers them, nothing twice.
    const service = new SMSService({ providers: [createFakeProvider()], events: createWorkerEventPublisher({ bus }) });
    const worker = createSmsWorker({ service, bus, queue });
    await worker.start();
    await until('all five answers', () => answers.length === 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answers).toHaveLength(5);
    expect(new Set(answers.map((answer) => answer.request_id))).toEqual(new Set(published.map((request) => request.request_id)));
    expect(answers.every((answer) => answer.type === 'sms.sent')).toBe(true);
    await worker.stop();
    await client.close();
  }, 60_000);

  it('refuses a wrong RabbitMQ password at once: ACCESS_REFUSED, exit 2, naming --amqp-url, no retries', async () => {
    const wrong = new URL(AMQP_URL);
    wrong.password = 'not-the-password';
    const args = ['worker', '--amqp-url', wrong.href, '--redis-url', REDIS_URL, '--queue', queue, '--provider', 'fake'];
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TWILIO_ACCOUNT_SID: undefined } });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(2);
    // The executable's own start-up (tsx) takes most of it; the 30 s reachability wait is not taken.
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    const entries = output.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.some((entry) => entry.event === 'connection.retrying')).toBe(false);
    const failure = entries.at(-1);
    expect(failure).toMatchObject({ level: 'error', event: 'worker.start_failed', exit_code: 2, flag: '--amqp-url' });
    expect(failure?.message).toMatch(/^--amqp-url: RabbitMQ at amqp:\/\/guest:•••@.* refused the login \(ACCESS_REFUSED\)/);
    expect(output).not.toContain('not-the-password');
  }, 30_000);

  it('refuses an unknown virtual host at once (exit 2, --amqp-url), and bounds the wait for an unreachable broker by --connect-timeout-ms (exit 1)', async () => {
    const run = async (amqpUrl: string, extra: string[] = []) => {
      const lines: string[] = [];
      const code = await runCli(['worker', '--amqp-url', amqpUrl, '--redis-url', REDIS_URL, '--queue', queue, '--provider', 'fake', ...extra], { env: {}, write: (line) => lines.push(line), stopRequested: new Promise(() => undefined) });
      return { code, entries: lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
    };
    const vhost = new URL(AMQP_URL);
    const name = uniqueName('no-such-vhost');
    vhost.pathname = `/${name}`;
    const refused = await run(vhost.href);
    expect(refused.code).toBe(2);
    expect(refused.entries.at(-1)).toMatchObject({ exit_code: 2, flag: '--amqp-url', message: expect.stringContaining(`refused the virtual host "${name}"`) });

    const startedAt = Date.now();
    const unreachable = await run('amqp://guest:guest@127.0.0.1:1', ['--connect-timeout-ms', '600']);
    expect(unreachable.code).toBe(1);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(unreachable.entries.some((entry) => entry.event === 'connection.retrying')).toBe(true);
    expect(unreachable.entries.at(-1)).toMatchObject({ exit_code: 1, flag: '--connect-timeout-ms', message: expect.stringMatching(/not reachable in time.*ECONNREFUSED.*--connect-timeout-ms/) });
  }, 30_000);

  it('refuses Redis credentials at once (WRONGPASS): exit 2, naming --redis-url, without echoing the password', async () => {
    const lines: string[] = [];
    const redisUrl = REDIS_URL.replace('redis://', 'redis://nobody:not-the-password@');
    const code = await runCli(['worker', '--amqp-url', AMQP_URL, '--redis-url', redisUrl, '--queue', queue, '--provider', 'fake'], { env: {}, write: (line) => lines.push(line), stopRequested: new Promise(() => undefined) });
    expect(code).toBe(2);
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ exit_code: 2, flag: '--redis-url', message: expect.stringMatching(/^--redis-url: Redis refused the credentials .*WRONGPASS/) });
    expect(lines.join('\n')).not.toContain('not-the-password');
  }, 30_000);
});
