import { inspect } from 'node:util';
import Telnyx from 'telnyx';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { ValidationError } from '../../../src/errors/validation-error';
import type { ProviderSendRequest } from '../../../src/providers/provider';
import { createTelnyxProvider } from '../../../src/providers/telnyx';
import type { TelnyxClientLike, TelnyxProviderSettings } from '../../../src/providers/telnyx';
import { nock, recordRequests, sleep, socketError } from '../../support/intercept-http';
import {
  API_KEY,
  FROM,
  MESSAGES_PATH,
  MESSAGE_ID,
  MESSAGING_PROFILE_ID,
  TELNYX_ORIGIN,
  TO,
  sendRequest,
  telnyxErrorBody,
  telnyxMessage,
} from './support/telnyx-fixtures';

const settings = (overrides: Partial<TelnyxProviderSettings> = {}): TelnyxProviderSettings => ({ apiKey: API_KEY, from: FROM, ...overrides });

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

/** An error and its causes, outermost first. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 8; current = (current as { cause?: unknown }).cause) chain.push(current);
  return chain;
}

/** A reply whose headers come only after `ms`: the response never arrives within a short timeout. */
const lateReply = (ms: number, status: number, body: unknown) => async (): Promise<[number, unknown]> => {
  await sleep(ms);
  return [status, body];
};

const nodeMajor = Number(process.versions.node.split('.')[0]);

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

describe('createTelnyxProvider: the request on the wire', () => {
  it('POSTs one JSON message with a Bearer token to /v2/messages', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage());
    const requests = recordRequests(scope);
    const provider = createTelnyxProvider(settings({ webhookUrl: 'https://hooks.example.com/sms/telnyx' }));

    const result = await provider.send(sendRequest());

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.href).toBe(`${TELNYX_ORIGIN}${MESSAGES_PATH}`);
    expect(request?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      to: TO,
      from: FROM,
      text: 'Your code is 482913',
      type: 'SMS',
      webhook_url: 'https://hooks.example.com/sms/telnyx?message_id=msg_01HZX4K8Q2',
    });
    expect(result).toEqual({ providerMessageId: MESSAGE_ID, status: 'queued', from: FROM, segments: 1 });
    expect(scope.isDone()).toBe(true);
  });

  it('sends an MMS with media_urls and type MMS, and the messaging profile', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage({ type: 'MMS', parts: 1 }));
    const requests = recordRequests(scope);
    const provider = createTelnyxProvider(settings({ messagingProfileId: MESSAGING_PROFILE_ID }));
    const mediaUrls = ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.png'];

    await provider.send(sendRequest({ mediaUrls }));

    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      to: TO,
      from: FROM,
      text: 'Your code is 482913',
      media_urls: mediaUrls,
      type: 'MMS',
      messaging_profile_id: MESSAGING_PROFILE_ID,
    });
  });

  it('sends through a number pool with only a messaging profile, and omits text for media-only MMS', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage({ from: null }));
    const requests = recordRequests(scope);
    const provider = createTelnyxProvider({ apiKey: API_KEY, messagingProfileId: MESSAGING_PROFILE_ID });

    const result = await provider.send(sendRequest({ body: '', mediaUrls: ['https://cdn.example.com/a.jpg'] }));

    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ to: TO, media_urls: ['https://cdn.example.com/a.jpg'], type: 'MMS', messaging_profile_id: MESSAGING_PROFILE_ID });
    expect(result.from).toBeUndefined();
  });

  it('schedules with send_at (ISO 8601) and maps the scheduled status to queued', async () => {
    const scope = nock(TELNYX_ORIGIN)
      .post(MESSAGES_PATH)
      .reply(200, telnyxMessage({ to: [{ phone_number: TO, status: 'scheduled' }] }));
    const requests = recordRequests(scope);

    const result = await createTelnyxProvider(settings()).send(sendRequest({ sendAt: new Date('2030-01-02T03:04:05.000Z') }));

    expect(JSON.parse(requests[0]?.body ?? '').send_at).toBe('2030-01-02T03:04:05.000Z');
    expect(result.status).toBe('queued');
  });

  it('keeps the webhook URL query and fragment, adding message_id', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage());
    const requests = recordRequests(scope);
    const provider = createTelnyxProvider(settings({ webhookUrl: 'https://hooks.example.com/telnyx?tenant=acme#x' }));

    await provider.send(sendRequest({ messageId: 'm-42' }));

    expect(JSON.parse(requests[0]?.body ?? '').webhook_url).toBe('https://hooks.example.com/telnyx?tenant=acme&message_id=m-42#x');
  });

  it('does not send the validity period (no such field on POST /v2/messages)', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage());
    const requests = recordRequests(scope);
    const provider = createTelnyxProvider(settings());
    expect(provider.capabilities?.validityPeriod).toBe(false);

    await provider.send(sendRequest({ validityPeriodSeconds: 600 }));

    expect(Object.keys(JSON.parse(requests[0]?.body ?? ''))).toEqual(['to', 'from', 'text', 'type']);
  });
});

