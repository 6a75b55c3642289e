/**
 * The fault matrix through `SMSService` and the real adapters of every built-in vendor, with nock
 * answering on the wire as each vendor documents (test/support/vendor-fixture.ts): the failover cases
 * over every ordered pair of vendors, the single-provider cases over each vendor. Backoff waits run on
 * fake timers; the create requests are counted, so "no message sent twice" is checked on the wire itself.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FinalFailureError, type SmsError } from '../../src/errors';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { SmsEvent, SmsRetryingEvent } from '../../src/events/sms-event';
import { BUILT_IN_PROVIDERS } from '../../src/providers/built-in-providers';
import type { SmsProvider } from '../../src/providers/provider';
import { SMSService } from '../../src/service/sms-service';
import type { SMSServiceOptions } from '../../src/service/sms-service-options';
import { nock, recordRequests, socketError } from '../support/intercept-http';
import { loadVendorFixtures, type VendorFixture } from '../support/vendor-fixture';

const fixtures = await loadVendorFixtures(BUILT_IN_PROVIDERS.map((definition) => definition.id));
const pairs = fixtures.flatMap((primary) => fixtures.filter((fallback) => fallback !== primary).map((fallback) => [`${primary.id} → ${fallback.id}`, primary, fallback] as const));
const singles = fixtures.map((fixture) => [fixture.id, fixture] as const);
const to = '+14155552671';
const unmatched: string[] = [];
const onNoMatch = (request: { method?: string; path?: string }) => void unmatched.push(`${request.method} ${request.path}`);

beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on('no match', onNoMatch);
});
beforeEach(() => {
  unmatched.length = 0;
  // Only the clock and timers: nock and the SDKs keep their real setImmediate and I/O.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'], now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
  nock.abortPendingRequests();
  nock.cleanAll();
  expect(unmatched).toEqual([]);
});
afterAll(() => {
  nock.emitter.removeListener('no match', onNoMatch);
  nock.enableNetConnect();
});


function setup(providers: SmsProvider[], options: Partial<SMSServiceOptions> = {}) {
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));
  return { sms: new SMSService({ providers, events, retry: { random: () => 0 }, ...options }), published };
}

/** `times` create requests to `fixture`, all answered by `reply`. */
function expectSends(fixture: VendorFixture, reply: (interceptor: nock.Interceptor) => nock.Scope, times = 1) {
  return recordRequests(reply(fixture.send().times(times)));
}

/** One turn of the real event loop: I/O (the SDK import, nock's replies) runs, fake time stands still. */
const realTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Lets real I/O run without moving fake time, until `ready()` (at most 5 real seconds). */
async function untilReal(ready: () => boolean): Promise<void> {
  const deadline = process.hrtime.bigint() + 5_000_000_000n;
  while (!ready() && process.hrtime.bigint() < deadline) await realTurn();
  expect(ready()).toBe(true);
}

/**
 * Settles a send. Fake time moves only when the send waits for a retry, by the delay its
 * `sms.retrying` event announced; everything else is real I/O.
 */
async function settle<T>(promise: Promise<T>, published: readonly SmsEvent[]): Promise<{ result?: T; error?: SmsError }> {
  let outcome: { result?: T; error?: SmsError } | undefined;
  void promise.then(
    (result) => (outcome = { result }),
    (error: unknown) => (outcome = { error: error as SmsError }),
  );
  const retries = () => published.filter((event) => event.type === 'sms.retrying');
  for (let waited = retries().length; ; waited += 1) {
    await untilReal(() => outcome !== undefined || retries().length > waited);
    if (outcome !== undefined) return outcome;
    await vi.advanceTimersByTimeAsync((retries()[waited] as SmsRetryingEvent).data.delay_ms);
  }
}

