import { inspect } from 'node:util';
import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { ValidationError } from '../../../src/errors/validation-error';
import { createTwilioProvider } from '../../../src/providers/twilio';
import type { TwilioClientLike, TwilioProviderSettings } from '../../../src/providers/twilio';
import { nock, recordRequests, sleep, socketError } from '../../support/intercept-http';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  BASIC_AUTH,
  FROM,
  MESSAGES_PATH,
  MESSAGE_SID,
  MESSAGING_SERVICE_SID,
  TO,
  TWILIO_ORIGIN,
  sendRequest,
  twilioErrorBody,
  twilioMessage,
} from './support/twilio-fixtures';

const settings = (overrides: Partial<TwilioProviderSettings> = {}): TwilioProviderSettings => ({
  accountSid: ACCOUNT_SID,
  authToken: AUTH_TOKEN,
  from: FROM,
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  try {
    await promise;
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw new Error(`expected an SmsError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the send to reject');
}

/** Everything an error could leak through: message, JSON, String(), and a deep inspect with causes. */
function exposedText(error: SmsError): string {
  return `${error.message} ${JSON.stringify(error)} ${String(error)} ${inspect(error, { depth: 10 })}`;
}

beforeAll(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});

afterAll(() => {
  nock.enableNetConnect();
});

describe('createTwilioProvider: the request on the wire', () => {
  it('POSTs one form-encoded message with Basic auth to the account Messages endpoint', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    const requests = recordRequests(scope);
    const provider = createTwilioProvider(settings({ statusCallbackUrl: 'https://hooks.example.com/sms/twilio' }));

    const result = await provider.send(sendRequest());

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.pathname).toBe(MESSAGES_PATH);
    expect(request?.headers.get('authorization')).toBe(BASIC_AUTH);
    expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(request?.body);
    expect(Object.fromEntries(form)).toEqual({
      To: TO,
      From: FROM,
      Body: 'Your code is 482913',
      StatusCallback: 'https://hooks.example.com/sms/twilio?message_id=msg_01HZX4K8Q2',
    });
    expect(result).toEqual({ providerMessageId: MESSAGE_SID, status: 'queued', from: FROM, segments: 1 });
    expect(scope.isDone()).toBe(true);
  });

  it('sends MMS media as repeated MediaUrl fields, in order', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage({ num_media: '2' }));
    const requests = recordRequests(scope);
    const provider = createTwilioProvider(settings());
    const mediaUrls = ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.png?size=large'];

    await provider.send(sendRequest({ mediaUrls }));

    const form = new URLSearchParams(requests[0]?.body);
    expect(form.getAll('MediaUrl')).toEqual(mediaUrls);
    expect(form.get('Body')).toBe('Your code is 482913');
  });

  it('omits Body for a media-only MMS', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage({ body: '' }));
    const requests = recordRequests(scope);
    const provider = createTwilioProvider(settings());

    await provider.send(sendRequest({ body: '', mediaUrls: ['https://cdn.example.com/a.jpg'] }));

    const form = new URLSearchParams(requests[0]?.body);
    expect(form.has('Body')).toBe(false);
    expect(form.getAll('MediaUrl')).toEqual(['https://cdn.example.com/a.jpg']);
  });

  it('keeps existing query parameters and the fragment of the status callback URL', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    const requests = recordRequests(scope);
    const provider = createTwilioProvider(settings({ statusCallbackUrl: 'https://hooks.example.com/status?tenant=acme&v=2#rc=3' }));

    await provider.send(sendRequest({ messageId: 'msg 7/α' }));

    const callback = new URL(new URLSearchParams(requests[0]?.body).get('StatusCallback') ?? '');
    expect(callback.searchParams.get('tenant')).toBe('acme');
    expect(callback.searchParams.get('v')).toBe('2');
    expect(callback.searchParams.get('message_id')).toBe('msg 7/α');
    expect(callback.hash).toBe('#rc=3');
    expect(callback.pathname).toBe('/status');
  });

  it('sends no StatusCallback when none is configured', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    const requests = recordRequests(scope);
    await createTwilioProvider(settings()).send(sendRequest());
    expect(new URLSearchParams(requests[0]?.body).has('StatusCallback')).toBe(false);
  });

  it.each([
    { given: 120, sent: '120' },
    { given: 120.9, sent: '120' },
    { given: 0.4, sent: '1' },
    { given: 36_000, sent: '36000' },
    { given: 86_400, sent: '36000' },
  ])('passes validityPeriodSeconds $given as ValidityPeriod $sent (whole seconds, 1–36000)', async ({ given, sent }) => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    const requests = recordRequests(scope);
    await createTwilioProvider(settings()).send(sendRequest({ validityPeriodSeconds: given }));
    expect(new URLSearchParams(requests[0]?.body).get('ValidityPeriod')).toBe(sent);
  });

  it('uses the Messaging Service and the request sender when both are given', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage({ status: 'accepted', messaging_service_sid: MESSAGING_SERVICE_SID }));
    const requests = recordRequests(scope);
    const provider = createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, messagingServiceSid: MESSAGING_SERVICE_SID });

    const result = await provider.send(sendRequest({ from: 'Ocelot' }));

    const form = new URLSearchParams(requests[0]?.body);
    expect(form.get('MessagingServiceSid')).toBe(MESSAGING_SERVICE_SID);
    expect(form.get('From')).toBe('Ocelot');
    expect(result.status).toBe('queued');
  });

  it('schedules with SendAt and ScheduleType=fixed through a Messaging Service', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage({ status: 'scheduled', messaging_service_sid: MESSAGING_SERVICE_SID }));
    const requests = recordRequests(scope);
    const provider = createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, messagingServiceSid: MESSAGING_SERVICE_SID });
    expect(provider.capabilities?.scheduling).toBe(true);

    const result = await provider.send(sendRequest({ sendAt: new Date('2030-01-02T03:04:05.000Z') }));

    const form = new URLSearchParams(requests[0]?.body);
    expect(form.get('SendAt')).toBe('2030-01-02T03:04:05Z');
    expect(form.get('ScheduleType')).toBe('fixed');
    expect(form.get('MessagingServiceSid')).toBe(MESSAGING_SERVICE_SID);
    expect(form.has('From')).toBe(false);
    expect(result.status).toBe('queued');
  });
});

describe('createTwilioProvider: requests refused before any HTTP', () => {
  const refusals: { name: string; request: Parameters<ReturnType<typeof createTwilioProvider>['send']>[0]; field: string; reason: string }[] = [
    { name: 'scheduling without a Messaging Service', request: sendRequest({ sendAt: new Date('2030-01-01T00:00:00Z') }), field: 'sendAt', reason: 'SCHEDULING_REQUIRES_MESSAGING_SERVICE' },
    { name: 'more than 10 media URLs', request: sendRequest({ mediaUrls: Array.from({ length: 11 }, (_, index) => `https://cdn.example.com/${index}.jpg`) }), field: 'mediaUrls', reason: 'TOO_MANY_MEDIA_URLS' },
    { name: 'a validity period of 0', request: sendRequest({ validityPeriodSeconds: 0 }), field: 'validityPeriodSeconds', reason: 'INVALID_VALIDITY_PERIOD' },
    { name: 'a negative validity period', request: sendRequest({ validityPeriodSeconds: -5 }), field: 'validityPeriodSeconds', reason: 'INVALID_VALIDITY_PERIOD' },
    { name: 'an invalid Date for sendAt', request: sendRequest({ sendAt: new Date('not a date') }), field: 'sendAt', reason: 'INVALID_SEND_AT' },
    { name: 'a malformed sender', request: sendRequest({ from: '+1 415 555' }), field: 'from', reason: 'INVALID_SENDER' },
  ];

  it.each(refusals)('refuses $name with a ValidationError and makes no request', async ({ request, field, reason }) => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    const requests = recordRequests(scope);
    const provider = createTwilioProvider(settings());

    const error = await rejection(provider.send(request));

    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason, field, fault: 'request', outcomeUnknown: false });
    expect(requests).toHaveLength(0);
  });

  it('does not start a request when the caller signal is already aborted', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    const requests = recordRequests(scope);
    const controller = new AbortController();
    controller.abort();

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest(), { signal: controller.signal }));

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', fault: 'request', outcomeUnknown: false, retryable: false, provider: 'twilio' });
    expect(requests).toHaveLength(0);
  });
});

