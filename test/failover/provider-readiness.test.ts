import { describe, expect, it } from 'vitest';
import { FinalFailureError, SmsError } from '../../src/errors';
import { createCircuitBreakerProvider } from '../../src/failover/create-circuit-breaker-provider';
import { createFailoverProvider } from '../../src/failover/create-failover-provider';
import { createRetryingProvider } from '../../src/failover/create-retrying-provider';
import { trackReadiness } from '../../src/failover/provider-readiness';
import { createPacedProvider } from '../../src/limits/create-paced-provider';
import type { SmsProvider } from '../../src/providers/provider';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const sdkMissing = (provider: string) =>
  new SmsError({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', message: `Fix: run \`npm install ${provider}\`.`, fault: 'provider', provider });

function withReady(id: string, failure?: unknown): SmsProvider & { readyCalls: number } {
  const provider = {
    ...createFakeProvider({ id }),
    readyCalls: 0,
    ready: async () => {
      provider.readyCalls += 1;
      if (failure !== undefined) throw failure;
    },
  };
  return provider;
}

describe('the ready() hook through the decorators', () => {
  it.each([
    ['pacing', (provider: SmsProvider) => createPacedProvider({ provider, rule: { messagesPerSecond: 1 } })],
    ['a circuit breaker', (provider: SmsProvider) => createCircuitBreakerProvider({ provider })],
    ['retries', (provider: SmsProvider) => createRetryingProvider({ provider })],
  ])('%s forwards it, and its rejection as is', async (_name, decorate) => {
    const ready = withReady('twilio');
    await decorate(ready).ready?.();
    expect(ready.readyCalls).toBe(1);
    const error = sdkMissing('twilio');
    await expect(decorate(withReady('twilio', error)).ready?.()).rejects.toBe(error);
    // A provider without the hook is ready as far as anyone can tell.
    await expect(decorate(createFakeProvider()).ready?.()).resolves.toBeUndefined();
  });

  it('failover checks every provider at once: one failure as is, several in one FINAL_FAILURE', async () => {
    const telnyxMissing = sdkMissing('telnyx');
    await expect(createFailoverProvider({ providers: [withReady('twilio'), withReady('telnyx', telnyxMissing)] }).ready?.()).rejects.toBe(telnyxMissing);
    const both = await createFailoverProvider({ providers: [withReady('twilio', sdkMissing('twilio')), withReady('telnyx', telnyxMissing)] })
      .ready?.()
      .catch((thrown: unknown) => thrown);
    expect(FinalFailureError.isInstance(both)).toBe(true);
    expect((both as FinalFailureError).errors.map((error) => error.provider)).toEqual(['twilio', 'telnyx']);
    await expect(createFailoverProvider({ providers: [withReady('twilio'), createFakeProvider({ id: 'telnyx' })] }).ready?.()).resolves.toBeUndefined();
  });

  it('trackReadiness remembers a failed preflight or SDK load until a preflight or a send succeeds', async () => {
    let failure: unknown = new Error('no token');
    const inner = { ...createFakeProvider({ id: 'gateway' }), ready: async () => { if (failure !== undefined) throw failure; } };
    const tracked = trackReadiness(inner);
    await expect(tracked.ready()).rejects.toMatchObject({ reason: 'PROVIDER_NOT_READY', provider: 'gateway', cause: failure });
    expect(tracked.unavailable()?.message).toContain('Provider "gateway" is not ready: no token.');
    failure = undefined;
    await tracked.ready();
    expect(tracked.unavailable()).toBeUndefined();

    const missing = trackReadiness({ ...createFakeProvider({ id: 'telnyx' }), send: () => Promise.reject(sdkMissing('telnyx')) });
    await expect(missing.send({ messageId: 'm', to: '+14155552671', body: 'Hi', mediaUrls: [], encoding: 'GSM-7', segments: 1 })).rejects.toMatchObject({ reason: 'SDK_NOT_INSTALLED' });
    expect(missing.unavailable()?.reason).toBe('SDK_NOT_INSTALLED');
  });
});
