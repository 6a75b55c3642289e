// Cross-module scenario: SMSService sends under an idempotency key (src/service/sms-service.ts with src/idempotency/).
/**
 * Idempotency through `SMSService` (docs/reliability.md#idempotency): the key is claimed before any provider call,
 * so every test counts provider calls: exactly one per logical send, however often it is repeated.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FinalFailureError, type SmsError } from '../../src/errors';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { SmsEvent } from '../../src/events/sms-event';
import { fingerprintSendRequest } from '../../src/idempotency/fingerprint-send-request';
import { idempotencyRecordKey } from '../../src/idempotency/idempotency-record-key';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import type { IdempotencyStore } from '../../src/idempotency/idempotency-store';
import { SMSService } from '../../src/service/sms-service';
import type { SMSServiceOptions } from '../../src/service/sms-service-options';
import { createFakeProvider, type FakeProvider } from '../../src/testing/create-fake-provider';

const to = '+14155552671';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(options: Partial<SMSServiceOptions> = {}, providers: FakeProvider[] = [createFakeProvider({ id: 'twilio' })]) {
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));
  const sms = new SMSService({ providers, events, retry: false, ...options });
  const calls = () => providers.reduce((total, provider) => total + provider.calls.length, 0);
  return { sms, published, calls, provider: providers[0] as FakeProvider };
}

async function settle<T>(promise: Promise<T>): Promise<{ result?: T; error?: SmsError }> {
  const outcome = promise.then(
    (result) => ({ result }),
    (error: unknown) => ({ error: error as SmsError }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

describe('SMSService idempotency', () => {
  it('the same key twice in a row: one provider call, the second gets the first result and publishes nothing', async () => {
    const { sms, calls, published } = setup();
    const first = await sms.send({ to, body: 'Your code is 123456', idempotencyKey: 'otp-1' });
    const second = await sms.send({ to, body: 'Your code is 123456', idempotencyKey: 'otp-1' });
    expect(second).toEqual(first);
    expect(calls()).toBe(1);
    expect(published.map((event) => event.type)).toEqual(['sms.sent']);
  });

  it('matches the payload after normalisation: a national number with the default country is the same message', async () => {
    const { sms, calls } = setup({ phone: { defaultCountry: 'GB' } });
    const first = await sms.send({ to: '+447400123456', body: 'Hi', idempotencyKey: 'k' });
    await expect(sms.send({ to: '07400 123456', body: 'Hi', idempotencyKey: 'k' })).resolves.toEqual(first);
    expect(calls()).toBe(1);
  });

  it('ten concurrent sends with one key in one process: exactly one provider call, ten identical results', async () => {
    const provider = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'accept', delayMs: 250 }] });
    const { sms, calls } = setup({}, [provider]);
    const sends = Array.from({ length: 10 }, () => sms.send({ to, body: 'Hi', idempotencyKey: 'burst' }));
    await vi.runAllTimersAsync();
    const results = await Promise.all(sends);
    expect(calls()).toBe(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.every((result) => result.providerMessageId === 'twilio-1')).toBe(true);
  });

  it('two tenants with the same key stay independent', async () => {
    const { sms, calls } = setup();
    const first = await sms.send({ to, body: 'Hi', idempotencyKey: 'order-42', tenantId: 'org-1' });
    const second = await sms.send({ to, body: 'Hi', idempotencyKey: 'order-42', tenantId: 'org-2' });
    const third = await sms.send({ to, body: 'Hi', idempotencyKey: 'order-42' });
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
    expect(calls()).toBe(3);
    await expect(sms.send({ to, body: 'Hi', idempotencyKey: 'order-42', tenantId: 'org-2' })).resolves.toEqual(second);
    expect(calls()).toBe(3);
  });

  it('the same key with another payload is a VALIDATION_ERROR (idempotency conflict), nothing sent', async () => {
    const { sms, calls, published } = setup();
    await sms.send({ to, body: 'Your code is 123456', idempotencyKey: 'otp-1' });
    const { error } = await settle(sms.send({ to, body: 'Your code is 654321', idempotencyKey: 'otp-1' }));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'IDEMPOTENCY_KEY_CONFLICT', field: 'idempotencyKey' });
    expect(error?.message).not.toContain('123456');
    expect(calls()).toBe(1);
    expect(published.map((event) => event.type)).toEqual(['sms.sent', 'sms.failed']);
  });

  it("while the first send runs, inFlight 'fail' refuses the duplicate at once: outcome unknown, retry with the same key", async () => {
    const provider = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'accept', delayMs: 1_000 }] });
    const { sms, calls, published } = setup({ idempotency: { inFlight: 'fail' } }, [provider]);
    const first = sms.send({ to, body: 'Hi', idempotencyKey: 'k' });
    const { error } = await settle(sms.send({ to, body: 'Hi', idempotencyKey: 'k' }));
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'IDEMPOTENCY_KEY_IN_FLIGHT', outcomeUnknown: true, retryable: true, retryAfterMs: 1_000 });
    expect(calls()).toBe(1);
    const result = await first;
    await expect(sms.send({ to, body: 'Hi', idempotencyKey: 'k' })).resolves.toEqual(result);
    expect(published.map((event) => event.type)).toEqual(['sms.sent']);
  });

  it('a waiting duplicate gives up after waitTimeoutMs, still without sending', async () => {
    const provider = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'accept', delayMs: 10_000 }] });
    const { sms, calls } = setup({ idempotency: { waitTimeoutMs: 500, pollIntervalMs: 100 } }, [provider]);
    const first = sms.send({ to, body: 'Hi', idempotencyKey: 'k' });
    const duplicate = sms.send({ to, body: 'Hi', idempotencyKey: 'k' }).catch((error: SmsError) => error);
    await vi.advanceTimersByTimeAsync(499);
    let settled = false;
    void duplicate.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await duplicate).toMatchObject({ reason: 'IDEMPOTENCY_KEY_IN_FLIGHT', message: expect.stringContaining('after waiting 500 ms') });
    await vi.runAllTimersAsync();
    await first;
    expect(calls()).toBe(1);
  });

  it('replays a stored failure (Stripe: the first result, failures included) without calling any provider', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['fail-before-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx', outcomes: ['rate-limit'] });
    const { sms, calls } = setup({}, [twilio, telnyx]);
    const { error: first } = await settle(sms.send({ to, body: 'Hi', idempotencyKey: 'k' }));
    const { error: replayed } = await settle(sms.send({ to, body: 'Hi', idempotencyKey: 'k' }));
    expect(FinalFailureError.isInstance(replayed)).toBe(true);
    expect(replayed?.toJSON()).toEqual(first?.toJSON());
    expect(calls()).toBe(2);
  });

  it('keeps an unknown outcome unknown: a repeat is never re-sent', async () => {
    const { sms, provider } = setup({}, [createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send'] })]);
    await settle(sms.send({ to, body: 'Hi', idempotencyKey: 'k' }));
    const { error } = await settle(sms.send({ to, body: 'Hi', idempotencyKey: 'k' }));
    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
    expect(provider.calls).toHaveLength(1);
  });

  it('does not record a refusal before any provider call: a quota refusal frees the key', async () => {
    const store = createInMemoryIdempotencyStore();
    const release = vi.spyOn(store, 'release');
    const { sms, calls } = setup({ quotas: { hourly: 1 }, idempotency: { store, inFlight: 'fail' } });
    await sms.send({ to, body: 'first', idempotencyKey: 'a', tenantId: 'org-1' });
    const { error } = await settle(sms.send({ to, body: 'second', idempotencyKey: 'b', tenantId: 'org-1' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(release).toHaveBeenCalledTimes(1);
    // Freed, not in flight: the same key is refused by the quota again, not as a duplicate.
    const { error: again } = await settle(sms.send({ to, body: 'second', idempotencyKey: 'b', tenantId: 'org-1' }));
    expect(again).toMatchObject({ code: 'RATE_LIMITED' });
    expect(calls()).toBe(1);
  });

  it('sends again once the retention has passed', async () => {
    const { sms, calls } = setup({ idempotency: { retentionMs: 60_000 } });
    await sms.send({ to, body: 'Hi', idempotencyKey: 'k' });
    vi.advanceTimersByTime(60_000);
    await sms.send({ to, body: 'Hi', idempotencyKey: 'k' });
    expect(calls()).toBe(2);
  });

  it('takes the key over from a crashed holder once its lease ran out, and sends once', async () => {
    const store = createInMemoryIdempotencyStore();
    const { sms, calls } = setup({ idempotency: { store, pollIntervalMs: 1_000, waitTimeoutMs: 120_000 } });
    // A holder that claimed this key and died: its in-flight record lasts for its lease.
    const fingerprint = fingerprintSendRequest({ to, from: undefined, body: 'Hi', mediaUrls: [], sendAt: undefined });
    await store.claim({ key: idempotencyRecordKey({ tenantId: undefined, idempotencyKey: 'k' }), fingerprint, token: 'dead-holder', leaseMs: 30_000 });
    const sending = sms.send({ to, body: 'Hi', idempotencyKey: 'k' });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(calls()).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(sending).resolves.toMatchObject({ provider: 'twilio' });
    expect(calls()).toBe(1);
  });

  it('sends without a key as before: every call is a new message', async () => {
    const { sms, calls } = setup();
    await sms.send({ to, body: 'Hi' });
    await sms.send({ to, body: 'Hi' });
    expect(calls()).toBe(2);
  });
});

describe('SMSService idempotency: the store failing', () => {
  const brokenStore = (): IdempotencyStore => ({
    claim: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
    complete: async () => true,
    release: async () => undefined,
  });

  it('refuses to send without a claim by default, with a clear error', async () => {
    const { sms, calls, published } = setup({ idempotency: { store: brokenStore() } });
    const { error } = await settle(sms.send({ to, body: 'Hi', idempotencyKey: 'k' }));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'IDEMPOTENCY_STORE_UNAVAILABLE', retryable: true, outcomeUnknown: false });
    expect(error?.message).toContain('did not answer (connect ECONNREFUSED 127.0.0.1:6379)');
    expect(error?.message).toContain("'send-without-claim'");
    expect(calls()).toBe(0);
    expect(published.map((event) => event.type)).toEqual(['sms.failed']);
  });

  it("sends unprotected with onStoreUnavailable 'send-without-claim', and reports it", async () => {
    const onBackgroundError = vi.fn();
    const { sms, calls } = setup({ idempotency: { store: brokenStore(), onStoreUnavailable: 'send-without-claim' }, onBackgroundError });
    await expect(sms.send({ to, body: 'Hi', idempotencyKey: 'k' })).resolves.toMatchObject({ provider: 'twilio' });
    expect(calls()).toBe(1);
    expect(onBackgroundError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('ECONNREFUSED') }), expect.objectContaining({ stage: 'idempotency' }));
  });

  it('keeps a sent result when the store fails to record it, and reports it', async () => {
    const store = createInMemoryIdempotencyStore();
    vi.spyOn(store, 'complete').mockRejectedValue(new Error('Redis went away'));
    const onBackgroundError = vi.fn();
    const { sms, calls } = setup({ idempotency: { store }, onBackgroundError });
    await expect(sms.send({ to, body: 'Hi', idempotencyKey: 'k' })).resolves.toMatchObject({ provider: 'twilio' });
    expect(calls()).toBe(1);
    expect(onBackgroundError.mock.calls.map(([error, context]) => [(error as Error).message, context.stage])).toEqual([['Redis went away', 'idempotency']]);
  });

  it('reports a key it could not free after a quota refusal (it stays in flight until its lease ends)', async () => {
    const store = createInMemoryIdempotencyStore();
    vi.spyOn(store, 'release').mockRejectedValue(new Error('Redis went away'));
    const onBackgroundError = vi.fn();
    const { sms } = setup({ quotas: { hourly: 1 }, idempotency: { store }, onBackgroundError });
    await sms.send({ to, body: 'first', idempotencyKey: 'a', tenantId: 'org-1' });
    const { error } = await settle(sms.send({ to, body: 'second', idempotencyKey: 'b', tenantId: 'org-1' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(onBackgroundError.mock.calls.map(([failure, context]) => [(failure as Error).message, context.stage])).toEqual([['Redis went away', 'idempotency']]);
  });

  it('reports a lease lost to another holder: the message may have been sent twice', async () => {
    const store = createInMemoryIdempotencyStore();
    vi.spyOn(store, 'complete').mockResolvedValue(false);
    const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const { sms } = setup({ idempotency: { store } });
    await sms.send({ to, body: 'Hi', idempotencyKey: 'k' });
    expect(warning).toHaveBeenCalledWith(expect.stringMatching(/could not keep the idempotency record of message .*ran out and another send took its key over/), expect.objectContaining({ code: 'TOOLS_CORE_BACKGROUND' }));
    warning.mockRestore();
  });
});

describe('new SMSService: idempotency options are checked at construction', () => {
  const provider = createFakeProvider();
  it.each<[string, Partial<SMSServiceOptions>, RegExp]>([
    ['an unknown option', { idempotency: { ttl: 5 } as never }, /options\.idempotency\.ttl: is not a known option/],
    ['a store without claim', { idempotency: { store: {} as never } }, /options\.idempotency\.store: is not an IdempotencyStore/],
    ['a lease shorter than the retry budget', { idempotency: { leaseMs: 60_000 } }, /options\.idempotency\.leaseMs: 60000 ms is shorter than a send may take .*pass at least 90000/],
    ['a bad in-flight policy', { idempotency: { inFlight: 'queue' as never } }, /options\.idempotency\.inFlight: "queue" is not allowed/],
    ['a bad store policy', { idempotency: { onStoreUnavailable: 'ignore' as never } }, /options\.idempotency\.onStoreUnavailable/],
    ['a retention under a second', { idempotency: { retentionMs: 10 } }, /options\.idempotency\.retentionMs/],
  ])('%s', (_name, options, message) => {
    expect(() => new SMSService({ providers: [provider], ...options })).toThrow(message);
  });

  it('accepts a short lease when retries are off', () => {
    expect(() => new SMSService({ providers: [provider], retry: false, idempotency: { leaseMs: 60_000 } })).not.toThrow();
  });
});