describe('createTwilioProvider: documented error bodies', () => {
  const errorCases = [
    { status: 400, code: 21211, message: "The 'To' number +14155552671 is not a valid phone number.", expected: { code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', fault: 'request', retryable: false } },
    { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient', expected: { code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', fault: 'request', retryable: false } },
    { status: 400, code: 21408, message: 'Permission to send an SMS has not been enabled for the region indicated by the \'To\' number: +14155552671.', expected: { code: 'PROVIDER_ERROR', reason: 'DESTINATION_NOT_PERMITTED', fault: 'request', retryable: false } },
    { status: 401, code: 20003, message: 'Authenticate', expected: { code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', fault: 'provider', retryable: false } },
    { status: 400, code: 21606, message: "The From phone number +14155550199 is not a valid, SMS-capable inbound phone number or short code for your account.", expected: { code: 'PROVIDER_ERROR', reason: 'SENDER_NOT_SMS_CAPABLE', fault: 'provider', retryable: false } },
    { status: 400, code: 21611, message: "This 'From' number has exceeded the maximum number of queued messages", expected: { code: 'RATE_LIMITED', reason: 'SENDER_QUEUE_FULL', fault: 'provider', retryable: true } },
    { status: 400, code: 21617, message: 'The concatenated message body exceeds the 1600 character limit.', expected: { code: 'VALIDATION_ERROR', reason: 'BODY_TOO_LONG', fault: 'request', retryable: false } },
  ] as const;

  it.each(errorCases)('maps HTTP $status / $code through the table, not sent', async ({ status, code, message, expected }) => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(status, twilioErrorBody(code, status, message));
    const requests = recordRequests(scope);

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ ...expected, outcomeUnknown: false, provider: 'twilio', providerCode: String(code), httpStatus: status });
    expect(error.message).not.toContain(TO);
    expect(error.message).not.toContain(FROM);
    expect(requests).toHaveLength(1);
  });

  it('masks numbers in the vendor message of an unrecognised code', async () => {
    nock(TWILIO_ORIGIN)
      .post(MESSAGES_PATH)
      .reply(400, twilioErrorBody(21999, 400, 'Something new about +1 (415) 555-2671 happened'));

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'REQUEST_REJECTED', fault: 'request', providerCode: '21999', httpStatus: 400 });
    expect(error.message).toContain('Something new about [number] happened');
    expect(error.message).not.toMatch(/555.?2671/);
  });
});

