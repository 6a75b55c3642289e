import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nock, recordRequests } from '../../support/intercept-http';
import * as twilio from '../../providers/twilio/support/twilio-fixtures';
import { runCommand } from '../support/run-command';

const env = { TWILIO_ACCOUNT_SID: twilio.ACCOUNT_SID, TWILIO_AUTH_TOKEN: twilio.AUTH_TOKEN, TWILIO_PHONE_NUMBER: twilio.FROM };
const folder = mkdtempSync(join(tmpdir(), 'tools-core-send-'));

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  rmSync(folder, { recursive: true, force: true });
});
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});

describe('tools-core send', () => {
  it('sends through the provider the environment configures, once, and prints the result', async () => {
    const scope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(201, twilio.twilioMessage());
    const requests = recordRequests(scope);
    const { code, lines } = await runCommand(['send', '--to', twilio.TO, '--body', 'Your code is 482913'], { env });
    expect(code).toBe(0);
    expect(lines[0]).toMatch(new RegExp(`^sent [0-9a-f-]{36} via twilio \\(${twilio.MESSAGE_SID}, queued\\): 1 segment, 0\\.0075 USD$`));
    expect(requests).toHaveLength(1);
    expect(new URLSearchParams(requests[0]?.body)).toMatchObject(new URLSearchParams({ To: twilio.TO, From: twilio.FROM, Body: 'Your code is 482913' }));
  });

  it('--dry-run validates, counts and prices without any request, from a body on standard input', async () => {
    const { code, lines } = await runCommand(['send', '--to', twilio.TO, '--dry-run', '--json'], { env, stdin: `${'é'.repeat(71)}\n` });
    expect(code).toBe(0);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ dryRun: true, to: twilio.TO, provider: 'twilio', encoding: 'GSM-7', segments: 1 });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('exits 1 on a provider refusal, printing the error as JSON', async () => {
    nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(401, twilio.twilioErrorBody(20003, 401, 'Authenticate'));
    const { code, lines } = await runCommand(['send', '--to', twilio.TO, '--body', 'Hi', '--json'], { env });
    expect(code).toBe(1);
    expect(JSON.parse(lines[0] ?? '').error).toMatchObject({ code: 'AUTH_ERROR', provider: 'twilio' });
  });

  it('exits 2 for a bad request, a missing provider or a bad flag, sending nothing', async () => {
    const badNumber = await runCommand(['send', '--to', '555-0100', '--body', 'Hi'], { env });
    expect(badNumber.code).toBe(2);
    expect(JSON.parse(badNumber.lines[0] ?? '').message).toMatch(/^to: /);
    const noProvider = await runCommand(['send', '--to', twilio.TO, '--body', 'Hi'], { env: {} });
    expect(noProvider.code).toBe(2);
    expect(JSON.parse(noProvider.lines[0] ?? '').message).toMatch(/no provider is configured/);
    expect((await runCommand(['send', '--body', 'Hi'], { env })).code).toBe(2);
    expect((await runCommand(['send', '--to', twilio.TO, '--body', 'Hi', '--ttl', '5'], { env })).code).toBe(2);
  });

  it('--config builds the service from a fromConfig file', async () => {
    const file = join(folder, 'sms.json');
    writeFileSync(file, JSON.stringify({ provider: 'twilio', credentials: { accountSid: twilio.ACCOUNT_SID, authToken: twilio.AUTH_TOKEN, from: twilio.FROM } }));
    const { code, lines } = await runCommand(['send', '--config', file, '--to', twilio.TO, '--body', 'Hi', '--dry-run']);
    expect(code).toBe(0);
    expect(lines[0]).toBe(`would send to ${twilio.TO} via twilio: 1 segment (GSM-7), 0.0075 USD`);
    const missing = await runCommand(['send', '--config', join(folder, 'absent.json'), '--to', twilio.TO, '--body', 'Hi']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.lines[0] ?? '').message).toMatch(/--config: .*absent\.json could not be read as JSON/);
  });
});
