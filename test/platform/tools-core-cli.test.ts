import { describe, expect, it } from 'vitest';
import { parseWorkerArguments, UsageError } from '../../src/cli/parse-worker-arguments';
import { runCli } from '../../src/cli/run-cli';

const urls = ['--amqp-url', 'amqp://127.0.0.1', '--redis-url', 'redis://127.0.0.1'];

async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  const lines: string[] = [];
  const code = await runCli(argv, { env, write: (line) => lines.push(line), stopRequested: new Promise(() => undefined) });
  return { code, lines };
}

describe('parseWorkerArguments', () => {
  it('applies the defaults, and takes the URLs from AMQP_URL and REDIS_URL', () => {
    expect(parseWorkerArguments([], { AMQP_URL: 'amqp://broker', REDIS_URL: 'redis://cache' })).toEqual({
      amqpUrl: 'amqp://broker',
      redisUrl: 'redis://cache',
      exchange: 'tools-core.sms',
      queue: 'tools-core.sms.send_request',
      concurrency: 10,
      drainTimeoutMs: 30_000,
      provider: 'env',
      fakeDelayMs: 0,
    });
    expect(parseWorkerArguments([...urls, '--concurrency', '50', '--provider', 'fake'], {})).toMatchObject({ concurrency: 50, provider: 'fake', amqpUrl: 'amqp://127.0.0.1' });
    expect(parseWorkerArguments(['--help'], {})).toBe('help');
  });

  it.each([
    [['--redis-url', 'redis://x'], /--amqp-url is required/],
    [['--amqp-url', 'amqp://x'], /--redis-url is required/],
    [[...urls, '--concurrency', '0'], /--concurrency must be a whole number from 1 to 1000/],
    [[...urls, '--concurrency', '2.5'], /--concurrency/],
    [[...urls, '--provider', 'twilio'], /--provider must be env or fake/],
    [[...urls, '--unknown'], /Unknown option '--unknown'/],
  ])('refuses %j', (args, message) => {
    expect(() => parseWorkerArguments(args, {})).toThrow(UsageError);
    expect(() => parseWorkerArguments(args, {})).toThrow(message);
  });
});

describe('runCli', () => {
  it('prints help (exit 0), and usage errors as JSON lines (exit 2)', async () => {
    expect((await cli(['--help'])).code).toBe(0);
    expect((await cli(['worker', '--help'])).lines[0]).toMatch(/^Usage: tools-core worker/);
    const unknown = await cli(['serve']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.lines[0] ?? '{}')).toMatchObject({ level: 'error', event: 'cli.usage_error', message: expect.stringContaining('Unknown command "serve"') });
    const missing = await cli(['worker']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.lines[0] ?? '{}').message).toMatch(/--amqp-url is required/);
  });

  it('exits 1 before connecting anywhere when the environment configures no provider', async () => {
    const { code, lines } = await cli(['worker', '--amqp-url', 'amqp://guest:s3cret@127.0.0.1:1', '--redis-url', 'redis://127.0.0.1:1']);
    expect(code).toBe(1);
    const entry = JSON.parse(lines.at(-1) ?? '{}');
    expect(entry).toMatchObject({ level: 'error', event: 'worker.start_failed', component: 'cli' });
    expect(entry.message).toMatch(/TWILIO_ACCOUNT_SID/);
    expect(typeof entry.time).toBe('string');
    expect(lines.join('\n')).not.toContain('s3cret');
  });
});
