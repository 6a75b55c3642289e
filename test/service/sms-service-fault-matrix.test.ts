// Cross-module scenario: SMSService send under provider faults, through retries, failover and circuit breakers (src/service/sms-service.ts).
/**
 * The fault matrix through `SMSService` and fake providers (fake timers, no real sleeping). Every test
 * counts provider calls: no message is sent twice, and no request is dropped without an error.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FinalFailureError, type SmsError } from '../../src/errors';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { SmsEvent, SmsRetryingEvent } from '../../src/events/sms-event';
import { SMSService } from '../../src/service/sms-service';
import type { SMSServiceOptions } from '../../src/service/sms-service-options';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import { createFakeProvider, type FakeProvider } from '../../src/testing/create-fake-provider';

const to = '+14155552671';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(providers: FakeProvider[], options: Partial<SMSServiceOptions> = {}) {
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));
  const store = createInMemoryMessageStore();
  const sms = new SMSService({ providers, events, store, retry: { random: () => 0 }, ...options });
  const calls = () => providers.reduce((total, provider) => total + provider.calls.length, 0);
  const sent = () => providers.reduce((total, provider) => total + provider.sent.length, 0);
  return { sms, published, store, calls, sent };
}

/** Runs a send to its end, moving fake time through every wait. */
async function settle<T>(promise: Promise<T>): Promise<{ result?: T; error?: SmsError }> {
  const outcome = promise.then(
    (result) => ({ result }),
    (error: unknown) => ({ error: error as SmsError }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

const down = () => createFakeProvider({ id: 'twilio', outcomes: () => 'fail-before-send' });

describe('SMSService fault matrix (fake providers)', () => {
  it('connection refused on the primary: fails over at once, exactly one message sent', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['fail-before-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { sms, sent, calls, published } = setup([twilio, telnyx]);
    const { result } = await settle(sms.send({ to, body: 'Hi' }));
    expect(result?.provider).toBe('telnyx');
    expect(result?.attempts.map((attempt) => `${attempt.provider}:${attempt.outcome}:${attempt.errorCode}`)).toEqual(['twilio:not_sent:PROVIDER_ERROR', 'telnyx:sent:null']);
    expect([calls(), sent()]).toEqual([2, 1]);
    expect(published.map((event) => event.type)).toEqual(['sms.sent']);
  });

  it('401 on the primary: fails over', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'reject', providerCode: '20003', code: 'AUTH_ERROR', fault: 'provider', httpStatus: 401 }] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { sms, sent, calls } = setup([twilio, telnyx]);
    const { result } = await settle(sms.send({ to, body: 'Hi' }));
    expect(result?.attempts.map((attempt) => attempt.errorCode)).toEqual(['AUTH_ERROR', null]);
    expect([calls(), sent()]).toEqual([2, 1]);
  });

  it('21211 invalid number: one attempt, no failover, no retry, no breaker trip', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: () => ({ type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT' }) });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { sms, calls, sent } = setup([twilio, telnyx], { circuitBreaker: { failureThreshold: 1 } });
    for (let index = 0; index < 3; index += 1) {
      const { error } = await settle(sms.send({ to, body: 'Hi' }));
      expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', providerCode: '21211' });
    }
    expect([twilio.calls.length, telnyx.calls.length, calls(), sent()]).toEqual([3, 0, 3, 0]);
    expect(sms.health()).toEqual({ status: 'ok', providers: [expect.objectContaining({ provider: 'twilio', state: 'closed', consecutiveFailures: 0 }), expect.objectContaining({ provider: 'telnyx', state: 'closed' })] });
  });

  it('429 with Retry-After: waits that long, retries, one message sent, and publishes sms.retrying', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'rate-limit', retryAfterMs: 3_000 }] });
    const { sms, published, calls, sent } = setup([twilio]);
    const sending = sms.send({ to, body: 'Hi', correlationId: 'request-7', tenantId: 'org-1' });
    await vi.advanceTimersByTimeAsync(2_999);
    expect(calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const result = await sending;
    expect(result.attempts.map((attempt) => `${attempt.outcome}:${attempt.errorCode}`)).toEqual(['not_sent:RATE_LIMITED', 'sent:null']);
    expect([calls(), sent()]).toEqual([2, 1]);
    expect(published.map((event) => event.type)).toEqual(['sms.retrying', 'sms.sent']);
    expect(published[0]).toEqual({
      type: 'sms.retrying',
      schema_version: 1,
      event_id: expect.any(String),
      correlation_id: 'request-7',
      tenant_id: 'org-1',
      timestamp: '2026-01-01T00:00:00.000Z',
      status: 'retrying',
      data: expect.objectContaining({
        message_id: result.id,
        code: 'RETRYING',
        attempt: 2,
        delay_ms: 3_000,
        provider: 'twilio',
        provider_message_id: null,
        cost: null,
        to_number: to,
        error: expect.objectContaining({ code: 'RATE_LIMITED', retryable: true, outcome_unknown: false }),
      }),
    });
  });

  it('timeout after sending: outcome unknown, no failover, no retry, recorded as unknown', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { sms, calls, store, published } = setup([twilio, telnyx]);
    const { error } = await settle(sms.send({ to, body: 'Hi' }));
    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true, retryable: false });
    expect(calls()).toBe(1);
    const failed = published[0];
    const messageId = failed?.type === 'sms.failed' ? failed.data.message_id : '';
    expect((await store.get(messageId))?.status).toBe('unknown');
    expect(published.map((event) => event.type)).toEqual(['sms.failed']);
  });

  it('both providers down: rounds of retries, then FINAL_FAILURE listing every attempt of both', async () => {
    const twilio = down();
    const telnyx = createFakeProvider({ id: 'telnyx', outcomes: () => ({ type: 'reject', providerCode: '10011', code: 'RATE_LIMITED', fault: 'provider', retryable: true, httpStatus: 429 }) });
    const { sms, calls, sent, published } = setup([twilio, telnyx]);
    const { error } = await settle(sms.send({ to, body: 'Hi' }));
    expect(FinalFailureError.isInstance(error)).toBe(true);
    expect((error as FinalFailureError).errors.map((each) => each.provider)).toEqual(['twilio', 'telnyx', 'twilio', 'telnyx', 'twilio', 'telnyx']);
    expect(error?.message).toContain('(6 attempts)');
    expect([calls(), sent()]).toEqual([6, 0]);
    expect(published.map((event) => event.type)).toEqual(['sms.retrying', 'sms.retrying', 'sms.failed']);
    expect((published.slice(0, 2) as SmsRetryingEvent[]).map((event) => [event.data.attempt, event.data.delay_ms])).toEqual([
      [2, 500],
      [3, 1_000],
    ]);
  });

  it('the breaker opens after N failures, skips the provider, and a half-open probe closes it', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['fail-before-send', 'fail-before-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { sms } = setup([twilio, telnyx], { circuitBreaker: { failureThreshold: 2, cooldownMs: 10_000 } });
    await settle(sms.send({ to, body: 'one' }));
    await settle(sms.send({ to, body: 'two' }));
    expect(sms.health()).toMatchObject({ status: 'degraded', providers: [{ provider: 'twilio', state: 'open', consecutiveFailures: 2 }, { state: 'closed' }] });

    const { result: skipped } = await settle(sms.send({ to, body: 'three' }));
    expect(skipped?.attempts.map((attempt) => `${attempt.provider}:${attempt.outcome}:${attempt.errorReason}`)).toEqual(['twilio:not_sent:CIRCUIT_OPEN', 'telnyx:sent:null']);
    expect(skipped?.attempts[0]?.durationMs).toBe(0);
    expect(twilio.calls).toHaveLength(2);

    vi.advanceTimersByTime(10_000);
    expect(sms.health().providers[0]?.state).toBe('half-open');
    const { result: probe } = await settle(sms.send({ to, body: 'four' }));
    expect(probe?.provider).toBe('twilio');
    expect(sms.health()).toMatchObject({ status: 'ok', providers: [{ state: 'closed', consecutiveFailures: 0 }, { state: 'closed' }] });
    expect(twilio.calls).toHaveLength(3);
    expect(twilio.sent.length + telnyx.sent.length).toBe(4);
  });

  it('every circuit open: health is down and a send fails fast without calling any provider', async () => {
    const twilio = down();
    const { sms, calls } = setup([twilio], { circuitBreaker: { failureThreshold: 3, cooldownMs: 60_000 } });
    await settle(sms.send({ to, body: 'Hi' }));
    expect(calls()).toBe(3);
    expect(sms.health().status).toBe('down');
    const { error } = await settle(sms.send({ to, body: 'Hi' }));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CIRCUIT_OPEN', retryAfterMs: 60_000 });
    expect(calls()).toBe(3);
  });

  it("with onUnknownOutcome 'failover-accept-duplicate-risk', an unknown outcome moves on (the documented risk)", async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { sms, sent } = setup([twilio, telnyx], { failover: { onUnknownOutcome: 'failover-accept-duplicate-risk' } });
    const { result } = await settle(sms.send({ to, body: 'Hi' }));
    expect(result?.attempts.map((attempt) => attempt.outcome)).toEqual(['unknown', 'sent']);
    expect(sent()).toBe(2);
  });

  it('follows a strategy, and retry: false turns retries off', async () => {
    const twilio = createFakeProvider({ id: 'twilio' });
    const telnyx = createFakeProvider({ id: 'telnyx', outcomes: ['rate-limit'] });
    const { sms, calls } = setup([twilio, telnyx], { retry: false, failover: { strategy: () => ['telnyx'] } });
    const { error } = await settle(sms.send({ to, body: 'Hi' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', provider: 'telnyx' });
    expect([twilio.calls.length, calls()]).toEqual([0, 1]);
    expect(sms.health().providers.map((provider) => provider.provider)).toEqual(['twilio', 'telnyx']);
  });

  it('circuitBreaker: false reports the providers as disabled', () => {
    const { sms } = setup([createFakeProvider({ id: 'twilio' })], { circuitBreaker: false });
    expect(sms.health()).toEqual({ status: 'ok', providers: [{ provider: 'twilio', state: 'disabled', consecutiveFailures: 0, probeAt: null }] });
  });
});

describe('new SMSService: reliability options are checked at construction', () => {
  const provider = createFakeProvider();
  it.each<[string, Partial<SMSServiceOptions>, RegExp]>([
    ['retry attempts 0', { retry: { attempts: 0 } }, /options\.retry\.attempts: 0 is not a whole number from 1 to 10/],
    ['an unknown retry option', { retry: { retries: 3 } as never }, /options\.retry\.retries: is not a known option/],
    ['a negative cool-down', { circuitBreaker: { cooldownMs: -5 } }, /options\.circuitBreaker\.cooldownMs/],
    ['an unknown unknown-outcome policy', { failover: { onUnknownOutcome: 'retry' as never } }, /options\.failover\.onUnknownOutcome: "retry" is not allowed/],
    ['a strategy that is not a function', { failover: { strategy: ['telnyx'] as never } }, /options\.failover\.strategy: must be a function/],
    ['retry as a number', { retry: 3 as never }, /options\.retry: must be an object/],
  ])('%s', (_name, options, message) => {
    expect(() => new SMSService({ providers: [provider], ...options })).toThrow(message);
  });
});
