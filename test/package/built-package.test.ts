import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The published files work from both module systems: a send through the fake provider from the CJS and
 * the ESM build, and the provider subpaths load without their SDKs. Needs `npm run build` (CI builds
 * first; locally the test is skipped with a notice when dist/ is missing).
 */
const root = join(import.meta.dirname, '..', '..');
const built = ['index.cjs', 'twilio/index.js', 'redis/index.js', 'rabbitmq/index.js'].every((file) => existsSync(join(root, 'dist', file)));
if (!built && process.env.CI === 'true') throw new Error('dist/ is missing under CI: .ci/run must build before testing.');
if (!built) console.warn('built-package tests skipped: run `npm run build` first.');

const sendScript = (load: string) => `
${load}
const sms = new core.SMSService({ providers: [testing.createFakeProvider({ id: 'twilio' })] });
const result = await sms.send({ to: '+14155552671', body: 'Hello from dist' });
const twilioProvider = twilio.createTwilioProvider({ accountSid: 'AC' + '0'.repeat(32), authToken: 'x'.repeat(32), from: '+14155550100' });
const telnyxProvider = telnyx.createTelnyxProvider({ apiKey: 'KEY0123456789', from: '+14155550100' });
console.log(JSON.stringify({ provider: result.provider, cost: result.cost.amount, ids: [twilioProvider.id, telnyxProvider.id], adapters: [typeof redis.createRedisIdempotencyStore, typeof rabbitmq.createRabbitMqBus] }));
`;

function run(args: string[]): unknown {
  return JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }));
}

describe.skipIf(!built)('the built package', () => {
  const expected = { provider: 'twilio', cost: '0.0075', ids: ['twilio', 'telnyx'], adapters: ['function', 'function'] };

  it('works from CommonJS', () => {
    const load = `const core = require('@ocelot-platform/tools-core'); const testing = require('@ocelot-platform/tools-core/testing');
const twilio = require('@ocelot-platform/tools-core/twilio'); const telnyx = require('@ocelot-platform/tools-core/telnyx');
const redis = require('@ocelot-platform/tools-core/redis'); const rabbitmq = require('@ocelot-platform/tools-core/rabbitmq');`;
    // CommonJS has no top-level await: wrap the script in an async function.
    expect(run(['-e', `(async () => { ${sendScript(load)} })()`])).toEqual(expected);
  });

  it('works from ESM', () => {
    const load = `const core = await import('@ocelot-platform/tools-core'); const testing = await import('@ocelot-platform/tools-core/testing');
const twilio = await import('@ocelot-platform/tools-core/twilio'); const telnyx = await import('@ocelot-platform/tools-core/telnyx');
const redis = await import('@ocelot-platform/tools-core/redis'); const rabbitmq = await import('@ocelot-platform/tools-core/rabbitmq');`;
    expect(run(['--input-type=module', '-e', sendScript(load)])).toEqual(expected);
  });

  it('runs the README’s CommonJS snippet as a CommonJS host would (no top-level await)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /## In a CommonJS project\n\n```js\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block).toContain("require('@ocelot-platform/tools-core')");
    const output = execFileSync(process.execPath, ['--input-type=commonjs', '-e', block ?? ''], { cwd: root, encoding: 'utf8' });
    expect(output.trim()).toBe('twilio 1');
  });

  it('ships the tools-core executable, which prints the package version and counts segments', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const bin = join(root, 'dist', 'cli', 'tools-core.js');
    expect(execFileSync(process.execPath, [bin, '--version'], { cwd: root, encoding: 'utf8' }).trim()).toBe(version);
    expect(JSON.parse(execFileSync(process.execPath, [bin, 'segments', '--json', 'Hello'], { cwd: root, encoding: 'utf8' }))).toMatchObject({ segments: 1 });
  });
});
