import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FinalFailureError, SmsError } from '../../src/errors';
import { createFailoverProvider } from '../../src/failover/create-failover-provider';
import { createRetryingProvider, type RetryingProvider, type RetryingProviderOptions } from '../../src/failover/create-retrying-provider';
import type { ProviderRetry } from '../../src/failover/reliable-send-options';
import type { ProviderSendRequest, SmsProvider } from '../../src/providers/provider';
import type { SendAttempt } from '../../src/messages/send-attempt';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const request: ProviderSendRequest = { messageId: 'message-1', to: '+14155550123', body: 'Hello', mediaUrls: [], encoding: 'GSM-7', segments: 1 };

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

function retrying(provider: SmsProvider, options: Partial<RetryingProviderOptions> = {}) {
  return createRetryingProvider({ provider, random: () => 0, ...options });
}

/** Starts a send and records its attempts and retries; `settled()` resolves once it ended. */
function start(provider: RetryingProvider, sent: ProviderSendRequest = request, signal?: AbortSignal) {
  const attempts: SendAttempt[] = [];
  const retries: ProviderRetry[] = [];
  let outcome: { result?: unknown; error?: SmsError } | undefined;
  const promise = provider
    .send(sent, { signal, onAttempt: (attempt) => attempts.push(attempt), onRetry: (retry) => void retries.push(retry) })
    .then(
      (result) => (outcome = { result }),
      (error: unknown) => (outcome = { error: error as SmsError }),
    );
  return { attempts, retries, outcome: () => outcome, settled: () => promise.then(() => outcome as { result?: unknown; error?: SmsError }) };
}