describe('createTelnyxProvider: requests refused before any HTTP', () => {
  const refusals: { name: string; request: ProviderSendRequest; field: string; reason: string }[] = [
    { name: 'more than 10 media URLs', request: sendRequest({ mediaUrls: Array.from({ length: 11 }, (_, index) => `https://cdn.example.com/${index}.jpg`) }), field: 'mediaUrls', reason: 'TOO_MANY_MEDIA_URLS' },
    { name: 'a validity period of 0', request: sendRequest({ validityPeriodSeconds: 0 }), field: 'validityPeriodSeconds', reason: 'INVALID_VALIDITY_PERIOD' },
    { name: 'an invalid Date for sendAt', request: sendRequest({ sendAt: new Date('nope') }), field: 'sendAt', reason: 'INVALID_SEND_AT' },
    { name: 'a malformed sender', request: sendRequest({ from: 'Too Long Sender' }), field: 'from', reason: 'INVALID_SENDER' },
    { name: 'an empty message id', request: sendRequest({ messageId: '' }), field: 'messageId', reason: 'INVALID_MESSAGE_ID' },
  ];

  it.each(refusals)('refuses $name with a ValidationError and makes no request', async ({ request, field, reason }) => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage());
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings()).send(request));

    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason, field, fault: 'request', outcomeUnknown: false });
    expect(requests).toHaveLength(0);
  });

  it('does not start a request when the caller signal is already aborted', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage());
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest(), { signal: AbortSignal.abort() }));

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', fault: 'request', outcomeUnknown: false, provider: 'telnyx' });
    expect(requests).toHaveLength(0);
  });
});

describe('createTelnyxProvider: documented error bodies', () => {
  const errorCases = [
    { status: 401, code: '10009', title: 'Authentication failed', expected: { code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', fault: 'provider', retryable: false } },
    { status: 403, code: '10010', title: 'Authorization failed', expected: { code: 'AUTH_ERROR', reason: 'AUTHORIZATION_FAILED', fault: 'provider', retryable: false } },
    { status: 422, code: '10016', title: 'Phone number must be in +E.164 format', expected: { code: 'VALIDATION_ERROR', reason: 'INVALID_PHONE_NUMBER', fault: 'request', retryable: false } },
    { status: 400, code: '40300', title: 'Blocked due to STOP message', expected: { code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', fault: 'request', retryable: false } },
    { status: 400, code: '40310', title: 'Invalid to address', expected: { code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', fault: 'request', retryable: false } },
    { status: 400, code: '40318', title: 'Message queue full', expected: { code: 'RATE_LIMITED', reason: 'SENDER_QUEUE_FULL', fault: 'provider', retryable: true } },
    { status: 400, code: '40305', title: 'Invalid from address', expected: { code: 'PROVIDER_ERROR', reason: 'SENDER_REJECTED', fault: 'provider', retryable: false } },
    { status: 403, code: '40333', title: 'Account not permitted', expected: { code: 'PROVIDER_ERROR', reason: 'ACCOUNT_REJECTED', fault: 'provider', retryable: false } },
  ] as const;

  it.each(errorCases)('maps HTTP $status / $code through the table, not sent', async ({ status, code, title, expected }) => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(status, telnyxErrorBody(code, title, `The number ${TO} cannot be used`));
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ ...expected, outcomeUnknown: false, provider: 'telnyx', providerCode: code, httpStatus: status });
    expect(error.message).not.toContain(TO);
    expect(requests).toHaveLength(1);
  });

  it('uses the first recognised entry of errors[]', async () => {
    nock(TELNYX_ORIGIN)
      .post(MESSAGES_PATH)
      .reply(422, { errors: [{ code: '99999', title: 'Something else' }, { code: '40300', title: 'Blocked due to STOP message' }] });

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ reason: 'OPTED_OUT', providerCode: '40300' });
  });

  it('masks numbers in the vendor detail of an unrecognised code', async () => {
    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(422, telnyxErrorBody('49999', 'New error', `Destination ${TO} is odd`));

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'REQUEST_REJECTED', fault: 'request', providerCode: '49999', httpStatus: 422 });
    expect(error.message).toContain('New error: Destination [number] is odd');
  });
});