describe('createTwilioProvider: exactly one POST, never a hidden retry', () => {
  const settle = () => sleep(300);

  it('429 with Retry-After (seconds): RATE_LIMITED, not sent, retryAfterMs, one POST', async () => {
    const scope = nock(TWILIO_ORIGIN)
      .post(MESSAGES_PATH)
      .times(5)
      .reply(429, twilioErrorBody(20429, 429, 'Too Many Requests'), { 'Retry-After': '7' });
    const requests = recordRequests(scope);

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));
    await settle();

    expect(error).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryable: true, fault: 'provider', outcomeUnknown: false, retryAfterMs: 7000, providerCode: '20429', httpStatus: 429 });
    expect(requests).toHaveLength(1);
  });

  it('429 with Retry-After as an HTTP-date', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(429, twilioErrorBody(20429, 429, 'Too Many Requests'), { 'Retry-After': at });

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBeGreaterThan(55_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('429 with retry-after-ms wins over Retry-After', async () => {
    nock(TWILIO_ORIGIN)
      .post(MESSAGES_PATH)
      .reply(429, twilioErrorBody(20429, 429, 'Too Many Requests'), { 'Retry-After': '9', 'retry-after-ms': '1250.5' });

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));

    expect(error.retryAfterMs).toBe(1251);
  });

  it('500 on the create: outcome unknown, not retryable, one POST', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).times(5).reply(500, twilioErrorBody(20500, 500, 'Internal Server Error'));
    const requests = recordRequests(scope);

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));
    await settle();

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true, retryable: false, providerCode: '20500', httpStatus: 500 });
    expect(requests).toHaveLength(1);
  });

  it('503 without a body: outcome unknown', async () => {
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(503, 'Service Unavailable');

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', outcomeUnknown: true, retryable: false, httpStatus: 503 });
  });

  it('a response that never arrives: TIMEOUT, outcome unknown, within timeoutMs, one POST', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).times(5).delay(2_000).reply(201, twilioMessage());
    const requests = recordRequests(scope);
    const provider = createTwilioProvider(settings({ timeoutMs: 200 }));

    const startedAt = Date.now();
    const error = await rejection(provider.send(sendRequest()));
    const elapsed = Date.now() - startedAt;
    await settle();

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true, retryable: false, provider: 'twilio' });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1_500);
    expect(requests).toHaveLength(1);
  });

  it('response headers that never arrive: TIMEOUT, outcome unknown, one POST', async () => {
    const scope = nock(TWILIO_ORIGIN)
      .post(MESSAGES_PATH)
      .times(5)
      .reply(async () => {
        await sleep(2_000);
        return [201, twilioMessage()];
      });
    const requests = recordRequests(scope);

    const error = await rejection(createTwilioProvider(settings({ timeoutMs: 200 })).send(sendRequest()));
    await settle();

    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it('the caller aborting mid-request: outcome unknown (ABORTED), one POST', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).times(5).delay(2_000).reply(201, twilioMessage());
    const requests = recordRequests(scope);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const startedAt = Date.now();
    const error = await rejection(createTwilioProvider(settings()).send(sendRequest(), { signal: controller.signal }));

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', outcomeUnknown: true, retryable: false });
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    expect(requests).toHaveLength(1);
  });
});