describe('createRetryingProvider', () => {
  it('waits for Retry-After, never less, then retries once and sends exactly one message', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'rate-limit', retryAfterMs: 2_000 }] });
    const send = start(retrying(twilio));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(twilio.calls).toHaveLength(1);
    expect(send.retries).toEqual([{ attempt: 2, delayMs: 2_000, provider: 'twilio', error: expect.objectContaining({ code: 'RATE_LIMITED' }) }]);
    await vi.advanceTimersByTimeAsync(1);
    const { result } = await send.settled();
    expect(result).toMatchObject({ provider: 'twilio', providerMessageId: 'twilio-1' });
    expect(twilio.calls).toHaveLength(2);
    expect(twilio.sent).toHaveLength(1);
    expect(send.attempts.map((attempt) => `${attempt.outcome}:${attempt.errorCode}`)).toEqual(['not_sent:RATE_LIMITED', 'sent:null']);
  });

  it('backs off exponentially without a Retry-After, and ends in FINAL_FAILURE carrying every attempt', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: () => 'fail-before-send' });
    const send = start(retrying(twilio, { attempts: 4 }));
    await vi.advanceTimersByTimeAsync(499);
    expect(twilio.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(twilio.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(twilio.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2_000);
    const { error } = await send.settled();
    expect(twilio.calls).toHaveLength(4);
    expect(FinalFailureError.isInstance(error)).toBe(true);
    expect((error as FinalFailureError).errors).toHaveLength(4);
    expect(error?.message).toMatch(/^Every attempt failed without sending the message \(4 attempts\): twilio PROVIDER_ERROR\/CONNECTION_FAILED;/);
    expect(send.retries.map((retry) => [retry.attempt, retry.delayMs])).toEqual([
      [2, 500],
      [3, 1_000],
      [4, 2_000],
    ]);
    expect(twilio.sent).toHaveLength(0);
  });

  it('never retries an unknown outcome: one call, the error as is', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send'] });
    const send = start(retrying(twilio));
    await vi.runAllTimersAsync();
    const { error } = await send.settled();
    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
    expect(FinalFailureError.isInstance(error)).toBe(false);
    expect(twilio.calls).toHaveLength(1);
    expect(send.retries).toEqual([]);
  });

  it('never retries a request fault, even after a retry', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['fail-before-send', { type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR' }] });
    const send = start(retrying(twilio));
    await vi.runAllTimersAsync();
    const { error } = await send.settled();
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', providerCode: '21211' });
    expect(twilio.calls).toHaveLength(2);
    expect(send.attempts.map((attempt) => attempt.outcome)).toEqual(['not_sent', 'not_sent']);
  });

  it('stops when the next wait would pass maxTotalMs', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: () => 'fail-before-send' });
    const send = start(retrying(twilio, { attempts: 10, maxTotalMs: 1_400 }));
    await vi.runAllTimersAsync();
    await send.settled();
    // 0 ms, then 500 ms; the next wait (1 000 ms) would end at 1 500 ms, past the budget.
    expect(twilio.calls).toHaveLength(2);
  });

  it("is bounded by the request's TTL and passes the validity that is left on each retry", async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: () => ({ type: 'rate-limit', retryAfterMs: 1_500 }) });
    const send = start(retrying(twilio, { attempts: 10 }), { ...request, validityPeriodSeconds: 4 });
    await vi.runAllTimersAsync();
    const { error } = await send.settled();
    expect(twilio.calls.map((call) => call.request.validityPeriodSeconds)).toEqual([4, 2, 1]);
    expect(FinalFailureError.isInstance(error)).toBe(true);
  });

  it('ends the wait when the caller aborts, with the failures so far', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: () => 'fail-before-send' });
    const controller = new AbortController();
    const send = start(retrying(twilio), request, controller.signal);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const { error } = await send.settled();
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED' });
    expect(twilio.calls).toHaveLength(1);
  });

  it('retries a failover round, trying every provider again, and lists every attempt when all fail', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: () => 'fail-before-send' });
    const telnyx = createFakeProvider({ id: 'telnyx', outcomes: () => ({ type: 'rate-limit', retryAfterMs: 700 }) });
    const send = start(retrying(createFailoverProvider({ providers: [twilio, telnyx] }), { attempts: 2 }));
    await vi.advanceTimersByTimeAsync(699);
    expect(twilio.calls.length + telnyx.calls.length).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await send.settled();
    expect((error as FinalFailureError).errors.map((each) => `${each.provider}:${each.code}`)).toEqual([
      'twilio:PROVIDER_ERROR',
      'telnyx:RATE_LIMITED',
      'twilio:PROVIDER_ERROR',
      'telnyx:RATE_LIMITED',
    ]);
    expect(send.attempts).toHaveLength(4);
    expect(send.retries).toEqual([expect.objectContaining({ attempt: 2, delayMs: 700, provider: 'telnyx' })]);
  });

  it('keeps retrying when a retry listener throws', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['fail-before-send'] });
    const provider = retrying(twilio);
    const promise = provider.send(request, {
      onRetry: () => {
        throw new Error('listener bug');
      },
    });
    await vi.runAllTimersAsync();
    await expect(promise).resolves.toMatchObject({ provider: 'twilio' });
    expect(twilio.calls).toHaveLength(2);
  });

  it('reports one attempt per call of a plain adapter', async () => {
    const plain: SmsProvider = {
      specificationVersion: 'v1',
      id: 'plain',
      send: vi.fn<SmsProvider['send']>().mockRejectedValueOnce(new SmsError({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', message: '429', retryable: true, fault: 'provider', retryAfterMs: 10 })).mockResolvedValueOnce({ providerMessageId: 'p-1', status: 'queued' }),
    };
    const send = start(retrying(plain));
    await vi.runAllTimersAsync();
    expect((await send.settled()).result).toMatchObject({ provider: 'plain', providerMessageId: 'p-1' });
    expect(send.attempts.map((attempt) => `${attempt.provider}:${attempt.outcome}`)).toEqual(['plain:not_sent', 'plain:sent']);
  });

  it('refuses bad options, naming them', () => {
    const provider = createFakeProvider();
    expect(() => createRetryingProvider({ provider, attempts: 0 })).toThrow(/options\.attempts: 0 is not a whole number from 1 to 10/);
    expect(() => createRetryingProvider({ provider, maxDelayMs: 100, initialDelayMs: 200 })).toThrow(/options\.maxDelayMs: 100 is shorter than initialDelayMs/);
    expect(() => createRetryingProvider({ provider, jitter: 2 })).toThrow(/options\.jitter/);
    expect(() => createRetryingProvider({ provider, retries: 3 } as never)).toThrow(/options\.retries: is not a known option/);
  });
});
