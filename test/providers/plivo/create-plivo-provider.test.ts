import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { ValidationError } from '../../../src/errors/validation-error';
import { createPlivoProvider, type PlivoProviderSettings } from '../../../src/providers/plivo';
import { nock, recordRequests, sleep, socketError } from '../../support/intercept-http';
import { AUTH_ID, AUTH_TOKEN, BASIC_AUTH, FROM, MESSAGE_PATH, MESSAGE_UUID, PLIVO_ORIGIN, POWERPACK_UUID, plivoError, plivoQueued, sendRequest } from './support/plivo-fixtures';

const settings = (overrides: Partial<PlivoProviderSettings> = {}): PlivoProviderSettings => ({ authId: AUTH_ID, authToken: AUTH_TOKEN, from: FROM, ...overrides });
const post = () => nock(PLIVO_ORIGIN).post(MESSAGE_PATH);

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

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('createPlivoProvider: the request on the wire', () => {
  it('POSTs one JSON message with Basic auth to the account Message endpoint and reads the 202', async () => {
    const scope = post().reply(202, plivoQueued());
    const requests = recordRequests(scope);
    const provider = createPlivoProvider(settings({ statusCallbackUrl: 'https://hooks.example.com/sms/plivo' }));

    const result = await provider.send(sendRequest());

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.pathname).toBe(MESSAGE_PATH);
    expect(request?.headers.get('authorization')).toBe(BASIC_AUTH);
    expect(request?.headers.get('content-type')).toContain('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      src: '14155550199',
      dst: '14155552671',
      text: 'Your code is 482913',
      url: 'https://hooks.example.com/sms/plivo?message_id=msg_01HZX4K8Q2',
      method: 'POST',
    });
    expect(result).toEqual({ providerMessageId: MESSAGE_UUID, status: 'queued' });
  });

  it('sends MMS as type mms with media_urls, in order', async () => {
    const requests = recordRequests(post().reply(202, plivoQueued()));
    const mediaUrls = ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.png?size=large'];

    await createPlivoProvider(settings()).send(sendRequest({ body: '', mediaUrls }));

    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ src: '14155550199', dst: '14155552671', text: '', type: 'mms', media_urls: mediaUrls });
  });

  it('sends from the Powerpack as powerpack_uuid, and a request from overrides it with src', async () => {
    const requests = recordRequests(post().times(2).reply(202, plivoQueued()));
    const provider = createPlivoProvider(settings({ from: undefined, powerpackUuid: POWERPACK_UUID }));

    await provider.send(sendRequest());
    await provider.send(sendRequest({ from: 'Ocelot' }));

    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ powerpack_uuid: POWERPACK_UUID, dst: '14155552671', text: 'Your code is 482913' });
    expect(JSON.parse(requests[1]?.body ?? '')).toEqual({ src: 'Ocelot', dst: '14155552671', text: 'Your code is 482913' });
  });

  it('passes the validity period as message_expiry, rounded down and clamped to 5–10799 s', async () => {
    const requests = recordRequests(post().times(3).reply(202, plivoQueued()));
    const provider = createPlivoProvider(settings());

    await provider.send(sendRequest({ validityPeriodSeconds: 90.9 }));
    await provider.send(sendRequest({ validityPeriodSeconds: 2 }));
    await provider.send(sendRequest({ validityPeriodSeconds: 86_400 }));

    expect(requests.map((request) => (JSON.parse(request.body) as { message_expiry?: number }).message_expiry)).toEqual([90, 5, 10_799]);
  });

  it('keeps the query and fragment of the status callback URL and encodes the message id', async () => {
    const requests = recordRequests(post().reply(202, plivoQueued()));

    await createPlivoProvider(settings({ statusCallbackUrl: 'https://hooks.example.com/status?tenant=acme#x' })).send(sendRequest({ messageId: 'msg 7/α' }));

    const callback = new URL((JSON.parse(requests[0]?.body ?? '') as { url: string }).url);
    expect(callback.searchParams.get('tenant')).toBe('acme');
    expect(callback.searchParams.get('message_id')).toBe('msg 7/α');
    expect(callback.hash).toBe('#x');
  });

  it('refuses sendAt and more than 10 media URLs before any request', async () => {
    const provider = createPlivoProvider(settings());
    const scheduled = await provider.send(sendRequest({ sendAt: new Date(Date.now() + 60_000) })).catch((error: unknown) => error);
    const tooMany = await provider.send(sendRequest({ mediaUrls: Array.from({ length: 11 }, (_, index) => `https://cdn.example.com/${index}.jpg`) })).catch((error: unknown) => error);

    expect(ValidationError.isInstance(scheduled) && scheduled.reason).toBe('INVALID_SEND_AT');
    expect(ValidationError.isInstance(tooMany) && tooMany.reason).toBe('TOO_MANY_MEDIA_URLS');
    expect(provider.capabilities).toEqual({ maxMediaUrls: 10, scheduling: false, validityPeriod: true });
  });
});

