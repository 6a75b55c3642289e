import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { createTelnyxProvider } from '../../../src/providers/telnyx';
import type { TelnyxClientLike, TelnyxProviderSettings } from '../../../src/providers/telnyx';
import { nock, recordRequests, sleep } from '../../support/intercept-http';
import { API_KEY, FROM, MESSAGE_ID, MESSAGES_PATH, TELNYX_ORIGIN, TO, telnyxErrorBody, telnyxMessage } from './support/telnyx-fixtures';

const MESSAGE_PATH = `${MESSAGES_PATH}/${MESSAGE_ID}`;
const settings = (overrides: Partial<TelnyxProviderSettings> = {}): TelnyxProviderSettings => ({ apiKey: API_KEY, from: FROM, ...overrides });
/** Lets a late hidden retry reach nock before the request count is read. */
const settle = () => sleep(300);
const lateReply = (ms: number, status: number, body: unknown) => async (): Promise<[number, unknown]> => {
  await sleep(ms);
  return [status, body];
};

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  try {
    await promise;
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw new Error(`expected an SmsError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the fetch to reject');
}

/** The Retrieve a message answer (https://developers.telnyx.com/api-reference/messages/retrieve-a-message) of a delivered SMS. */
const delivered = telnyxMessage({
  to: [{ phone_number: TO, status: 'delivered', carrier: 'T-MOBILE USA, INC.', line_type: 'Wireless' }],
  sent_at: '2024-11-21T05:01:46.000+00:00',
  completed_at: '2024-11-21T05:01:49.000+00:00',
  cost: { amount: '0.0040', currency: 'USD' },
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('telnyx fetchMessage: the request on the wire', () => {
  it('GETs /v2/messages/{id} with the Bearer key, no query, and maps the message', async () => {
    const scope = nock(TELNYX_ORIGIN).get(MESSAGE_PATH).reply(200, delivered);
    const requests = recordRequests(scope);

    const message = await createTelnyxProvider(settings()).fetchMessage?.({ providerMessageId: MESSAGE_ID });

    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe(MESSAGE_PATH);
    expect(requests[0]?.url.search).toBe('');
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(message).toEqual({
      providerMessageId: MESSAGE_ID,
      status: 'delivered',
      to: TO,
      from: FROM,
      body: 'Your code is 482913',
      createdAt: '2024-11-21T05:01:45.123Z',
      providerCode: null,
    });
  });

  it.each([
    { status: 'delivery_failed', code: '40008', expected: 'undelivered' },
    { status: 'sending_failed', code: '40013', expected: 'failed' },
  ])('a $status message carries its errors[].code ($code)', async ({ status, code, expected }) => {
    nock(TELNYX_ORIGIN)
      .get(MESSAGE_PATH)
      .reply(200, telnyxMessage({ to: [{ phone_number: TO, status }], errors: [{ code, title: 'Undeliverable', detail: 'The message could not be delivered.' }] }));

    const message = await createTelnyxProvider(settings()).fetchMessage?.({ providerMessageId: MESSAGE_ID });

    expect(message).toMatchObject({ status: expected, providerCode: code });
  });

  it('404: resolves undefined after one GET', async () => {
    const scope = nock(TELNYX_ORIGIN).get(MESSAGE_PATH).times(3).reply(404, telnyxErrorBody('10005', 'Resource not found', 'The requested resource or URL could not be found.'));
    const requests = recordRequests(scope);

    await expect(createTelnyxProvider(settings()).fetchMessage?.({ providerMessageId: MESSAGE_ID })).resolves.toBeUndefined();
    await settle();
    expect(requests).toHaveLength(1);
  });

  it('an id that is not a UUID: undefined, no request', async () => {
    const scope = nock(TELNYX_ORIGIN).get(/.*/).times(3).reply(200, delivered);
    const requests = recordRequests(scope);

    await expect(createTelnyxProvider(settings()).fetchMessage?.({ providerMessageId: '../messaging_profiles' })).resolves.toBeUndefined();
    expect(requests).toHaveLength(0);
  });
});

describe('telnyx fetchMessage: failures are read errors, never outcome unknown', () => {
  it('429 with Retry-After: RATE_LIMITED, retryAfterMs, one GET', async () => {
    const scope = nock(TELNYX_ORIGIN).get(MESSAGE_PATH).times(3).reply(429, telnyxErrorBody('10011', 'Too many requests'), { 'Retry-After': '3' });
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings()).fetchMessage!({ providerMessageId: MESSAGE_ID }));
    await settle();

    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, outcomeUnknown: false, retryAfterMs: 3000, providerCode: '10011', httpStatus: 429, provider: 'telnyx' });
    expect(requests).toHaveLength(1);
  });

  it('401: AUTH_ERROR, not retryable', async () => {
    nock(TELNYX_ORIGIN).get(MESSAGE_PATH).reply(401, telnyxErrorBody('10009', 'Authentication failed'));

    const error = await rejection(createTelnyxProvider(settings()).fetchMessage!({ providerMessageId: MESSAGE_ID }));

    expect(error).toMatchObject({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', retryable: false, outcomeUnknown: false, httpStatus: 401 });
  });

  it('500: a provider error that may be repeated, one GET (the SDK retries are off)', async () => {
    const scope = nock(TELNYX_ORIGIN).get(MESSAGE_PATH).times(3).reply(500, telnyxErrorBody('10007', 'Unexpected error'));
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings()).fetchMessage!({ providerMessageId: MESSAGE_ID }));
    await settle();

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', retryable: true, outcomeUnknown: false, httpStatus: 500 });
    expect(error.message).not.toMatch(/may have been accepted/);
    expect(JSON.stringify(error)).not.toMatch(/"outcomeUnknown":true/);
    expect(requests).toHaveLength(1);
  });

  it('a response that never arrives: TIMEOUT, retryable, not outcome unknown, one GET', async () => {
    const scope = nock(TELNYX_ORIGIN).get(MESSAGE_PATH).times(3).reply(lateReply(2_000, 200, delivered));
    const requests = recordRequests(scope);

    const error = await rejection(createTelnyxProvider(settings({ timeoutMs: 200 })).fetchMessage!({ providerMessageId: MESSAGE_ID }));

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', retryable: true, outcomeUnknown: false });
    expect(requests).toHaveLength(1);
  });

  it("the caller's abort cancels the GET on the wire: ABORTED, not retryable, not outcome unknown", async () => {
    let abortedOnTheWire: boolean | undefined;
    nock(TELNYX_ORIGIN)
      .get(MESSAGE_PATH)
      .reply(async (request: Request) => {
        await sleep(500);
        abortedOnTheWire = request.signal.aborted;
        return [200, delivered];
      });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await rejection(createTelnyxProvider(settings()).fetchMessage!({ providerMessageId: MESSAGE_ID }, { signal: controller.signal }));
    await sleep(600);

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', retryable: false, outcomeUnknown: false });
    expect(abortedOnTheWire).toBe(true);
  });

  it('a structural client with only messages.send: SDK_ERROR, no request', async () => {
    const client: TelnyxClientLike = { messages: { send: () => Promise.reject(new Error('not used')) } };

    const error = await rejection(createTelnyxProvider(settings({ client })).fetchMessage!({ providerMessageId: MESSAGE_ID }));

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_ERROR', retryable: false, outcomeUnknown: false });
  });
});