describe.each(pairs)('SMSService fault matrix over the real adapters (nock), %s', (_pair, primary, fallback) => {
  it('connection refused on the primary: fails over, one message sent', async () => {
    const primaryRequests = expectSends(primary, (interceptor) => interceptor.replyWithError(socketError('ECONNREFUSED', 'connect')));
    const fallbackRequests = expectSends(fallback, fallback.reply.accepted);
    const { sms, published } = setup([primary.createProvider(), fallback.createProvider()]);
    const { result } = await settle(sms.send({ to, body: 'Hi' }), published);
    expect(result).toMatchObject({ provider: fallback.id, providerMessageId: fallback.acceptedMessageId });
    expect(result?.attempts.map((attempt) => `${attempt.provider}:${attempt.outcome}:${attempt.errorReason}`)).toEqual([`${primary.id}:not_sent:CONNECTION_FAILED`, `${fallback.id}:sent:null`]);
    expect([primaryRequests.length, fallbackRequests.length]).toEqual([1, 1]);
  });

  it('credentials refused on the primary: fails over', async () => {
    const primaryRequests = expectSends(primary, primary.reply.authenticationFailed);
    const fallbackRequests = expectSends(fallback, fallback.reply.accepted);
    const { sms, published } = setup([primary.createProvider(), fallback.createProvider()]);
    const { result } = await settle(sms.send({ to, body: 'Hi' }), published);
    expect(result?.attempts.map((attempt) => attempt.errorCode)).toEqual(['AUTH_ERROR', null]);
    expect([primaryRequests.length, fallbackRequests.length]).toEqual([1, 1]);
  });

  it('an invalid number: one request, no failover, no retry, no breaker trip', async () => {
    const primaryRequests = expectSends(primary, primary.reply.invalidRecipient);
    const fallbackRequests = recordRequests(fallback.reply.accepted(fallback.send()));
    const { sms, published } = setup([primary.createProvider(), fallback.createProvider()], { circuitBreaker: { failureThreshold: 1 } });
    const { error } = await settle(sms.send({ to, body: 'Hi' }), published);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', fault: 'request', providerCode: primary.providerCodes.invalidRecipient ?? undefined });
    expect([primaryRequests.length, fallbackRequests.length]).toEqual([1, 0]);
    expect(sms.health().providers[0]).toMatchObject({ provider: primary.id, state: 'closed', consecutiveFailures: 0 });
  });

  it('5xx on the create: outcome unknown, no failover, exactly one create request in total', async () => {
    const primaryRequests = expectSends(primary, primary.reply.serverError, 5);
    const fallbackRequests = expectSends(fallback, fallback.reply.accepted, 5);
    const { sms, published } = setup([primary.createProvider(), fallback.createProvider()]);
    const { error } = await settle(sms.send({ to, body: 'Hi' }), published);
    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true, providerCode: primary.providerCodes.serverError ?? undefined });
    expect(primaryRequests.length + fallbackRequests.length).toBe(1);
  });

  it('a response that never arrives: outcome unknown, no failover, exactly one create request in total', async () => {
    // An answer that never comes: the adapter's deadline ends the attempt; afterEach aborts the request.
    const primaryRequests = expectSends(primary, (interceptor) => interceptor.reply(() => new Promise<never>(() => undefined)), 5);
    const fallbackRequests = expectSends(fallback, fallback.reply.accepted, 5);
    const { sms, published } = setup([primary.createProvider({ timeoutMs: 5_000 }), fallback.createProvider()]);
    const sending = sms.send({ to, body: 'Hi' });
    // Rejects while fake time moves below; settle() reads it afterwards.
    sending.catch(() => undefined);
    await untilReal(() => primaryRequests.length === 1);
    await vi.advanceTimersByTimeAsync(5_000);
    const { error } = await settle(sending, published);
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true });
    expect(primaryRequests.length + fallbackRequests.length).toBe(1);
  });

  it('both providers down: rounds of retries, then FINAL_FAILURE listing both, nothing sent', async () => {
    const primaryRequests = expectSends(primary, (interceptor) => interceptor.replyWithError(socketError('ECONNREFUSED', 'connect')), 3);
    const fallbackRequests = expectSends(fallback, (interceptor) => fallback.reply.rateLimited(interceptor), 3);
    const { sms, published } = setup([primary.createProvider(), fallback.createProvider()]);
    const { error } = await settle(sms.send({ to, body: 'Hi' }), published);
    expect(FinalFailureError.isInstance(error)).toBe(true);
    const round = [`${primary.id}:PROVIDER_ERROR`, `${fallback.id}:RATE_LIMITED`];
    expect((error as FinalFailureError).errors.map((each) => `${each.provider}:${each.code}`)).toEqual([...round, ...round, ...round]);
    expect([primaryRequests.length, fallbackRequests.length]).toEqual([3, 3]);
    expect(published.map((event) => event.type)).toEqual(['sms.retrying', 'sms.retrying', 'sms.failed']);
  });

  it('the breaker opens on a dead primary, later sends skip it without a request, a probe closes it', async () => {
    const deadRequests = expectSends(primary, (interceptor) => interceptor.replyWithError(socketError('ECONNREFUSED', 'connect')), 2);
    const fallbackRequests = expectSends(fallback, fallback.reply.accepted, 3);
    const { sms, published } = setup([primary.createProvider(), fallback.createProvider()], { circuitBreaker: { failureThreshold: 2, cooldownMs: 30_000 } });
    for (let index = 0; index < 3; index += 1) expect((await settle(sms.send({ to, body: `Hi ${index}` }), published)).result?.provider).toBe(fallback.id);
    expect([deadRequests.length, fallbackRequests.length]).toEqual([2, 3]);
    expect(sms.health()).toMatchObject({ status: 'degraded', providers: [{ provider: primary.id, state: 'open' }, { provider: fallback.id, state: 'closed' }] });

    const probeRequests = expectSends(primary, primary.reply.accepted);
    await vi.advanceTimersByTimeAsync(30_000);
    const { result } = await settle(sms.send({ to, body: 'probe' }), published);
    expect(result?.provider).toBe(primary.id);
    expect(probeRequests).toHaveLength(1);
    expect(sms.health().status).toBe('ok');
  });
});

