import { inspect } from 'node:util';
import { verifySignature } from '@vonage/jwt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { ValidationError } from '../../../src/errors/validation-error';
import type { ProviderSendRequest } from '../../../src/providers/provider';
import { createVonageProvider } from '../../../src/providers/vonage';
import { nock, recordRequests, sleep, socketError } from '../../support/intercept-http';
import {
  APPLICATION_ID,
  API_SECRET,
  BASIC_AUTH,
  FROM,
  MESSAGES_PATH,
  MESSAGE_UUID,
  PRIVATE_KEY,
  PUBLIC_KEY,
  TO,
  VONAGE_ORIGIN,
  accepted,
  basicSettings,
  jwtSettings,
  problemHeaders,
  sendRequest,
  vonageProblem,
} from './support/vonage-fixtures';

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  try {
    await promise;
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw new Error(`expected an SmsError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the send to reject');
}

function exposedText(error: SmsError): string {
  return `${error.message} ${JSON.stringify(error)} ${String(error)} ${inspect(error, { depth: 10 })}`;
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 8; current = (current as { cause?: unknown }).cause) chain.push(current);
  return chain;
}

/** A reply whose headers come only after `ms`. */
const lateReply = (ms: number, status: number, body: unknown) => async (): Promise<[number, unknown]> => {
  await sleep(ms);
  return [status, body];
};

const post = () => nock(VONAGE_ORIGIN).post(MESSAGES_PATH);

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('createVonageProvider: the request on the wire', () => {
  it('POSTs one SMS text to /v1/messages with a JWT signed by the application key', async () => {
    const scope = post().reply(202, accepted);
    const requests = recordRequests(scope);

    const result = await createVonageProvider(jwtSettings()).send(sendRequest());

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.href).toBe(`${VONAGE_ORIGIN}${MESSAGES_PATH}`);
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      channel: 'sms',
      message_type: 'text',
      to: TO.slice(1),
      from: FROM.slice(1),
      text: 'Your code is 482913',
      client_ref: 'msg_01HZX4K8Q2',
    });
    const authorization = request?.headers.get('authorization') ?? '';
    expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    // Verified by @vonage/jwt (jsonwebtoken) against the public half; then the claims: this application, fresh.
    const token = authorization.slice('Bearer '.length);
    expect(verifySignature(token, PUBLIC_KEY)).toBe(true);
    const [header, claims] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'RS256' });
    expect(claims?.application_id).toBe(APPLICATION_ID);
    expect(Math.abs(Number(claims?.iat) - Date.now() / 1000)).toBeLessThan(60);
    expect(result).toEqual({ providerMessageId: MESSAGE_UUID, status: 'queued' });
  });

  it('uses Basic auth with the API key and secret when no application is configured', async () => {
    const requests = recordRequests(post().reply(202, accepted));

    await createVonageProvider(basicSettings()).send(sendRequest());

    expect(requests[0]?.headers.get('authorization')).toBe(BASIC_AUTH);
  });

  it('prefers JWT when both credential pairs are given', async () => {
    const requests = recordRequests(post().reply(202, accepted));

    await createVonageProvider({ ...basicSettings(), applicationId: APPLICATION_ID, privateKey: PRIVATE_KEY }).send(sendRequest());

    expect(requests[0]?.headers.get('authorization')).toMatch(/^Bearer /);
  });

  it('accepts a private key whose newlines are written as \\n (one-line environment variable)', async () => {
    const requests = recordRequests(post().reply(202, accepted));

    await createVonageProvider(jwtSettings({ privateKey: PRIVATE_KEY.replaceAll('\n', '\\n') })).send(sendRequest());

    const token = (requests[0]?.headers.get('authorization') ?? '').slice('Bearer '.length);
    expect(verifySignature(token, PUBLIC_KEY)).toBe(true);
  });

  it('sends an MMS image with the text as caption, the ttl and a per-message sender', async () => {
    const requests = recordRequests(post().reply(202, accepted));

    await createVonageProvider(jwtSettings()).send(
      sendRequest({ mediaUrls: ['https://cdn.example.com/a.jpg'], from: '+14155550123', validityPeriodSeconds: 1799.2 }),
    );

    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      channel: 'mms',
      message_type: 'image',
      to: TO.slice(1),
      from: '14155550123',
      image: { url: 'https://cdn.example.com/a.jpg', caption: 'Your code is 482913' },
      client_ref: 'msg_01HZX4K8Q2',
      ttl: 1800,
    });
  });

  it('sends an MMS to a Canadian number', async () => {
    const requests = recordRequests(post().reply(202, accepted));

    await createVonageProvider(jwtSettings()).send(sendRequest({ to: '+16135550123', mediaUrls: ['https://cdn.example.com/a.jpg'] }));

    expect(JSON.parse(requests[0]?.body ?? '')).toMatchObject({ channel: 'mms', to: '16135550123' });
  });

  it('sends a media-only MMS without a caption, and an alphanumeric sender as it is', async () => {
    const requests = recordRequests(post().reply(202, accepted));

    await createVonageProvider(jwtSettings({ from: 'Ocelot' })).send(sendRequest({ body: '', mediaUrls: ['https://cdn.example.com/a.png'] }));

    expect(JSON.parse(requests[0]?.body ?? '')).toMatchObject({ from: 'Ocelot', image: { url: 'https://cdn.example.com/a.png' } });
    expect(JSON.parse(requests[0]?.body ?? '').image).not.toHaveProperty('caption');
  });

  it('posts to the configured regional origin', async () => {
    const requests = recordRequests(nock('https://api-eu.vonage.com').post(MESSAGES_PATH).reply(202, accepted));

    await createVonageProvider(jwtSettings({ baseUrl: 'https://api-eu.vonage.com' })).send(sendRequest());

    expect(requests[0]?.url.href).toBe('https://api-eu.vonage.com/v1/messages');
  });
});

describe('createVonageProvider: requests refused before any HTTP', () => {
  const refusals: { name: string; request: ProviderSendRequest; field: string; reason: string }[] = [
    { name: 'two media URLs', request: sendRequest({ mediaUrls: ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.jpg'] }), field: 'mediaUrls', reason: 'TOO_MANY_MEDIA_URLS' },
    { name: 'an MMS to a UK number', request: sendRequest({ to: '+447400123456', mediaUrls: ['https://cdn.example.com/a.jpg'] }), field: 'to', reason: 'DESTINATION_NOT_PERMITTED' },
    { name: 'an MMS to Jamaica (+1, not US or Canada)', request: sendRequest({ to: '+18765550123', mediaUrls: ['https://cdn.example.com/a.jpg'] }), field: 'to', reason: 'DESTINATION_NOT_PERMITTED' },
    { name: 'a scheduled send (no scheduling on the Messages API)', request: sendRequest({ sendAt: new Date('2030-01-02T03:04:05Z') }), field: 'sendAt', reason: 'INVALID_SEND_AT' },
    { name: 'a validity period of 0', request: sendRequest({ validityPeriodSeconds: 0 }), field: 'validityPeriodSeconds', reason: 'INVALID_VALIDITY_PERIOD' },
    { name: 'a message id longer than client_ref allows', request: sendRequest({ messageId: 'm'.repeat(101) }), field: 'messageId', reason: 'INVALID_MESSAGE_ID' },
    { name: 'an empty message id', request: sendRequest({ messageId: '' }), field: 'messageId', reason: 'INVALID_MESSAGE_ID' },
    { name: 'a malformed sender', request: sendRequest({ from: 'Too Long Sender' }), field: 'from', reason: 'INVALID_SENDER' },
  ];

  it.each(refusals)('refuses $name with a ValidationError and makes no request', async ({ request, field, reason }) => {
    const requests = recordRequests(post().reply(202, accepted));

    const error = await rejection(createVonageProvider(jwtSettings()).send(request));

    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason, field, fault: 'request', outcomeUnknown: false });
    expect(requests).toHaveLength(0);
  });

  it('does not start a request when the caller signal is already aborted', async () => {
    const requests = recordRequests(post().reply(202, accepted));

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest(), { signal: AbortSignal.abort() }));

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', fault: 'request', outcomeUnknown: false, provider: 'vonage' });
    expect(requests).toHaveLength(0);
  });
});

describe('createVonageProvider: documented error bodies', () => {
  const errorCases = [
    {
      status: 401,
      body: vonageProblem('https://developer.vonage.com/api-errors#unauthorized', 'Invalid credentials supplied', 'You did not provide correct credentials.'),
      expected: { code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', fault: 'provider', retryable: false, providerCode: 'unauthorized' },
    },
    {
      status: 402,
      body: vonageProblem('https://developer.nexmo.com/api-errors/#low-balance', 'Low balance', 'This request could not be performed due to your account balance being low.'),
      expected: { code: 'PROVIDER_ERROR', reason: 'ACCOUNT_REJECTED', fault: 'provider', retryable: false, providerCode: 'low-balance' },
    },
    {
      status: 422,
      body: vonageProblem('1120', 'Invalid sender', 'The `from` parameter is invalid for the given channel.'),
      expected: { code: 'PROVIDER_ERROR', reason: 'SENDER_REJECTED', fault: 'provider', retryable: false, providerCode: '1120' },
    },
    {
      status: 422,
      body: vonageProblem('1150', 'Invalid params', `The value of to (${TO}) is invalid`),
      expected: { code: 'VALIDATION_ERROR', reason: 'INVALID_FIELD', fault: 'request', retryable: false, providerCode: '1150' },
    },
    {
      status: 422,
      body: vonageProblem('1240', 'Illegal Number', 'The recipient has opted out'),
      expected: { code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', fault: 'request', retryable: false, providerCode: '1240' },
    },
  ] as const;

  it.each(errorCases)('maps HTTP $status / $expected.providerCode through the table, not sent, one POST', async ({ status, body, expected }) => {
    const requests = recordRequests(post().reply(status, body, problemHeaders));

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest()));

    expect(error).toMatchObject({ ...expected, outcomeUnknown: false, provider: 'vonage', httpStatus: status });
    expect(error.message).not.toContain(TO);
    expect(requests).toHaveLength(1);
  });

  it('masks numbers in the vendor text of an unrecognised code', async () => {
    post().reply(422, vonageProblem('1999', 'Something new', `Destination ${TO} is odd`), problemHeaders);

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest()));

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'REQUEST_REJECTED', fault: 'request', providerCode: '1999', httpStatus: 422 });
    expect(error.message).toContain('Something new: Destination [number] is odd');
  });

  it('a 4xx whose body is not JSON falls back to the HTTP status', async () => {
    post().reply(403, '<html>Forbidden</html>', { 'Content-Type': 'text/html' });

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest()));

    expect(error).toMatchObject({ code: 'AUTH_ERROR', reason: 'PERMISSION_DENIED', httpStatus: 403, outcomeUnknown: false });
    expect(error.providerCode).toBeUndefined();
  });
});

describe('createVonageProvider: exactly one POST, never a hidden retry', () => {
  const settle = () => sleep(300);

  it('429 with Retry-After: RATE_LIMITED, not sent, retryAfterMs, one POST (even though the body says #1010)', async () => {
    const requests = recordRequests(
      post().times(5).reply(429, vonageProblem('1010', 'Rate Limit Hit', 'Please wait, then retry your request'), { ...problemHeaders, 'Retry-After': '2' }),
    );

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest()));
    await settle();

    expect(error).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryable: true, fault: 'provider', outcomeUnknown: false, retryAfterMs: 2000, providerCode: '1010', httpStatus: 429 });
    expect(requests).toHaveLength(1);
  });

  it('500 on the create: outcome unknown, not retryable, one POST', async () => {
    const requests = recordRequests(post().times(5).reply(500, vonageProblem('1030', 'Internal error', 'There was an error processing your request'), problemHeaders));

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest()));
    await settle();

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true, retryable: false, providerCode: '1030', httpStatus: 500 });
    expect(requests).toHaveLength(1);
  });

  it('503 without a Vonage body: outcome unknown, one POST', async () => {
    const requests = recordRequests(post().times(5).reply(503, 'Service Unavailable'));

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest()));
    await settle();

    expect(error).toMatchObject({ reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true, httpStatus: 503 });
    expect(requests).toHaveLength(1);
  });

  it('a response that never arrives: TIMEOUT, outcome unknown, within timeoutMs, one POST', async () => {
    const requests = recordRequests(post().times(5).reply(lateReply(2_000, 202, accepted)));

    const startedAt = Date.now();
    const error = await rejection(createVonageProvider(jwtSettings({ timeoutMs: 200 })).send(sendRequest()));
    const elapsed = Date.now() - startedAt;
    await settle();

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true, retryable: false, provider: 'vonage' });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1_500);
    expect(requests).toHaveLength(1);
  });

  it("the caller's abort cancels the HTTP request itself: ABORTED, outcome unknown, one POST", async () => {
    let abortedOnTheWire: boolean | undefined;
    const requests = recordRequests(
      post().reply(async (request: Request) => {
        await sleep(500);
        abortedOnTheWire = request.signal.aborted;
        return [202, accepted];
      }),
    );
    const provider = createVonageProvider(jwtSettings());
    // The SDK is loaded first, so the abort meets a request in flight.
    await provider.ready?.();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await rejection(provider.send(sendRequest(), { signal: controller.signal }));
    await sleep(600);

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', outcomeUnknown: true, retryable: false });
    expect(abortedOnTheWire).toBe(true);
    expect(requests).toHaveLength(1);
  });
});

describe('createVonageProvider: transport failures', () => {
  it.each([
    { code: 'ECONNREFUSED', syscall: 'connect' },
    { code: 'ENOTFOUND', syscall: 'getaddrinfo' },
    { code: 'UND_ERR_CONNECT_TIMEOUT', syscall: 'connect' },
    { code: 'ETIMEDOUT', syscall: 'connect' },
  ])('$code before connecting: CONNECTION_FAILED, not sent, retryable, one POST', async ({ code, syscall }) => {
    const injected = socketError(code, syscall);
    const requests = recordRequests(post().times(5).replyWithError(injected));

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest()));
    await sleep(200);

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', fault: 'provider', retryable: true, outcomeUnknown: false, provider: 'vonage' });
    expect(causeChain(error.cause)).toContain(injected);
    expect(requests).toHaveLength(1);
  });

  it('a connection reset: outcome unknown, one POST', async () => {
    const requests = recordRequests(post().times(5).replyWithError(socketError('ECONNRESET', 'read', -104)));

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest()));
    await sleep(200);

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_LOST', outcomeUnknown: true, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it('a 202 whose body is not JSON: accepted but unreadable, outcome unknown', async () => {
    post().reply(202, 'not json at all', { 'Content-Type': 'application/json' });

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest()));

    expect(error).toMatchObject({ reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true, httpStatus: 202 });
  });

  it('a 202 without message_uuid: outcome unknown', async () => {
    post().reply(202, { status: 'ok' });

    const error = await rejection(createVonageProvider(jwtSettings()).send(sendRequest()));

    expect(error).toMatchObject({ reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true, httpStatus: 202 });
  });
});

describe('createVonageProvider: secrets stay private', () => {
  it('never shows a credential in the provider, its JSON, String() or inspect()', async () => {
    post().reply(202, accepted);
    const provider = createVonageProvider({ ...basicSettings(), applicationId: APPLICATION_ID, privateKey: PRIVATE_KEY });
    await provider.send(sendRequest());

    const shown = `${String(provider)} ${JSON.stringify(provider)} ${inspect(provider, { depth: 10, showHidden: true })}`;
    expect(shown).not.toContain(API_SECRET);
    expect(shown).not.toContain('PRIVATE KEY');
    expect(JSON.parse(JSON.stringify(provider))).toEqual({
      id: 'vonage',
      specificationVersion: 'v1',
      capabilities: { maxMediaUrls: 1, scheduling: false, validityPeriod: true },
    });
  });

  it.each([
    { name: '401', arrange: () => post().reply(401, vonageProblem('https://developer.vonage.com/api-errors#unauthorized', 'Invalid credentials supplied', `Key ${API_SECRET} rejected`)) },
    { name: 'connection refused', arrange: () => post().replyWithError(socketError('ECONNREFUSED', 'connect')) },
    { name: 'reset', arrange: () => post().replyWithError(socketError('ECONNRESET', 'read')) },
    { name: 'timeout', arrange: () => post().reply(lateReply(1_000, 202, accepted)) },
  ])('never shows a secret, the body or the number in a $name error', async ({ arrange }) => {
    arrange();
    const error = await rejection(createVonageProvider(basicSettings({ timeoutMs: 200 })).send(sendRequest()));

    const shown = exposedText(error);
    expect(shown).not.toContain(API_SECRET);
    expect(shown).not.toContain(BASIC_AUTH.slice('Basic '.length));
    expect(shown).not.toContain('482913');
    expect(shown).not.toContain(TO.slice(1));
  });
});

describe('control: the counting above detects hidden retries', () => {
  it('two sends make two POSTs (the recorder counts every request)', async () => {
    const requests = recordRequests(post().times(2).reply(500, 'x'));
    const provider = createVonageProvider(jwtSettings());

    await rejection(provider.send(sendRequest()));
    await rejection(provider.send(sendRequest()));

    expect(requests).toHaveLength(2);
  });
});
