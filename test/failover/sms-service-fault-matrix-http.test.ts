/**
 * The fault matrix through `SMSService` and the real Twilio and Telnyx adapters, with nock answering
 * on the wire (test/support/intercept-http.ts). Backoff waits run on fake timers; the POSTs are
 * counted, so "no message sent twice" is checked on the wire itself.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FinalFailureError, type SmsError } from '../../src/errors';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { SmsEvent, SmsRetryingEvent } from '../../src/events/sms-event';
import { createTelnyxProvider } from '../../src/providers/telnyx';
import { createTwilioProvider } from '../../src/providers/twilio';
import type { SmsProvider } from '../../src/providers/provider';
import { SMSService } from '../../src/service/sms-service';
import type { SMSServiceOptions } from '../../src/service/sms-service-options';
import * as telnyx from '../providers/telnyx/support/telnyx-fixtures';
import * as twilio from '../providers/twilio/support/twilio-fixtures';
import { nock, recordRequests, socketError, type RecordedRequest } from '../support/intercept-http';

const to = twilio.TO;
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

const twilioProvider = (timeoutMs = 10_000) => createTwilioProvider({ accountSid: twilio.ACCOUNT_SID, authToken: twilio.AUTH_TOKEN, from: twilio.FROM, timeoutMs });
const telnyxProvider = () => createTelnyxProvider({ apiKey: telnyx.API_KEY, from: telnyx.FROM });

function setup(providers: SmsProvider[], options: Partial<SMSServiceOptions> = {}) {
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));
  return { sms: new SMSService({ providers, events, retry: { random: () => 0 }, ...options }), published };
}

const twilioPosts = (scope: nock.Scope): RecordedRequest[] => recordRequests(scope);

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

describe('SMSService fault matrix over the real adapters (nock)', () => {
  it('connection refused on Twilio: fails over to Telnyx, one message sent', async () => {
    const twilioScope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).replyWithError(socketError('ECONNREFUSED', 'connect'));
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(200, telnyx.telnyxMessage());
    const [twilioRequests, telnyxRequests] = [twilioPosts(twilioScope), recordRequests(telnyxScope)];
    const { sms, published } = setup([twilioProvider(), telnyxProvider()]);
    const { result } = await settle(sms.send({ to, body: 'Hi' }), published);
    expect(result).toMatchObject({ provider: 'telnyx', providerMessageId: telnyx.MESSAGE_ID });
    expect(result?.attempts.map((attempt) => `${attempt.provider}:${attempt.outcome}:${attempt.errorReason}`)).toEqual(['twilio:not_sent:CONNECTION_FAILED', 'telnyx:sent:null']);
    expect([twilioRequests.length, telnyxRequests.length]).toEqual([1, 1]);
  });

  it('401 on Twilio: fails over to Telnyx', async () => {
    const twilioScope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(401, twilio.twilioErrorBody(20003, 401, 'Authenticate'));
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(200, telnyx.telnyxMessage());
    const [twilioRequests, telnyxRequests] = [twilioPosts(twilioScope), recordRequests(telnyxScope)];
    const { sms, published } = setup([twilioProvider(), telnyxProvider()]);
    const { result } = await settle(sms.send({ to, body: 'Hi' }), published);
    expect(result?.attempts.map((attempt) => attempt.errorCode)).toEqual(['AUTH_ERROR', null]);
    expect([twilioRequests.length, telnyxRequests.length]).toEqual([1, 1]);
  });

  it('21211 invalid number: one POST, no failover, no retry, no breaker trip', async () => {
    const twilioScope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(400, twilio.twilioErrorBody(21211, 400, "The 'To' number is not a valid phone number."));
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(200, telnyx.telnyxMessage());
    const [twilioRequests, telnyxRequests] = [twilioPosts(twilioScope), recordRequests(telnyxScope)];
    const { sms, published } = setup([twilioProvider(), telnyxProvider()], { circuitBreaker: { failureThreshold: 1 } });
    const { error } = await settle(sms.send({ to, body: 'Hi' }), published);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', providerCode: '21211' });
    expect([twilioRequests.length, telnyxRequests.length]).toEqual([1, 0]);
    expect(sms.health().providers[0]).toMatchObject({ provider: 'twilio', state: 'closed', consecutiveFailures: 0 });
  });

  it.each<[string, Record<string, string>, number]>([
    ['seconds', { 'Retry-After': '2' }, 2_000],
    ['milliseconds (retry-after-ms)', { 'retry-after-ms': '1250' }, 1_250],
    ['an HTTP-date', { 'Retry-After': new Date(Date.UTC(2026, 0, 1, 0, 0, 3)).toUTCString() }, 3_000],
  ])('429 with Retry-After as %s: waits exactly that long, retries, one message sent', async (_name, headers, waitMs) => {
    const scope = nock(twilio.TWILIO_ORIGIN)
      .post(twilio.MESSAGES_PATH)
      .reply(429, twilio.twilioErrorBody(20429, 429, 'Too Many Requests'), headers)
      .post(twilio.MESSAGES_PATH)
      .reply(201, twilio.twilioMessage());
    const requests = twilioPosts(scope);
    const { sms, published } = setup([twilioProvider()]);
    const sending = sms.send({ to, body: 'Hi' });
    await untilReal(() => published.some((event) => event.type === 'sms.retrying'));
    expect(published[0]?.data).toMatchObject({ code: 'RETRYING', attempt: 2, delay_ms: waitMs, provider: 'twilio' });
    await vi.advanceTimersByTimeAsync(waitMs - 1);
    for (let turn = 0; turn < 20; turn += 1) await realTurn();
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const { result } = await settle(sending, published);
    expect(result?.attempts.map((attempt) => `${attempt.outcome}:${attempt.providerCode}`)).toEqual(['not_sent:20429', 'sent:null']);
    expect(requests).toHaveLength(2);
    expect(published.map((event) => event.type)).toEqual(['sms.retrying', 'sms.sent']);
  });

  it('500 on the create: outcome unknown, ends as TIMEOUT, no failover, exactly one POST in total', async () => {
    const twilioScope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).times(5).reply(500, twilio.twilioErrorBody(20500, 500, 'Internal Server Error'));
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).times(5).reply(200, telnyx.telnyxMessage());
    const [twilioRequests, telnyxRequests] = [twilioPosts(twilioScope), recordRequests(telnyxScope)];
    const { sms, published } = setup([twilioProvider(), telnyxProvider()]);
    const { error } = await settle(sms.send({ to, body: 'Hi' }), published);
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true, httpStatus: 500, providerCode: '20500' });
    expect(twilioRequests.length + telnyxRequests.length).toBe(1);
  });

  it('a response that never arrives: outcome unknown, no failover, exactly one POST in total', async () => {
    const twilioScope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).times(5).delay(60_000).reply(201, twilio.twilioMessage());
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).times(5).reply(200, telnyx.telnyxMessage());
    const [twilioRequests, telnyxRequests] = [twilioPosts(twilioScope), recordRequests(telnyxScope)];
    const { sms, published } = setup([twilioProvider(5_000), telnyxProvider()]);
    const sending = sms.send({ to, body: 'Hi' });
    // Rejects while fake time moves below; settle() reads it afterwards.
    sending.catch(() => undefined);
    await untilReal(() => twilioRequests.length === 1);
    await vi.advanceTimersByTimeAsync(5_000);
    const { error } = await settle(sending, published);
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true });
    expect(twilioRequests.length + telnyxRequests.length).toBe(1);
  });

  it('both providers down: rounds of retries, then FINAL_FAILURE listing both, nothing sent', async () => {
    const twilioScope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).times(3).replyWithError(socketError('ECONNREFUSED', 'connect'));
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).times(3).reply(429, telnyx.telnyxErrorBody('10011', 'Too many requests'));
    const [twilioRequests, telnyxRequests] = [twilioPosts(twilioScope), recordRequests(telnyxScope)];
    const { sms, published } = setup([twilioProvider(), telnyxProvider()]);
    const { error } = await settle(sms.send({ to, body: 'Hi' }), published);
    expect(FinalFailureError.isInstance(error)).toBe(true);
    expect((error as FinalFailureError).errors.map((each) => `${each.provider}:${each.code}`)).toEqual([
      'twilio:PROVIDER_ERROR',
      'telnyx:RATE_LIMITED',
      'twilio:PROVIDER_ERROR',
      'telnyx:RATE_LIMITED',
      'twilio:PROVIDER_ERROR',
      'telnyx:RATE_LIMITED',
    ]);
    expect([twilioRequests.length, telnyxRequests.length]).toEqual([3, 3]);
    expect(published.map((event) => event.type)).toEqual(['sms.retrying', 'sms.retrying', 'sms.failed']);
  });

  it('the breaker opens on a dead Twilio, later sends skip it without a POST, a probe closes it', async () => {
    const deadTwilio = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).times(2).replyWithError(socketError('ECONNREFUSED', 'connect'));
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).times(3).reply(200, telnyx.telnyxMessage());
    const [twilioRequests, telnyxRequests] = [twilioPosts(deadTwilio), recordRequests(telnyxScope)];
    const { sms, published } = setup([twilioProvider(), telnyxProvider()], { circuitBreaker: { failureThreshold: 2, cooldownMs: 30_000 } });
    for (let index = 0; index < 3; index += 1) expect((await settle(sms.send({ to, body: `Hi ${index}` }), published)).result?.provider).toBe('telnyx');
    expect([twilioRequests.length, telnyxRequests.length]).toEqual([2, 3]);
    expect(sms.health()).toMatchObject({ status: 'degraded', providers: [{ provider: 'twilio', state: 'open' }, { provider: 'telnyx', state: 'closed' }] });

    const healedTwilio = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(201, twilio.twilioMessage());
    const probeRequests = twilioPosts(healedTwilio);
    await vi.advanceTimersByTimeAsync(30_000);
    const { result } = await settle(sms.send({ to, body: 'probe' }), published);
    expect(result?.provider).toBe('twilio');
    expect(probeRequests).toHaveLength(1);
    expect(sms.health().status).toBe('ok');
  });
});
