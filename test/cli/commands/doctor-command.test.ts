import { describe, expect, it } from 'vitest';
import * as twilio from '../../providers/twilio/support/twilio-fixtures';
import { POSTGRES_URL, postgresIsReachable } from '../../support/services/postgres-support';
import { runCommand } from '../support/run-command';

const env = { TWILIO_ACCOUNT_SID: twilio.ACCOUNT_SID, TWILIO_AUTH_TOKEN: twilio.AUTH_TOKEN, TWILIO_PHONE_NUMBER: twilio.FROM };
const reachable = await postgresIsReachable();

describe('tools-core doctor', () => {
  it('exits 0 when the configured provider can work, sending nothing', async () => {
    const { code, lines } = await runCommand(['doctor'], { env });
    expect(code).toBe(0);
    expect(lines).toEqual(['ok   provider twilio (primary): ready, circuit closed']);
  });

  it.skipIf(!reachable)('exits 1 naming what cannot work, as JSON on request', async () => {
    const { code, lines } = await runCommand(['doctor', '--json', '--schema', 'tools_core_doctor_never_migrated', '--redis-url', 'redis://127.0.0.1:1'], { env: { ...env, DATABASE_URL: POSTGRES_URL } });
    expect(code).toBe(1);
    const report = JSON.parse(lines[0] ?? '') as { ok: boolean; checks: Array<{ name: string; ok: boolean }> };
    expect(report.ok).toBe(false);
    expect(report.checks.map((check) => [check.name, check.ok])).toEqual([['provider twilio (primary)', true], ['database', false], ['redis', false]]);
  });

  it('exits 2 for a configuration that names no provider, or an unknown option', async () => {
    expect((await runCommand(['doctor'], { env: {} })).code).toBe(2);
    expect((await runCommand(['doctor', '--verbose'], { env })).code).toBe(2);
  });
});
