import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { createTwilioProvider } from '../../../src/providers/twilio';
import type { TwilioClientLike, TwilioProviderSettings } from '../../../src/providers/twilio';
import { nock, recordRequests, sleep } from '../../support/intercept-http';
import { ACCOUNT_SID, AUTH_TOKEN, BASIC_AUTH, FROM, MESSAGE_SID, TO, TWILIO_ORIGIN, twilioErrorBody, twilioMessage } from './support/twilio-fixtures';

const MESSAGE_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}.json`;
const settings = (overrides: Partial<TwilioProviderSettings> = {}): TwilioProviderSettings => ({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, ...overrides });
/** Lets a late hidden retry reach nock before the request count is read. */
const settle = () => sleep(300);

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  try {
    await promise;
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw new Error(`expected an SmsError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the fetch to reject');
}

/** A delivered message as the Fetch example of https://www.twilio.com/docs/messaging/api/message-resource shows it. */
const delivered = twilioMessage({
  status: 'delivered',
  date_sent: 'Thu, 21 Nov 2024 05:01:46 +0000',
  date_updated: 'Thu, 21 Nov 2024 05:01:49 +0000',
  price: '-0.00790',
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('twilio fetchMessage: the request on the wire', () => {
  it('GETs the Message by SID with Basic auth, no query, and maps the resource', async () => {
    const scope = nock(TWILIO_ORIGIN).get(MESSAGE_PATH).reply(200, delivered);
    const requests = recordRequests(scope);

    const message = await createTwilioProvider(settings()).fetchMessage?.({ providerMessageId: MESSAGE_SID });

    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe(MESSAGE_PATH);
    expect(requests[0]?.url.search).toBe('');
    expect(requests[0]?.headers.get('authorization')).toBe(BASIC_AUTH);
    expect(message).toEqual({
      providerMessageId: MESSAGE_SID,
      status: 'delivered',
      to: TO,
      from: FROM,
      body: 'Your code is 482913',
      createdAt: '2024-11-21T05:01:45.000Z',
      providerCode: null,
    });
  });

  it.each([
    { status: 'failed', code: 30008, expected: 'failed' },
    { status: 'undelivered', code: 30003, expected: 'undelivered' },
  ])('a $status message carries its error code ($code)', async ({ status, code, expected }) => {
    nock(TWILIO_ORIGIN)
      .get(MESSAGE_PATH)
      .reply(200, twilioMessage({ status, error_code: code, error_message: null, date_sent: 'Thu, 21 Nov 2024 05:01:46 +0000' }));

    const message = await createTwilioProvider(settings()).fetchMessage?.({ providerMessageId: MESSAGE_SID });

    expect(message).toMatchObject({ status: expected, providerCode: String(code) });
  });

  it('404 (Twilio 20404): resolves undefined after one GET', async () => {
    const scope = nock(TWILIO_ORIGIN)
      .get(MESSAGE_PATH)
      .times(3)
      .reply(404, twilioErrorBody(20404, 404, `The requested resource ${MESSAGE_PATH} was not found`));
    const requests = recordRequests(scope);

    await expect(createTwilioProvider(settings()).fetchMessage?.({ providerMessageId: MESSAGE_SID })).resolves.toBeUndefined();
    await settle();
    expect(requests).toHaveLength(1);
  });

  it('an id that is not a Message SID: undefined, and no request that could put it in the path', async () => {
    const scope = nock(TWILIO_ORIGIN).get(/.*/).times(3).reply(200, delivered);
    const requests = recordRequests(scope);

    const provider = createTwilioProvider(settings());
    await expect(provider.fetchMessage?.({ providerMessageId: '../../Calls/CA00000000000000000000000000000000' })).resolves.toBeUndefined();
    await expect(provider.fetchMessage?.({ providerMessageId: '40385f64-5717-4562-b3fc-2c963f66afa6' })).resolves.toBeUndefined();
    expect(requests).toHaveLength(0);
  });
});

describe('twilio fetchMessage: failures are read errors, never outcome unknown', () => {
  it('429 with Retry-After: RATE_LIMITED, retryAfterMs, one GET', async () => {
    const scope = nock(TWILIO_ORIGIN).get(MESSAGE_PATH).times(3).reply(429, twilioErrorBody(20429, 429, 'Too Many Requests'), { 'Retry-After': '3' });
    const requests = recordRequests(scope);

    const error = await rejection(createTwilioProvider(settings()).fetchMessage!({ providerMessageId: MESSAGE_SID }));
    await settle();

    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, outcomeUnknown: false, retryAfterMs: 3000, providerCode: '20429', httpStatus: 429, provider: 'twilio' });
    expect(requests).toHaveLength(1);
  });

  it('401: AUTH_ERROR, not retryable', async () => {
    nock(TWILIO_ORIGIN).get(MESSAGE_PATH).reply(401, twilioErrorBody(20003, 401, 'Authenticate'));

    const error = await rejection(createTwilioProvider(settings()).fetchMessage!({ providerMessageId: MESSAGE_SID }));

    expect(error).toMatchObject({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', retryable: false, outcomeUnknown: false, httpStatus: 401 });
  });

  it('500: a provider error that may be repeated (a GET creates nothing), one GET', async () => {
    const scope = nock(TWILIO_ORIGIN).get(MESSAGE_PATH).times(3).reply(500, twilioErrorBody(20500, 500, 'Internal Server Error'));
    const requests = recordRequests(scope);

    const error = await rejection(createTwilioProvider(settings()).fetchMessage!({ providerMessageId: MESSAGE_SID }));
    await settle();

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', retryable: true, outcomeUnknown: false, httpStatus: 500 });
    expect(error.message).not.toMatch(/may have been accepted/);
    expect(JSON.stringify(error)).not.toMatch(/"outcomeUnknown":true/);
    expect(requests).toHaveLength(1);
  });

  it('a response that never arrives: TIMEOUT, retryable, not outcome unknown, one GET', async () => {
    const scope = nock(TWILIO_ORIGIN)
      .get(MESSAGE_PATH)
      .times(3)
      .reply(async () => {
        await sleep(2_000);
        return [200, delivered];
      });
    const requests = recordRequests(scope);

    const error = await rejection(createTwilioProvider(settings({ timeoutMs: 200 })).fetchMessage!({ providerMessageId: MESSAGE_SID }));

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', retryable: true, outcomeUnknown: false });
    expect(requests).toHaveLength(1);
  });

  it("the caller's abort cancels the GET on the wire: ABORTED, not retryable, not outcome unknown", async () => {
    let abortedOnTheWire: boolean | undefined;
    nock(TWILIO_ORIGIN)
      .get(MESSAGE_PATH)
      .reply(async (request: Request) => {
        await sleep(500);
        abortedOnTheWire = request.signal.aborted;
        return [200, delivered];
      });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await rejection(createTwilioProvider(settings()).fetchMessage!({ providerMessageId: MESSAGE_SID }, { signal: controller.signal }));
    await sleep(600);

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', retryable: false, outcomeUnknown: false });
    expect(abortedOnTheWire).toBe(true);
  });

  it('an already aborted signal: no request', async () => {
    const scope = nock(TWILIO_ORIGIN).get(MESSAGE_PATH).reply(200, delivered);
    const requests = recordRequests(scope);
    const controller = new AbortController();
    controller.abort();

    const error = await rejection(createTwilioProvider(settings()).fetchMessage!({ providerMessageId: MESSAGE_SID }, { signal: controller.signal }));

    expect(error).toMatchObject({ reason: 'ABORTED', outcomeUnknown: false });
    expect(requests).toHaveLength(0);
  });

  it('a structural client with only messages.create: SDK_ERROR, no request', async () => {
    const client: TwilioClientLike = { messages: { create: () => Promise.reject(new Error('not used')) } };

    const error = await rejection(createTwilioProvider(settings({ client })).fetchMessage!({ providerMessageId: MESSAGE_SID }));

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_ERROR', retryable: false, outcomeUnknown: false });
  });
});
