import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type * as TelnyxLoader from '../../src/providers/telnyx/load-telnyx-sdk';
import * as telnyx from '../providers/telnyx/support/telnyx-fixtures';
import * as twilio from '../providers/twilio/support/twilio-fixtures';

/** `telnyx` as if not installed: the real loader, fed Node's module-not-found error. */
vi.mock('../../src/providers/telnyx/load-telnyx-sdk', async (importOriginal) => {
  const actual = await importOriginal<typeof TelnyxLoader>();
  const notFound = Object.assign(new Error("Cannot find package 'telnyx' imported from /app/dist/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
  return { ...actual, loadTelnyxSdk: () => actual.loadTelnyxSdk(() => Promise.reject(notFound)) };
});

const providersEnvironment = {
  TWILIO_ACCOUNT_SID: twilio.ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: twilio.AUTH_TOKEN,
  TWILIO_PHONE_NUMBER: twilio.FROM,
  TELNYX_API_KEY: telnyx.API_KEY,
  TELNYX_PHONE_NUMBER: telnyx.FROM,
};


async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  const lines: string[] = [];
  const code = await runCli(argv, { env, write: (line) => lines.push(line), stopRequested: new Promise(() => undefined) });
  return { code, lines };
}

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

  it.each([
    ['a malformed --amqp-url', ['--amqp-url', 'amqp://guest:s3cret@127.0.0.1:notaport', '--redis-url', 'redis://127.0.0.1:1'], '--amqp-url'],
    ['a malformed --redis-url', ['--amqp-url', 'amqp://127.0.0.1:1', '--redis-url', 'redis://:s3cret@127.0.0.1:notaport'], '--redis-url'],
  ])('exits 2 at once for %s, naming the flag, never crashing or echoing the password', async (_name, args, flag) => {
    const { code, lines } = await cli(['worker', ...args, '--provider', 'fake']);
    expect(code).toBe(2);
    const entry = JSON.parse(lines.at(-1) ?? '{}');
    expect(entry).toMatchObject({ level: 'error', event: 'worker.start_failed', exit_code: 2, flag });
    expect(entry.message).toMatch(new RegExp(`^${flag}: is not a valid`));
    expect(lines.join('\n')).not.toContain('s3cret');
  });

  it('exits 2 before connecting anywhere when a provider SDK is not installed, naming the package', async () => {
    const { code, lines } = await cli(['worker', '--amqp-url', 'amqp://127.0.0.1:1', '--redis-url', 'redis://127.0.0.1:1'], providersEnvironment);
    expect(code).toBe(2);
    const entry = JSON.parse(lines.at(-1) ?? '{}');
    expect(entry).toMatchObject({ event: 'worker.start_failed', exit_code: 2, flag: '--allow-missing-fallback' });
    expect(entry.message).toContain('telnyx (fallback):');
    expect(entry.message).toContain('Fix: run `npm install telnyx`.');
    expect(entry.message).toContain('--allow-missing-fallback');
    expect(lines).toHaveLength(1);
  });

  it('with --allow-missing-fallback warns that the fallback is unavailable and goes on starting', async () => {
    const { code, lines } = await cli(['worker', '--amqp-url', 'amqp://127.0.0.1:1', '--redis-url', 'redis://127.0.0.1:1', '--allow-missing-fallback'], providersEnvironment);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries[0]).toMatchObject({ level: 'warn', event: 'provider.unavailable', provider: 'telnyx', role: 'fallback', reason: 'SDK_NOT_INSTALLED' });
    // It got as far as Redis, which is not listening on port 1: not reachable is exit 1, naming the flag.
    expect(code).toBe(1);
    expect(entries.at(-1)).toMatchObject({ event: 'worker.start_failed', exit_code: 1, flag: '--redis-url' });
  });
});

describe('runCli: the command list and version', () => {
  it('lists every command in --help, and prints the package version', async () => {
    const help = (await cli(['--help'])).lines.join('\n');
    for (const name of ['send', 'segments', 'validate', 'cost', 'worker']) expect(help).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ code: 0, lines: [version] });
  });
});
