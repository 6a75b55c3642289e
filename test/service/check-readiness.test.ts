import { describe, expect, it } from 'vitest';
import { NotReadyError } from '../../src/errors/not-ready-error';
import { SmsError } from '../../src/errors/sms-error';
import { createReliableProvider } from '../../src/failover/create-reliable-provider';
import type { ReadyOptions } from '../../src/service/check-readiness';
import { checkReadiness, summariseHealth } from '../../src/service/check-readiness';
import type { ProviderSendRequest } from '../../src/providers/provider';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const clock = { now: () => 0 };
const missingSdk = (id: string) =>
  Object.assign(createFakeProvider({ id }), {
    ready: () => Promise.reject(new SmsError({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', message: `npm install ${id}`, provider: id, fault: 'provider' })),
  });

describe('checkReadiness', () => {
  it('resolves ready when every provider is ready', async () => {
    const provider = createReliableProvider({ providers: [createFakeProvider({ id: 'twilio' }), createFakeProvider({ id: 'telnyx' })], clock });
    expect(await checkReadiness(provider)).toEqual({
      status: 'ready',
      providers: [
        { provider: 'twilio', role: 'primary', ready: true, error: null },
        { provider: 'telnyx', role: 'fallback', ready: true, error: null },
      ],
    });
  });

  it('rejects with NotReadyError listing a failing fallback, or degrades with allowMissingFallback', async () => {
    const provider = createReliableProvider({ providers: [createFakeProvider({ id: 'twilio' }), missingSdk('telnyx')], clock });
    const error = await checkReadiness(provider).catch((caught: unknown) => caught);
    expect(NotReadyError.isInstance(error)).toBe(true);
    expect((error as NotReadyError).message).toBe('The SMS service is not ready: telnyx (fallback): npm install telnyx');
    expect((error as NotReadyError).providers.map((entry) => entry.provider)).toEqual(['telnyx']);
    expect((await checkReadiness(provider, { allowMissingFallback: true })).status).toBe('degraded');
  });

  it('rejects a failing primary even with allowMissingFallback', async () => {
    const provider = createReliableProvider({ providers: [missingSdk('twilio'), createFakeProvider({ id: 'telnyx' })], clock });
    await expect(checkReadiness(provider, { allowMissingFallback: true })).rejects.toMatchObject({ reason: 'NOT_READY', provider: 'twilio' });
  });

  it('refuses a malformed option', async () => {
    const provider = createReliableProvider({ providers: [createFakeProvider()], clock });
    await expect(checkReadiness(provider, { allowMissingFallback: 'yes' } as unknown as ReadyOptions)).rejects.toThrow('options.allowMissingFallback: is not a boolean.');
  });
});

describe('summariseHealth', () => {
  const request: ProviderSendRequest = { messageId: 'm', to: '+14155552671', body: 'Hi', mediaUrls: [], encoding: 'GSM-7', segments: 1 };

  it('is ok, degraded with one open circuit, down when every provider is unusable', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['fail-before-send', 'fail-before-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx', outcomes: ['accept', 'fail-before-send'] });
    const provider = createReliableProvider({ providers: [twilio, telnyx], clock, retry: false, circuitBreaker: { failureThreshold: 1 } });
    expect(summariseHealth(provider).status).toBe('ok');
    await provider.send(request);
    expect(summariseHealth(provider)).toMatchObject({ status: 'degraded', providers: [{ provider: 'twilio', state: 'open' }, { provider: 'telnyx', state: 'closed' }] });
    await provider.send(request).catch(() => undefined);
    expect(summariseHealth(provider).status).toBe('down');
  });

  it('counts an unavailable provider as unusable', async () => {
    const provider = createReliableProvider({ providers: [createFakeProvider({ id: 'twilio' }), missingSdk('telnyx')], clock });
    await provider.readiness();
    expect(summariseHealth(provider).status).toBe('degraded');
  });
});
