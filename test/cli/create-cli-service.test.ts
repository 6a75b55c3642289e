import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io';
import { createCliService } from '../../src/cli/create-cli-service';
import { UsageError } from '../../src/cli/parse-worker-arguments';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';

const folder = mkdtempSync(join(tmpdir(), 'tools-core-cli-service-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const io = (env: Record<string, string>) => ({ env }) as unknown as CliIo;

describe('createCliService', () => {
  it('builds from the environment without --config, with the options given', () => {
    const store = createInMemoryMessageStore();
    const sms = createCliService(undefined, io({ TWILIO_ACCOUNT_SID: 'AC3f9a2c41d07e4b8a9c15e62d8b7f0a13', TWILIO_AUTH_TOKEN: '7c2e9f41a8b3d6e05f1a4c9b2d8e7f63', TWILIO_PHONE_NUMBER: '+14155550199' }), { store });
    expect(sms.store).toBe(store);
    expect(sms.provider.id).toContain('twilio');
  });

  it('builds from a --config JSON file, the options winning', () => {
    const file = join(folder, 'config.json');
    writeFileSync(file, JSON.stringify({ provider: 'telnyx', credentials: { apiKey: 'KEY0123456789', from: '+14155550101' } }));
    const store = createInMemoryMessageStore();
    const sms = createCliService(file, io({}), { store });
    expect(sms.store).toBe(store);
    expect(sms.provider.id).toContain('telnyx');
  });

  it('refuses a config file that is not JSON with a usage error naming the flag', () => {
    const file = join(folder, 'broken.json');
    writeFileSync(file, '{ provider: twilio');
    expect(() => createCliService(file, io({}))).toThrow(UsageError);
    expect(() => createCliService(file, io({}))).toThrow(/^--config: .*broken\.json could not be read as JSON \(.*\)\. Fix: pass a JSON file of SMSService\.fromConfig settings\.$/);
    expect(() => createCliService(join(folder, 'missing.json'), io({}))).toThrow(/could not be read as JSON/);
  });
});
