// Cross-module scenario: SMSService.ready() preflight through the provider decorators (src/service/sms-service.ts).
import { describe, expect, it, vi } from 'vitest';
import { NotReadyError, SmsError } from '../../src/errors';
import { createFailoverProvider } from '../../src/failover/create-failover-provider';
import type { SmsProvider } from '../../src/providers/provider';
import { SMSService } from '../../src/service/sms-service';
import type * as TelnyxLoader from '../../src/providers/telnyx/load-telnyx-sdk';
import type * as TwilioLoader from '../../src/providers/twilio/load-twilio-sdk';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import * as telnyx from '../providers/telnyx/support/telnyx-fixtures';
import * as twilio from '../providers/twilio/support/twilio-fixtures';

/** Which SDKs the mocked loaders report missing, as Node's ESM loader does for an absent package. */
const missing = vi.hoisted(() => new Set<string>());

function notFound(name: string): Error {
  return Object.assign(new Error(`Cannot find package '${name}' imported from /app/node_modules/@ocelot-platform/tools-core/dist/index.js`), { code: 'ERR_MODULE_NOT_FOUND' });
}

vi.mock('../../src/providers/telnyx/load-telnyx-sdk', async (importOriginal) => {
  const actual = await importOriginal<typeof TelnyxLoader>();
  return { ...actual, loadTelnyxSdk: () => actual.loadTelnyxSdk(missing.has('telnyx') ? () => Promise.reject(notFound('telnyx')) : undefined) };
});
vi.mock('../../src/providers/twilio/load-twilio-sdk', async (importOriginal) => {
  const actual = await importOriginal<typeof TwilioLoader>();
  return { ...actual, loadTwilioSdk: () => actual.loadTwilioSdk(missing.has('twilio') ? () => Promise.reject(notFound('twilio')) : undefined) };
});

function twilioWithTelnyxFallback(options: { pacing?: boolean } = {}): SMSService {
  return SMSService.fromConfig({
    provider: 'twilio',
    credentials: { accountSid: twilio.ACCOUNT_SID, authToken: twilio.AUTH_TOKEN, from: twilio.FROM },
    fallbackProvider: 'telnyx',
    fallbackCredentials: { apiKey: telnyx.API_KEY, from: telnyx.FROM },
    retry: false,
    ...(options.pacing === true ? { pacing: { default: { messagesPerSecond: 100 } } } : {}),
  });
}

async function rejection(promise: Promise<unknown>): Promise<NotReadyError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(NotReadyError.isInstance(error)).toBe(true);
  return error as NotReadyError;
}

describe('SMSService.ready', () => {
  it('loads every SDK and resolves ready when all are installed', async () => {
    missing.clear();
    const readiness = await twilioWithTelnyxFallback().ready();
    expect(readiness).toEqual({
      status: 'ready',
      providers: [
        { provider: 'twilio', role: 'primary', ready: true, error: null },
        { provider: 'telnyx', role: 'fallback', ready: true, error: null },
      ],
    });
  });

  it('rejects with NotReadyError naming the package to install when a fallback SDK is missing, and health() reports it', async () => {
    missing.clear();
    missing.add('telnyx');
    const sms = twilioWithTelnyxFallback({ pacing: true });
    // Before the preflight nothing has tried to load the SDK: lazy loading is unchanged.
    expect(sms.health().status).toBe('ok');
    const error = await rejection(sms.ready());
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'NOT_READY', provider: 'telnyx' });
    expect(error.message).toContain('telnyx (fallback):');
    expect(error.message).toContain('Fix: run `npm install telnyx`.');
    expect(error.providers.map(({ provider, role, error: cause }) => [provider, role, cause.reason])).toEqual([['telnyx', 'fallback', 'SDK_NOT_INSTALLED']]);
    const health = sms.health();
    expect(health.status).toBe('degraded');
    expect(health.providers[0]).not.toHaveProperty('unavailable');
    expect(health.providers[1]).toMatchObject({ provider: 'telnyx', unavailable: { reason: 'SDK_NOT_INSTALLED', message: expect.stringContaining('npm install telnyx') } });

    // Installing the package fixes it without a restart: the failed load is not cached.
    missing.clear();
    expect((await sms.ready()).status).toBe('ready');
    expect(sms.health().status).toBe('ok');
  });

  it('with allowMissingFallback resolves degraded for a missing fallback, and still rejects a missing primary', async () => {
    missing.clear();
    missing.add('telnyx');
    const readiness = await twilioWithTelnyxFallback().ready({ allowMissingFallback: true });
    expect(readiness.status).toBe('degraded');
    expect(readiness.providers[1]).toMatchObject({ provider: 'telnyx', role: 'fallback', ready: false, error: { reason: 'SDK_NOT_INSTALLED' } });

    missing.clear();
    missing.add('twilio');
    const error = await rejection(twilioWithTelnyxFallback().ready({ allowMissingFallback: true }));
    expect(error.message).toContain('twilio (primary):');
    expect(error.message).toContain('npm install twilio');
    missing.clear();
    await expect(twilioWithTelnyxFallback().ready({ allowMissingFallback: 'yes' } as never)).rejects.toThrow(/options\.allowMissingFallback/);
  });

  it('reports an SDK that fails to load at a send in health(), without any preflight', async () => {
    missing.clear();
    missing.add('twilio');
    const sms = SMSService.fromConfig({ provider: 'twilio', credentials: { accountSid: twilio.ACCOUNT_SID, authToken: twilio.AUTH_TOKEN, from: twilio.FROM }, retry: false });
    await expect(sms.send({ to: '+14155552671', body: 'Hi' })).rejects.toMatchObject({ reason: 'SDK_NOT_INSTALLED' });
    expect(sms.health()).toMatchObject({ status: 'down', providers: [{ provider: 'twilio', unavailable: { reason: 'SDK_NOT_INSTALLED' } }] });
    missing.clear();
  });

  it("runs a custom provider's ready() hook through pacing, circuit breaker, retries and a nested failover", async () => {
    const calls: string[] = [];
    const custom = (id: string, failure?: unknown): SmsProvider => ({
      ...createFakeProvider({ id }),
      ready: async () => {
        calls.push(id);
        if (failure !== undefined) throw failure;
      },
    });
    const plainError = new Error('GATEWAY_TOKEN is not set');
    const sms = new SMSService({
      providers: [custom('gateway'), createFailoverProvider({ id: 'backups', providers: [custom('backup-a'), custom('backup-b', plainError)] }), createFakeProvider({ id: 'no-hook' })],
      pacing: { default: { messagesPerSecond: 10 } },
    });
    const error = await rejection(sms.ready());
    expect(calls.sort()).toEqual(['backup-a', 'backup-b', 'gateway']);
    expect(error.providers).toHaveLength(1);
    expect(error.providers[0]).toMatchObject({ provider: 'backups', role: 'fallback' });
    expect(error.providers[0]?.error).toMatchObject({ reason: 'PROVIDER_NOT_READY', provider: 'backup-b', cause: plainError });
    expect(error.message).toContain('Provider "backup-b" is not ready: GATEWAY_TOKEN is not set.');
    expect(SmsError.isInstance(error.providers[0]?.error)).toBe(true);

    const readiness = await sms.ready({ allowMissingFallback: true });
    expect(readiness.providers.map(({ provider, ready }) => [provider, ready])).toEqual([
      ['gateway', true],
      ['backups', false],
      ['no-hook', true],
    ]);
  });
});