describe('createTwilioProvider: transport failures', () => {
  it.each([
    { code: 'ECONNREFUSED', syscall: 'connect' },
    { code: 'ENOTFOUND', syscall: 'getaddrinfo' },
    { code: 'EAI_AGAIN', syscall: 'getaddrinfo' },
    { code: 'ETIMEDOUT', syscall: 'connect' },
    { code: 'CERT_HAS_EXPIRED', syscall: 'connect' },
  ])('$code before connecting: CONNECTION_FAILED, not sent, retryable, provider fault', async ({ code, syscall }) => {
    const injected = socketError(code, syscall);
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).times(5).replyWithError(injected);
    const requests = recordRequests(scope);

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', fault: 'provider', retryable: true, outcomeUnknown: false, provider: 'twilio' });
    // The socket error axios wrapped, not the axios error (its config holds the Authorization header).
    expect(error.cause).toBe(injected);
    expect(error.toJSON().cause).toEqual({ name: 'Error', code });
    expect(requests).toHaveLength(1);
  });

  it('a connection reset after the request was written: outcome unknown', async () => {
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).replyWithError(socketError('ECONNRESET', 'read', -104));

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_LOST', outcomeUnknown: true, retryable: false });
  });

  it('a 2xx whose body is not JSON: accepted but unreadable, outcome unknown', async () => {
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, '<html>gateway</html>', { 'Content-Type': 'text/html' });

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true, httpStatus: 201 });
  });

  it('a 2xx without a sid: outcome unknown', async () => {
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, { status: 'queued' });

    const error = await rejection(createTwilioProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true });
  });
});