describe('createTelnyxProvider: exactly one POST, never a hidden retry', () => {
  const settle = () => sleep(300);

  it('429 with Retry-After: RATE_LIMITED, not sent, retryAfterMs, one POST', async () => {
    const scope = nock(TELNYX_ORIGIN)
      .post(MESSAGES_PATH)
      .times(5)
      .reply(429, telnyxErrorBody('10011', 'Too many requests'), { 'Retry-After': '2' });
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));
    await settle();

    expect(error).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryable: true, fault: 'provider', outcomeUnknown: false, retryAfterMs: 2000, providerCode: '10011', httpStatus: 429 });
    expect(requests).toHaveLength(1);
  });

  it('429 with retry-after-ms and an HTTP-date Retry-After: retry-after-ms wins', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(429, telnyxErrorBody('10011', 'Too many requests'), { 'Retry-After': at, 'retry-after-ms': '800' });

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));

    expect(error.retryAfterMs).toBe(800);
  });

  it('500 on the create: outcome unknown, not retryable, one POST', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(5).reply(500, telnyxErrorBody('10007', 'Unexpected error'));
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));
    await settle();

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'UNEXPECTED_PROVIDER_ERROR', outcomeUnknown: true, retryable: false, providerCode: '10007', httpStatus: 500 });
    expect(requests).toHaveLength(1);
  });

  it('502 without a Telnyx body: outcome unknown, one POST', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(5).reply(502, '<html>Bad Gateway</html>');
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));
    await settle();

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true, httpStatus: 502 });
    expect(requests).toHaveLength(1);
  });

  it('a response that never arrives: TIMEOUT, outcome unknown, within timeoutMs, one POST', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(5).reply(lateReply(2_000, 200, telnyxMessage()));
    const requests = recordRequests(scope);
    const provider = createTelnyxProvider(settings({ timeoutMs: 200 }));

    const startedAt = Date.now();
    const error = await rejection(provider.send(sendRequest()));
    const elapsed = Date.now() - startedAt;
    await settle();

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true, retryable: false, provider: 'telnyx' });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1_500);
    expect(requests).toHaveLength(1);
  });

  // nock 15's `.delay()` holds back only the end of the body. Aborting undici mid-body through
  // @mswjs/interceptors 0.44 (engines: node >= 22) trips an assertion inside Node 20's bundled undici
  // (`Request.onComplete`, an uncaught exception), so this variant runs on Node 22+ only; the
  // headers-late variant above covers the same adapter path on every version.
  it.runIf(nodeMajor >= 22)('a body that never finishes (nock .delay()): TIMEOUT, outcome unknown, one POST', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(5).delay(2_000).reply(200, telnyxMessage());
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings({ timeoutMs: 200 })).send(sendRequest()));
    await settle();

    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it('the caller aborting mid-request: outcome unknown (ABORTED), one POST', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(5).reply(lateReply(2_000, 200, telnyxMessage()));
    const requests = recordRequests(scope);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest(), { signal: controller.signal }));

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', outcomeUnknown: true, retryable: false });
    expect(requests).toHaveLength(1);
  });
});

describe('createTelnyxProvider: transport failures', () => {
  it.each([
    { code: 'ECONNREFUSED', syscall: 'connect' },
    { code: 'ENOTFOUND', syscall: 'getaddrinfo' },
    { code: 'EAI_AGAIN', syscall: 'getaddrinfo' },
    { code: 'UND_ERR_CONNECT_TIMEOUT', syscall: 'connect' },
    { code: 'ETIMEDOUT', syscall: 'connect' },
  ])('$code before connecting: CONNECTION_FAILED, not sent, retryable, one POST', async ({ code, syscall }) => {
    const injected = socketError(code, syscall);
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(5).replyWithError(injected);
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));
    await sleep(300);

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', fault: 'provider', retryable: true, outcomeUnknown: false, provider: 'telnyx' });
    // The SDK's error, or the raw fetch error when the SDK dropped it (its timeout error has no cause).
    expect(causeChain(error.cause)).toContain(injected);
    expect(error.toJSON().cause).toMatchObject({ code });
    expect(requests).toHaveLength(1);
  });

  it('a connection reset: outcome unknown, one POST', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(5).replyWithError(socketError('ECONNRESET', 'read', -104));
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));
    await sleep(300);

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_LOST', outcomeUnknown: true, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it('a 2xx whose body is not JSON: accepted but unreadable, outcome unknown', async () => {
    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, 'not json at all', { 'Content-Type': 'application/json' });

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true, httpStatus: 200 });
  });

  it('a 2xx without data.id: outcome unknown', async () => {
    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, { data: { to: [{ status: 'queued' }] } });

    const error = await rejection(createTelnyxProvider(settings()).send(sendRequest()));

    expect(error).toMatchObject({ reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true });
  });
});