describe.each(singles)('SMSService over the real %s adapter (nock)', (_id, fixture) => {
  it.each<[string, Record<string, string>, number]>([
    ['seconds', { 'Retry-After': '2' }, 2_000],
    ['an HTTP-date', { 'Retry-After': new Date(Date.UTC(2026, 0, 1, 0, 0, 3)).toUTCString() }, 3_000],
  ])('429 with Retry-After as %s: waits exactly that long, retries, one message sent', async (_name, headers, waitMs) => {
    const limited = recordRequests(fixture.reply.rateLimited(fixture.send(), headers));
    const accepted = recordRequests(fixture.reply.accepted(fixture.send()));
    const requests = { get length() { return limited.length + accepted.length; } };
    const { sms, published } = setup([fixture.createProvider()]);
    const sending = sms.send({ to, body: 'Hi' });
    await untilReal(() => published.some((event) => event.type === 'sms.retrying'));
    expect(published[0]?.data).toMatchObject({ code: 'RETRYING', attempt: 2, delay_ms: waitMs, provider: fixture.id });
    await vi.advanceTimersByTimeAsync(waitMs - 1);
    for (let turn = 0; turn < 20; turn += 1) await realTurn();
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const { result } = await settle(sending, published);
    expect(result?.attempts.map((attempt) => `${attempt.outcome}:${attempt.providerCode}`)).toEqual([`not_sent:${fixture.providerCodes.rateLimited}`, 'sent:null']);
    expect(requests).toHaveLength(2);
    expect(published.map((event) => event.type)).toEqual(['sms.retrying', 'sms.sent']);
  });
});