describe('createPlivoProvider: answers', () => {
  it('makes exactly one POST on a 500 and reports it as outcome unknown', async () => {
    const scope = post().times(3).reply(500, plivoError('internal server error'));
    const requests = recordRequests(scope);

    const error = await rejection(createPlivoProvider(settings()).send(sendRequest()));

    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true, fault: 'provider', httpStatus: 500 });
  });

  it('reads 503 with a JSON body as outcome unknown, though plivo-node drops its status', async () => {
    post().reply(503, plivoError('service unavailable'));
    const error = await rejection(createPlivoProvider(settings()).send(sendRequest()));
    expect(error).toMatchObject({ reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true, httpStatus: 503 });
  });

  it('reports a 401 as AUTH_ERROR, a provider fault, not sent, without leaking the token', async () => {
    post().reply(401, plivoError('authentication failed'));
    const error = await rejection(createPlivoProvider(settings()).send(sendRequest()));
    expect(error).toMatchObject({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', fault: 'provider', outcomeUnknown: false, httpStatus: 401 });
    expect(exposedText(error)).not.toContain(AUTH_TOKEN);
    expect(exposedText(error)).not.toContain(BASIC_AUTH.slice(6));
  });

  it('reports a 400 as a request fault, not sent, quoting Plivo masked and never the request', async () => {
    post().reply(400, plivoError('invalid parameter 14155552671'));
    const error = await rejection(createPlivoProvider(settings()).send(sendRequest()));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'REQUEST_REJECTED', fault: 'request', outcomeUnknown: false, httpStatus: 400 });
    expect(error.message).toContain('Plivo said: "invalid parameter [number]"');
    expect(exposedText(error)).not.toContain('482913');
  });

  it('reads a 429 with Retry-After as retryable RATE_LIMITED, though plivo-node keeps neither', async () => {
    post().reply(429, plivoError('too many requests'), { 'Retry-After': '3' });
    const error = await rejection(createPlivoProvider(settings()).send(sendRequest()));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, fault: 'provider', outcomeUnknown: false, httpStatus: 429, retryAfterMs: 3000 });
  });

  it('reads a 403 on the Message endpoint as geo permissions: a policy signal, never failed over', async () => {
    post().reply(403, plivoError('destination country barred'));
    const error = await rejection(createPlivoProvider(settings()).send(sendRequest()));
    expect(error).toMatchObject({ reason: 'DESTINATION_NOT_PERMITTED', fault: 'request', outcomeUnknown: false, providerCode: 'geo_permission' });
  });

  it('reads "Insufficient Credit" as this account\'s problem: another provider may send it', async () => {
    post().reply(400, plivoError('Insufficient Credit'));
    const error = await rejection(createPlivoProvider(settings()).send(sendRequest()));
    expect(error).toMatchObject({ reason: 'ACCOUNT_REJECTED', fault: 'provider', outcomeUnknown: false, providerCode: 'insufficient_credit' });
  });

  it('reports a 202 without message_uuid as an unreadable answer: probably accepted', async () => {
    post().reply(202, { api_id: 'x', message: 'message(s) queued' });
    const error = await rejection(createPlivoProvider(settings()).send(sendRequest()));
    expect(error).toMatchObject({ reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true, httpStatus: 202 });
  });
});

describe('createPlivoProvider: the transport', () => {
  it('reports a refused connection as not sent and retryable, with the socket code', async () => {
    post().replyWithError(socketError('ECONNREFUSED', 'connect'));
    const error = await rejection(createPlivoProvider(settings()).send(sendRequest()));
    expect(error).toMatchObject({ reason: 'CONNECTION_FAILED', outcomeUnknown: false, retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
    expect(exposedText(error)).not.toContain(AUTH_TOKEN);
  });

  it('reports a reset after the request was written as outcome unknown', async () => {
    post().replyWithError(socketError('ECONNRESET', 'read'));
    const error = await rejection(createPlivoProvider(settings()).send(sendRequest()));
    expect(error).toMatchObject({ reason: 'CONNECTION_LOST', outcomeUnknown: true });
  });

  it('ends at the deadline as outcome unknown and aborts the request on the wire', async () => {
    let abortedOnTheWire: boolean | undefined;
    post().reply(async (request: Request) => {
      await sleep(800);
      abortedOnTheWire = request.signal.aborted;
      return [202, plivoQueued()];
    });
    const started = Date.now();

    const error = await rejection(createPlivoProvider(settings({ timeoutMs: 300 })).send(sendRequest()));
    expect(Date.now() - started).toBeLessThan(700);
    await sleep(900);

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true });
    expect(abortedOnTheWire).toBe(true);
  });

  it("the caller's abort cancels the HTTP request itself, not just the wait", async () => {
    let abortedOnTheWire: boolean | undefined;
    post().reply(async (request: Request) => {
      await sleep(500);
      abortedOnTheWire = request.signal.aborted;
      return [202, plivoQueued()];
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await rejection(createPlivoProvider(settings()).send(sendRequest(), { signal: controller.signal }));
    await sleep(600);

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', fault: 'request', outcomeUnknown: true });
    expect(abortedOnTheWire).toBe(true);
  });

  it('refuses an already aborted signal without any request', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(createPlivoProvider(settings()).send(sendRequest(), { signal: controller.signal }));
    expect(error).toMatchObject({ reason: 'ABORTED', outcomeUnknown: false });
  });
});

describe('createPlivoProvider: secrets and preflight', () => {
  it('never shows the auth token through JSON, String or inspect', () => {
    const provider = createPlivoProvider(settings());
    const shown = `${JSON.stringify(provider)} ${String(provider)} ${inspect(provider, { depth: 5 })}`;
    expect(shown).not.toContain(AUTH_TOKEN);
    expect(JSON.parse(JSON.stringify(provider))).toEqual({ id: 'plivo', specificationVersion: 'v1', capabilities: { maxMediaUrls: 10, scheduling: false, validityPeriod: true } });
  });

  it('ready() loads the SDK without sending', async () => {
    await expect(createPlivoProvider(settings()).ready?.()).resolves.toBeUndefined();
  });
});
