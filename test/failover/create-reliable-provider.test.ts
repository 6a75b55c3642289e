import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { createReliableProvider } from '../../src/failover/create-reliable-provider';
import type { ProviderSendRequest } from '../../src/providers/provider';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const request: ProviderSendRequest = { messageId: 'message-1', to: '+14155550123', body: 'Hello', mediaUrls: [], encoding: 'GSM-7', segments: 1 };
const clock = { now: () => Date.UTC(2026, 0, 1) };

describe('createReliableProvider', () => {
  it('fails over to the next provider and opens the breaker of the failing one', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['fail-before-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const reliable = createReliableProvider({ providers: [twilio, telnyx], clock, retry: false, circuitBreaker: { failureThreshold: 1, cooldownMs: 60_000 } });
    expect(reliable.id).toBe('failover');
    expect(reliable.retryBudgetMs).toBe(0);
    await expect(reliable.send(request)).resolves.toMatchObject({ provider: 'telnyx', providerMessageId: 'telnyx-1' });
    expect(reliable.health()).toEqual([
      { provider: 'twilio', state: 'open', consecutiveFailures: 1, probeAt: new Date(clock.now() + 60_000).toISOString() },
      { provider: 'telnyx', state: 'closed', consecutiveFailures: 0, probeAt: null },
    ]);
    await reliable.send(request);
    expect(twilio.calls).toHaveLength(1);
  });

  it('takes the single provider id, reports disabled breakers and the retry budget', () => {
    const reliable = createReliableProvider({ providers: [createFakeProvider({ id: 'twilio' })], clock, circuitBreaker: false, retry: { maxTotalMs: 12_000 } });
    expect(reliable.id).toBe('twilio');
    expect(reliable.retryBudgetMs).toBe(12_000);
    expect(reliable.health()).toEqual([{ provider: 'twilio', state: 'disabled', consecutiveFailures: 0, probeAt: null }]);
  });

  it('ends with FINAL_FAILURE when no provider sent', async () => {
    const reliable = createReliableProvider({ providers: [createFakeProvider({ id: 'a', outcomes: ['fail-before-send'] }), createFakeProvider({ id: 'b', outcomes: ['fail-before-send'] })], clock, retry: false });
    await expect(reliable.send(request)).rejects.toMatchObject({ code: 'FINAL_FAILURE' });
  });

  it('reports readiness by role and marks an unready provider unavailable in health', async () => {
    const unready = { ...createFakeProvider({ id: 'twilio' }), ready: () => Promise.reject(new SmsError({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', message: 'bad token', provider: 'twilio' })) };
    const reliable = createReliableProvider({ providers: [unready, createFakeProvider({ id: 'telnyx' })], clock, retry: false });
    const readiness = await reliable.readiness();
    expect(readiness[0]).toMatchObject({ provider: 'twilio', role: 'primary', ready: false, error: { reason: 'AUTHENTICATION_FAILED' } });
    expect(readiness[1]).toEqual({ provider: 'telnyx', role: 'fallback', ready: true, error: null });
    expect(reliable.health()[0]?.unavailable).toEqual({ reason: 'AUTHENTICATION_FAILED', message: 'bad token' });
  });

  it('names its option errors', () => {
    expect(() => createReliableProvider({ providers: [createFakeProvider()], retry: { attempts: 0 } })).toThrow('options.retry.attempts');
    expect(() => createReliableProvider({ providers: [createFakeProvider()], circuitBreaker: { cooldownMs: 0 } })).toThrow('options.circuitBreaker.cooldownMs');
    expect(() => createReliableProvider({ providers: [createFakeProvider()], failover: { onUnknownOutcome: 'x' as 'fail' } })).toThrow('options.failover.onUnknownOutcome');
  });
});