describe('createTwilioProvider: secrets stay private', () => {
  it('never shows the Auth Token in the provider, its JSON, String() or inspect()', async () => {
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    const provider = createTwilioProvider(settings());
    await provider.send(sendRequest());

    const shown = `${String(provider)} ${JSON.stringify(provider)} ${inspect(provider, { depth: 10, showHidden: true })}`;
    expect(shown).not.toContain(AUTH_TOKEN);
    expect(shown).not.toContain(BASIC_AUTH.slice('Basic '.length));
    expect(JSON.parse(JSON.stringify(provider))).toEqual({
      id: 'twilio',
      specificationVersion: 'v1',
      capabilities: { maxMediaUrls: 10, scheduling: false, validityPeriod: true },
    });
  });

  it.each([
    { name: '401', arrange: () => nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(401, twilioErrorBody(20003, 401, 'Authenticate')) },
    { name: 'connection refused', arrange: () => nock(TWILIO_ORIGIN).post(MESSAGES_PATH).replyWithError(socketError('ECONNREFUSED', 'connect')) },
    { name: 'reset', arrange: () => nock(TWILIO_ORIGIN).post(MESSAGES_PATH).replyWithError(socketError('ECONNRESET', 'read')) },
    { name: 'timeout', arrange: () => nock(TWILIO_ORIGIN).post(MESSAGES_PATH).delay(1_000).reply(201, twilioMessage()) },
  ])('never shows the Auth Token, the body or the number in a $name error', async ({ arrange }) => {
    arrange();
    const error = await rejection(createTwilioProvider(settings({ timeoutMs: 200 })).send(sendRequest()));

    const shown = exposedText(error);
    expect(shown).not.toContain(AUTH_TOKEN);
    expect(shown).not.toContain(BASIC_AUTH.slice('Basic '.length));
    expect(shown).not.toContain('482913');
    expect(shown).not.toContain(TO);
  });
});

describe('createTwilioProvider: a prebuilt client', () => {
  it('sends through the given twilio-node client and its credentials', async () => {
    const otherToken = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
    const client: TwilioClientLike = twilio(ACCOUNT_SID, otherToken, { autoRetry: false });
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    const requests = recordRequests(scope);

    const result = await createTwilioProvider(settings({ client })).send(sendRequest());

    expect(result.providerMessageId).toBe(MESSAGE_SID);
    expect(requests[0]?.headers.get('authorization')).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${otherToken}`).toString('base64')}`);
  });

  it('still aborts the prebuilt client request at the deadline and reads Retry-After', async () => {
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN, { autoRetry: false });
    const provider = createTwilioProvider(settings({ client, timeoutMs: 200 }));
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).delay(2_000).reply(201, twilioMessage());
    const timedOut = await rejection(provider.send(sendRequest()));
    expect(timedOut).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });

    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(429, twilioErrorBody(20429, 429, 'Too Many Requests'), { 'Retry-After': '2' });
    const limited = await rejection(provider.send(sendRequest()));
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000 });
  });

  it('refuses a client with autoRetry on, naming twilio.client', () => {
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN, { autoRetry: true });
    let thrown: unknown;
    try {
      createTwilioProvider(settings({ client }));
    } catch (error) {
      thrown = error;
    }
    expect(ValidationError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({ field: 'twilio.client', reason: 'INVALID_PROVIDER_SETTINGS' });
    expect((thrown as Error).message).toContain('autoRetry');
  });
});

describe('control: the counting above detects hidden retries', () => {
  it('a twilio-node client with autoRetry on re-POSTs a 429 (what the adapter switches off)', async () => {
    const scope = nock(TWILIO_ORIGIN).post(MESSAGES_PATH).times(5).reply(429, twilioErrorBody(20429, 429, 'Too Many Requests'));
    const requests = recordRequests(scope);
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN, { autoRetry: true, maxRetries: 2, maxRetryDelay: 5 });

    await expect(client.messages.create({ to: TO, from: FROM, body: 'x' })).rejects.toMatchObject({ status: 429 });

    expect(requests).toHaveLength(3);
  });
});

describe('createTwilioProvider: the signal reaches the socket', () => {
  it("the caller's abort cancels the HTTP request itself, not just the wait", async () => {
    let abortedOnTheWire: boolean | undefined;
    nock(TWILIO_ORIGIN)
      .post(MESSAGES_PATH)
      .reply(async (request: Request) => {
        await sleep(500);
        abortedOnTheWire = request.signal.aborted;
        return [201, twilioMessage()];
      });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    await rejection(createTwilioProvider(settings({ timeoutMs: 10_000 })).send(sendRequest(), { signal: controller.signal }));
    await sleep(600);

    expect(abortedOnTheWire).toBe(true);
  });
});
