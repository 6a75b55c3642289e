import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import type { ProviderMessageQuery } from '../../../src/providers/provider';
import { createTwilioProvider } from '../../../src/providers/twilio';
import { nock, recordRequests, sleep } from '../../support/intercept-http';
import { ACCOUNT_SID, AUTH_TOKEN, BASIC_AUTH, FROM, MESSAGES_PATH, TO, TWILIO_ORIGIN, twilioErrorBody, twilioMessage } from './support/twilio-fixtures';

const provider = () => createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM });
const settle = () => sleep(300);

const query = (overrides: Partial<ProviderMessageQuery> = {}): ProviderMessageQuery => ({
  to: TO,
  from: FROM,
  createdAfter: new Date('2024-11-21T05:01:40.000Z'),
  createdBefore: new Date('2024-11-21T05:01:55.000Z'),
  body: 'Your code is 482913',
  limit: 20,
  ...overrides,
});

const sid = (n: number) => `SM${String(n).padStart(32, '0')}`;

/** The Messages list body (`messages` plus paging keys), as in https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources. */
function messageList(messages: Record<string, unknown>[], pageSize = 20): Record<string, unknown> {
  return {
    end: messages.length - 1,
    first_page_uri: `${MESSAGES_PATH}?To=%2B14155552671&PageSize=${pageSize}&Page=0`,
    messages,
    next_page_uri: null,
    page: 0,
    page_size: pageSize,
    previous_page_uri: null,
    start: 0,
    uri: `${MESSAGES_PATH}?To=%2B14155552671&PageSize=${pageSize}&Page=0`,
  };
}

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  try {
    await promise;
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw new Error(`expected an SmsError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the lookup to reject');
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('twilio findMessages: the filters on the wire', () => {
  it('one GET of the Messages list with To, From, DateSent days and PageSize, Basic auth', async () => {
    const scope = nock(TWILIO_ORIGIN).get(MESSAGES_PATH).query(true).reply(200, messageList([]));
    const requests = recordRequests(scope);

    await expect(provider().findMessages?.(query())).resolves.toEqual([]);

    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe(MESSAGES_PATH);
    expect(requests[0]?.headers.get('authorization')).toBe(BASIC_AUTH);
    // Documented GMT dates only (YYYY-MM-DD): the day of createdAfter to the day after createdBefore.
    expect(Object.fromEntries(requests[0]?.url.searchParams ?? [])).toEqual({
      To: TO,
      From: FROM,
      'DateSent>': '2024-11-21',
      'DateSent<': '2024-11-22',
      PageSize: '20',
    });
  });

  it('a window across midnight GMT covers both days and the next; no From when none is given', async () => {
    const scope = nock(TWILIO_ORIGIN).get(MESSAGES_PATH).query(true).reply(200, messageList([]));
    const requests = recordRequests(scope);

    await provider().findMessages?.(query({ from: undefined, createdAfter: new Date('2024-11-21T23:59:50.000Z'), createdBefore: new Date('2024-11-22T00:00:10.000Z') }));

    const params = requests[0]?.url.searchParams;
    expect(params?.get('DateSent>')).toBe('2024-11-21');
    expect(params?.get('DateSent<')).toBe('2024-11-23');
    expect(params?.has('From')).toBe(false);
  });

  it('PageSize is capped at 1000; a limit of 0 makes no request', async () => {
    const scope = nock(TWILIO_ORIGIN).get(MESSAGES_PATH).query(true).times(2).reply(200, messageList([]));
    const requests = recordRequests(scope);

    await provider().findMessages?.(query({ limit: 5000 }));
    await expect(provider().findMessages?.(query({ limit: 0 }))).resolves.toEqual([]);

    expect(requests).toHaveLength(1);
    expect(requests[0]?.url.searchParams.get('PageSize')).toBe('1000');
  });
});

describe('twilio findMessages: filtering the page', () => {
  it('keeps outbound messages created inside the window, with their status and error code', async () => {
    nock(TWILIO_ORIGIN)
      .get(MESSAGES_PATH)
      .query(true)
      .reply(
        200,
        messageList([
          twilioMessage({ sid: sid(1), status: 'delivered', date_created: 'Thu, 21 Nov 2024 05:01:50 +0000', date_sent: 'Thu, 21 Nov 2024 05:01:51 +0000' }),
          twilioMessage({ sid: sid(2), status: 'undelivered', error_code: 30003, date_created: 'Thu, 21 Nov 2024 05:01:45 +0000', date_sent: 'Thu, 21 Nov 2024 05:01:46 +0000' }),
          // Inbound reply from the recipient: not a send.
          twilioMessage({ sid: sid(3), direction: 'inbound', status: 'received', to: FROM, from: TO, date_created: 'Thu, 21 Nov 2024 05:01:47 +0000' }),
          // Created after the window (same day).
          twilioMessage({ sid: sid(4), status: 'delivered', date_created: 'Thu, 21 Nov 2024 05:02:30 +0000' }),
          // Created before the window (same day).
          twilioMessage({ sid: sid(5), status: 'failed', error_code: 30008, date_created: 'Thu, 21 Nov 2024 04:59:00 +0000' }),
        ]),
      );

    const found = await provider().findMessages?.(query());

    expect(found).toEqual([
      { providerMessageId: sid(1), status: 'delivered', to: TO, from: FROM, body: 'Your code is 482913', createdAt: '2024-11-21T05:01:50.000Z', providerCode: null },
      { providerMessageId: sid(2), status: 'undelivered', to: TO, from: FROM, body: 'Your code is 482913', createdAt: '2024-11-21T05:01:45.000Z', providerCode: '30003' },
    ]);
  });

  it('returns at most limit candidates', async () => {
    const inside = [1, 2, 3].map((n) => twilioMessage({ sid: sid(n), date_created: 'Thu, 21 Nov 2024 05:01:50 +0000' }));
    nock(TWILIO_ORIGIN).get(MESSAGES_PATH).query(true).reply(200, messageList(inside, 2));

    const found = await provider().findMessages?.(query({ limit: 2 }));

    expect(found?.map((message) => message.providerMessageId)).toEqual([sid(1), sid(2)]);
  });
});

describe('twilio findMessages: failures are read errors', () => {
  it('429 with Retry-After: RATE_LIMITED, retryAfterMs, one GET', async () => {
    const scope = nock(TWILIO_ORIGIN).get(MESSAGES_PATH).query(true).times(3).reply(429, twilioErrorBody(20429, 429, 'Too Many Requests'), { 'Retry-After': '2' });
    const requests = recordRequests(scope);

    const error = await rejection(provider().findMessages!(query()));
    await settle();

    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000, outcomeUnknown: false });
    expect(requests).toHaveLength(1);
  });

  it('503: PROVIDER_SERVER_ERROR, retryable, not outcome unknown, one GET', async () => {
    const scope = nock(TWILIO_ORIGIN).get(MESSAGES_PATH).query(true).times(3).reply(503, twilioErrorBody(20500, 503, 'Service Unavailable'));
    const requests = recordRequests(scope);

    const error = await rejection(provider().findMessages!(query()));
    await settle();

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', retryable: true, outcomeUnknown: false, httpStatus: 503 });
    expect(requests).toHaveLength(1);
  });

  it('a 404 on the list is an error, not an empty result (the account was not found)', async () => {
    nock(TWILIO_ORIGIN).get(MESSAGES_PATH).query(true).reply(404, twilioErrorBody(20404, 404, 'The requested resource was not found'));

    const error = await rejection(provider().findMessages!(query()));

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'NOT_FOUND', outcomeUnknown: false });
  });
});
