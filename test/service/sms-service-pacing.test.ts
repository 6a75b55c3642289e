// Cross-module scenario: SMSService sends paced per sender (src/service/sms-service.ts with src/limits/create-paced-provider.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPacedProvider } from '../../src/limits/create-paced-provider';
import { createInMemorySenderPacer } from '../../src/limits/in-memory-sender-pacer';
import { QuotaExceededError } from '../../src/limits/quota-exceeded-error';
import type { SenderPacer } from '../../src/limits/sender-pacer';
import { SMSService } from '../../src/service/sms-service';
import type { SMSServiceOptions } from '../../src/service/sms-service-options';
import { createFakeProvider, type FakeProvider } from '../../src/testing/create-fake-provider';

const start = Date.UTC(2026, 0, 1, 9);

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  vi.useRealTimers();
});

/** When (ms after the start) each provider call happened, by sender. */
function recordCalls(provider: FakeProvider): Array<{ from: string | undefined; at: number }> {
  const calls: Array<{ from: string | undefined; at: number }> = [];
  const send = provider.send.bind(provider);
  provider.send = (request, options) => {
    calls.push({ from: request.from, at: Date.now() - start });
    return send(request, options);
  };
  return calls;
}

function service(options: Partial<SMSServiceOptions>, providers: FakeProvider[] = [createFakeProvider({ id: 'twilio' })]) {
  const calls = providers.map(recordCalls);
  return { sms: new SMSService({ providers, ...options }), calls, providers };
}

const send = (sms: SMSService, from: string) => sms.send({ to: '+14155552671', body: 'Hi', from });

describe('sender pacing', () => {
  it('spaces one sender’s sends at the configured rate while other senders are not delayed', async () => {
    const { sms, calls } = service({ pacing: { default: { messagesPerSecond: 1 } } });
    const sends = [send(sms, '+14155550100'), send(sms, '+14155550100'), send(sms, '+14155550100'), send(sms, '+14155550101'), send(sms, '+14155550102')];
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[0]).toEqual([
      { from: '+14155550100', at: 0 },
      { from: '+14155550101', at: 0 },
      { from: '+14155550102', at: 0 },
    ]);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls[0]).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(sends);
    expect(calls[0]?.filter((call) => call.from === '+14155550100').map((call) => call.at)).toEqual([0, 1000, 2000]);
  });

  it('takes the first of senders[from], providers[id] and default', async () => {
    const { sms, calls } = service({
      pacing: { default: { messagesPerSecond: 1 }, providers: { twilio: { messagesPerSecond: 2 } }, senders: { '12345': { messagesPerSecond: 10 } } },
    });
    const sends = [send(sms, '12345'), send(sms, '12345'), send(sms, '+14155550100'), send(sms, '+14155550100')];
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(sends);
    expect(calls[0]?.map((call) => [call.from, call.at])).toEqual([
      ['12345', 0],
      ['+14155550100', 0],
      ['12345', 100],
      ['+14155550100', 500],
    ]);
  });

  it('refuses a send beyond the queue bound with RATE_LIMITED / SENDER_QUEUE_FULL, not sent, and nothing reserved', async () => {
    const { sms, calls } = service({ pacing: { default: { messagesPerSecond: 1, maxQueue: 2 } } });
    const accepted = [send(sms, '+14155550100'), send(sms, '+14155550100'), send(sms, '+14155550100')];
    const error = await send(sms, '+14155550100').catch((thrown: unknown) => thrown);
    expect(QuotaExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', reason: 'SENDER_QUEUE_FULL', window: 'sender', limit: 2, retryAfterMs: 1000, fault: 'request', outcomeUnknown: false, provider: 'twilio' });
    expect((error as Error).message).toBe('The sender +1415•••0100 of twilio reached its pacing queue limit of 2 messages; retry in 1 s.');
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all(accepted);
    expect(calls[0]?.map((call) => call.at)).toEqual([0, 1000, 2000]);
  });

  it('refuses a slot further away than maxWaitMs', async () => {
    const { sms } = service({ pacing: { default: { messagesPerSecond: 0.5, maxWaitMs: 3000 } } });
    const first = [send(sms, '+14155550100'), send(sms, '+14155550100')]; // waits 0 and 2000
    await expect(send(sms, '+14155550100')).rejects.toMatchObject({ reason: 'SENDER_QUEUE_FULL', retryAfterMs: 1000 });
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all(first);
  });

  it('hands a full queue to the caller at once: no retry, no failover to another sender, no circuit breaker count', async () => {
    const twilio = createFakeProvider({ id: 'twilio' });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { sms } = service({ pacing: { providers: { twilio: { messagesPerSecond: 1, maxQueue: 0 } } }, circuitBreaker: { failureThreshold: 2 } }, [twilio, telnyx]);
    expect((await sms.send({ to: '+14155552671', body: 'a' })).provider).toBe('twilio');
    for (let index = 0; index < 3; index += 1) {
      await expect(sms.send({ to: '+14155552671', body: 'b' })).rejects.toSatisfy((error: unknown) => QuotaExceededError.isInstance(error) && error.reason === 'SENDER_QUEUE_FULL');
    }
    expect(telnyx.calls).toHaveLength(0);
    expect(twilio.calls).toHaveLength(1);
    expect(sms.health().providers.map((provider) => provider.state)).toEqual(['closed', 'closed']);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await sms.send({ to: '+14155552671', body: 'c' })).provider).toBe('twilio');
  });

  it('ends the wait with a not-sent TIMEOUT when the signal aborts, before the provider is called', async () => {
    const provider = createFakeProvider({ id: 'twilio' });
    const paced = createPacedProvider({ provider, rule: { messagesPerSecond: 1 } });
    const request = { messageId: 'm', to: '+14155552671', body: 'Hi', mediaUrls: [], encoding: 'GSM-7' as const, segments: 1 };
    await paced.send(request);
    const controller = new AbortController();
    const waiting = paced.send(request, { signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    expect(await waiting).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED_WHILE_PACED', outcomeUnknown: false, fault: 'request' });
    expect(provider.calls).toHaveLength(1);
  });

  it('reports a pacer store failure through quotas.onEvent and still sends', async () => {
    const memory = createInMemorySenderPacer();
    const failing: SenderPacer = { reserve: async (request) => ({ ...(await memory.reserve(request)), storeError: new Error('Redis is not ready (connection end)') }) };
    const notices: unknown[] = [];
    const { sms } = service({ quotas: { hourly: 100, onEvent: (event) => void notices.push(event) }, pacing: { pacer: failing, default: { messagesPerSecond: 1 } } });
    await send(sms, '+14155550100');
    await send(sms, '+14155550101');
    expect(notices).toEqual([expect.objectContaining({ type: 'sms.quota_degraded', data: { component: 'pacing', error: 'Redis is not ready (connection end)' } })]);
  });

  it('does not pace providers or senders without a rule', async () => {
    const { sms, calls } = service({ pacing: { senders: { '12345': { messagesPerSecond: 1 } } } });
    await Promise.all([send(sms, '+14155550100'), send(sms, '+14155550100')]);
    expect(calls[0]?.map((call) => call.at)).toEqual([0, 0]);
  });
});