describe('createTelnyxProvider: secrets stay private', () => {
  it('never shows the API key in the provider, its JSON, String() or inspect()', async () => {
    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage());
    const provider = createTelnyxProvider(settings());
    await provider.send(sendRequest());

    const shown = `${String(provider)} ${JSON.stringify(provider)} ${inspect(provider, { depth: 10, showHidden: true })}`;
    expect(shown).not.toContain(API_KEY);
    expect(JSON.parse(JSON.stringify(provider))).toEqual({
      id: 'telnyx',
      specificationVersion: 'v1',
      capabilities: { maxMediaUrls: 10, scheduling: true, validityPeriod: false },
    });
  });

  it.each([
    { name: '401', arrange: () => nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(401, telnyxErrorBody('10009', 'Authentication failed', `Key ${API_KEY} rejected`)) },
    { name: 'connection refused', arrange: () => nock(TELNYX_ORIGIN).post(MESSAGES_PATH).replyWithError(socketError('ECONNREFUSED', 'connect')) },
    { name: 'reset', arrange: () => nock(TELNYX_ORIGIN).post(MESSAGES_PATH).replyWithError(socketError('ECONNRESET', 'read')) },
    { name: 'timeout', arrange: () => nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(lateReply(1_000, 200, telnyxMessage())) },
  ])('never shows the API key, the body or the number in a $name error', async ({ arrange }) => {
    arrange();
    const error = await rejection(createTelnyxProvider(settings({ timeoutMs: 200 })).send(sendRequest()));

    const shown = exposedText(error);
    expect(shown).not.toContain(API_KEY);
    expect(shown).not.toContain('482913');
    expect(shown).not.toContain(TO);
  });
});

describe('createTelnyxProvider: a prebuilt client', () => {
  it('sends through the given telnyx-node client (its default fetch, intercepted by nock) and its key', async () => {
    const otherKey = 'KEY0OTHER0000000000000000000000000_abc';
    const client: TelnyxClientLike = new Telnyx({ apiKey: otherKey });
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage());
    const requests = recordRequests(scope);

    const result = await createTelnyxProvider(settings({ client })).send(sendRequest());

    expect(result.providerMessageId).toBe(MESSAGE_ID);
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${otherKey}`);
  });

  it('overrides the client default of 2 retries: a 500 is still one POST', async () => {
    const client = new Telnyx({ apiKey: API_KEY });
    expect(client.maxRetries).toBe(2);
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(5).reply(500, telnyxErrorBody('10007', 'Unexpected error'), { 'retry-after-ms': '1' });
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings({ client })).send(sendRequest()));
    await sleep(300);

    expect(error.outcomeUnknown).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('applies the deadline and signal to a prebuilt client too', async () => {
    const client = new Telnyx({ apiKey: API_KEY });
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(5).reply(lateReply(2_000, 200, telnyxMessage()));
    const requests = recordRequests(scope);

    const startedAt = Date.now();
    const error = await rejection(createTelnyxProvider(settings({ client, timeoutMs: 200 })).send(sendRequest()));

    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    expect(requests).toHaveLength(1);
  });

  it('without the adapter fetch wrapper, a connect timeout cannot be told apart: outcome unknown (safe side)', async () => {
    const client = new Telnyx({ apiKey: API_KEY });
    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).replyWithError(socketError('UND_ERR_CONNECT_TIMEOUT', 'connect'));

    const error = await rejection(createTelnyxProvider(settings({ client })).send(sendRequest()));

    // The SDK turns it into APIConnectionTimeoutError with no cause (telnyx client.js makeRequest).
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true });
  });
});

describe('control: the counting above detects hidden retries', () => {
  it('a telnyx-node client with its default maxRetries re-POSTs a 500 (what the adapter switches off)', async () => {
    const scope = nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(5).reply(500, telnyxErrorBody('10007', 'Unexpected error'), { 'retry-after-ms': '1' });
    const requests = recordRequests(scope);
    const client = new Telnyx({ apiKey: API_KEY });

    await expect(client.messages.send({ to: TO, from: FROM, text: 'x' })).rejects.toMatchObject({ status: 500 });

    expect(requests).toHaveLength(3);
  });
});

describe('createTelnyxProvider: the signal reaches the socket', () => {
  it("the caller's abort cancels the HTTP request itself, not just the wait", async () => {
    let abortedOnTheWire: boolean | undefined;
    nock(TELNYX_ORIGIN)
      .post(MESSAGES_PATH)
      .reply(async (request: Request) => {
        await sleep(500);
        abortedOnTheWire = request.signal.aborted;
        return [200, telnyxMessage()];
      });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    await rejection(createTelnyxProvider(settings({ timeoutMs: 10_000 })).send(sendRequest(), { signal: controller.signal }));
    await sleep(600);

    expect(abortedOnTheWire).toBe(true);
  });
});
