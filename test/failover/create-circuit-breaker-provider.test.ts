import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock';
import { SmsError } from '../../src/errors';
import { createCircuitBreakerProvider } from '../../src/failover/create-circuit-breaker-provider';
import type { ProviderSendRequest, ProviderSendResult, SmsProvider } from '../../src/providers/provider';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const request: ProviderSendRequest = { messageId: 'message-1', to: '+14155550123', body: 'Hello', mediaUrls: [], encoding: 'GSM-7', segments: 1 };
const start = Date.UTC(2026, 0, 1);

function manualClock() {
  let now = start;
  const clock: Clock = { now: () => now };
  return { clock, advance: (milliseconds: number) => void (now += milliseconds) };
}

const attempt = (provider: SmsProvider) => provider.send(request).then(
  () => 'sent',
  (error: SmsError) => `${error.code}/${error.reason}`,
);

describe('createCircuitBreakerProvider', () => {
  it('opens after failureThreshold provider faults in a row and then skips the provider without calling it', async () => {
    const { clock } = manualClock();
    const twilio = createFakeProvider({ id: 'twilio', outcomes: () => 'fail-before-send' });
    const guarded = createCircuitBreakerProvider({ provider: twilio, clock, failureThreshold: 3, cooldownMs: 10_000 });
    for (let index = 0; index < 3; index += 1) expect(await attempt(guarded)).toBe('PROVIDER_ERROR/CONNECTION_FAILED');
    expect(guarded.health()).toEqual({ provider: 'twilio', state: 'open', consecutiveFailures: 3, probeAt: new Date(start + 10_000).toISOString() });
    const skipped = await guarded.send(request).catch((error: SmsError) => error);
    expect(skipped).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CIRCUIT_OPEN', fault: 'provider', outcomeUnknown: false, retryable: true, retryAfterMs: 10_000, provider: 'twilio' });
    expect(twilio.calls).toHaveLength(3);
  });

  it('half-opens after the cool-down, lets exactly one probe through, and its success closes the circuit', async () => {
    const { clock, advance } = manualClock();
    let release: ((result: ProviderSendResult) => void) | undefined;
    let failing = true;
    let calls = 0;
    const slow: SmsProvider = {
      specificationVersion: 'v1',
      id: 'twilio',
      send: () => {
        calls += 1;
        if (failing) return Promise.reject(new SmsError({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', message: 'down', retryable: true, fault: 'provider' }));
        return new Promise((resolve) => (release = resolve));
      },
    };
    const guarded = createCircuitBreakerProvider({ provider: slow, clock, failureThreshold: 2, cooldownMs: 5_000 });
    await attempt(guarded);
    await attempt(guarded);
    advance(4_999);
    expect(await attempt(guarded)).toBe('PROVIDER_ERROR/CIRCUIT_OPEN');
    advance(1);
    expect(guarded.health().state).toBe('half-open');
    failing = false;
    const probe = guarded.send(request);
    // A second send while the probe runs is skipped, not a second probe.
    expect(await attempt(guarded)).toBe('PROVIDER_ERROR/CIRCUIT_OPEN');
    expect(calls).toBe(3);
    release?.({ providerMessageId: 'SM1', status: 'queued' });
    await expect(probe).resolves.toMatchObject({ providerMessageId: 'SM1' });
    expect(guarded.health()).toEqual({ provider: 'twilio', state: 'closed', consecutiveFailures: 0, probeAt: null });
  });

  it('re-opens for another cool-down when the probe fails', async () => {
    const { clock, advance } = manualClock();
    const twilio = createFakeProvider({ id: 'twilio', outcomes: () => 'fail-before-send' });
    const guarded = createCircuitBreakerProvider({ provider: twilio, clock, failureThreshold: 1, cooldownMs: 1_000 });
    await attempt(guarded);
    advance(1_000);
    expect(await attempt(guarded)).toBe('PROVIDER_ERROR/CONNECTION_FAILED');
    expect(guarded.health()).toMatchObject({ state: 'open', probeAt: new Date(start + 2_000).toISOString() });
    expect(twilio.calls).toHaveLength(2);
  });

  it('never counts request faults: an invalid number does not trip the breaker', async () => {
    const { clock } = manualClock();
    const twilio = createFakeProvider({ id: 'twilio', outcomes: () => ({ type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR' }) });
    const guarded = createCircuitBreakerProvider({ provider: twilio, clock, failureThreshold: 1 });
    for (let index = 0; index < 5; index += 1) expect(await attempt(guarded)).toBe('VALIDATION_ERROR/PROVIDER_REJECTED');
    expect(guarded.health()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(twilio.calls).toHaveLength(5);
  });

  it('counts unknown outcomes (a provider that times out is unhealthy) and resets on success', async () => {
    const { clock } = manualClock();
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send', 'accept', 'timeout-after-send', 'timeout-after-send'] });
    const guarded = createCircuitBreakerProvider({ provider: twilio, clock, failureThreshold: 2 });
    await attempt(guarded);
    await attempt(guarded);
    expect(guarded.health().consecutiveFailures).toBe(0);
    await attempt(guarded);
    await attempt(guarded);
    expect(guarded.health().state).toBe('open');
  });

  it('ignores results of calls that started before the circuit opened: a late failure does not extend the cool-down', async () => {
    const { clock, advance } = manualClock();
    const pending: Array<{ resolve: (result: ProviderSendResult) => void; reject: (error: SmsError) => void }> = [];
    const provider: SmsProvider = {
      specificationVersion: 'v1',
      id: 'twilio',
      send: () => new Promise((resolve, reject) => void pending.push({ resolve, reject })),
    };
    const down = () => new SmsError({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', message: 'down', fault: 'provider', retryable: true });
    const guarded = createCircuitBreakerProvider({ provider, clock, failureThreshold: 2, cooldownMs: 10_000 });
    const calls = [attempt(guarded), attempt(guarded), attempt(guarded), attempt(guarded)];
    pending[0]?.reject(down());
    pending[1]?.reject(down());
    await Promise.all(calls.slice(0, 2));
    const opened = guarded.health();
    expect(opened).toMatchObject({ state: 'open', consecutiveFailures: 2, probeAt: new Date(start + 10_000).toISOString() });
    advance(3_000);
    pending[2]?.reject(down());
    pending[3]?.resolve({ providerMessageId: 'late', status: 'queued' });
    await Promise.all(calls);
    expect(guarded.health()).toEqual(opened);
  });

  it('refuses bad options, naming them', () => {
    expect(() => createCircuitBreakerProvider({ provider: createFakeProvider(), failureThreshold: 0 })).toThrow(/options\.failureThreshold/);
    expect(() => createCircuitBreakerProvider({ provider: createFakeProvider(), cooldownMs: -1 })).toThrow(/options\.cooldownMs/);
    expect(() => createCircuitBreakerProvider({ provider: createFakeProvider(), threshold: 3 } as never)).toThrow(/options\.threshold: is not a known option/);
  });
});
