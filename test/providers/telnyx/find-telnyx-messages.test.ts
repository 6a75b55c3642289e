import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import type { ProviderMessageQuery } from '../../../src/providers/provider';
import { createTelnyxProvider } from '../../../src/providers/telnyx';
import { nock, recordRequests, sleep } from '../../support/intercept-http';
import { API_KEY, FROM, MESSAGING_PROFILE_ID, TELNYX_ORIGIN, TO, telnyxErrorBody } from './support/telnyx-fixtures';

const RECORDS_PATH = '/v2/detail_records';
const provider = () => createTelnyxProvider({ apiKey: API_KEY, from: FROM });
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

const uuid = (n: number) => `3ca7bd3d-7d82-4e07-9df4-${String(n).padStart(12, '0')}`;

/** A messaging detail record, as in the example of https://developers.telnyx.com/api-reference/detail-records/search-detail-records. */
function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    record_type: 'message_detail_record',
    uuid: uuid(1),
    user_id: 'b448f9cc-a842-4784-98e9-03c1a5872950',
    completed_at: '2024-11-21T05:01:49Z',
    created_at: '2024-11-21T05:01:45Z',
    updated_at: '2024-11-21T05:01:49Z',
    sent_at: '2024-11-21T05:01:46Z',
    carrier: 'T-Mobile USA',
    carrier_fee: '0.003',
    cld: TO,
    cli: FROM,
    country_code: 'US',
    delivery_status: 'success: webhook succeeded',
    direction: 'outbound',
    fteu: false,
    message_type: 'SMS',
    on_net: false,
    profile_id: MESSAGING_PROFILE_ID,
    profile_name: 'My Messaging Profile',
    source_country_code: 'US',
    status: 'delivered',
    tags: '',
    rate: '0.004',
    currency: 'USD',
    cost: '0.004',
    errors: [],
    parts: 1,
    ...overrides,
  };
}

const page = (data: Record<string, unknown>[]) => ({ data, meta: { total_pages: 1, total_results: data.length, page_number: 1, page_size: 20 } });

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

describe('telnyx findMessages: the filters on the wire', () => {
  it('one GET /v2/detail_records: messaging, outbound, cld, cli, created_at days, newest first, page size, Bearer key', async () => {
    const scope = nock(TELNYX_ORIGIN).get(RECORDS_PATH).query(true).reply(200, page([]));
    const requests = recordRequests(scope);

    await expect(provider().findMessages?.(query())).resolves.toEqual([]);

    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe(RECORDS_PATH);
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(Object.fromEntries(requests[0]?.url.searchParams ?? [])).toEqual({
      'filter[record_type]': 'messaging',
      'filter[direction]': 'outbound',
      'filter[cld]': TO,
      'filter[cli]': FROM,
      'filter[created_at][gte]': '2024-11-21',
      'filter[created_at][lt]': '2024-11-22',
      sort: '-created_at',
      'page[size]': '20',
    });
  });

  it('no cli without a sender; page size capped at 50; a limit of 0 makes no request', async () => {
    const scope = nock(TELNYX_ORIGIN).get(RECORDS_PATH).query(true).times(2).reply(200, page([]));
    const requests = recordRequests(scope);

    await provider().findMessages?.(query({ from: undefined, limit: 500 }));
    await expect(provider().findMessages?.(query({ limit: 0 }))).resolves.toEqual([]);

    expect(requests).toHaveLength(1);
    expect(requests[0]?.url.searchParams.has('filter[cli]')).toBe(false);
    expect(requests[0]?.url.searchParams.get('page[size]')).toBe('50');
  });
});

describe('telnyx findMessages: filtering the page', () => {
  it('keeps outbound records created inside the window; no body; status and error code from the record', async () => {
    nock(TELNYX_ORIGIN)
      .get(RECORDS_PATH)
      .query(true)
      .reply(
        200,
        page([
          record({ uuid: uuid(1), created_at: '2024-11-21T05:01:50Z' }),
          record({ uuid: uuid(2), status: 'failed', errors: ['40008'], created_at: '2024-11-21T05:01:45Z' }),
          record({ uuid: uuid(3), direction: 'inbound', status: 'received', cld: FROM, cli: TO, created_at: '2024-11-21T05:01:47Z' }),
          record({ uuid: uuid(4), created_at: '2024-11-21T05:03:00Z' }),
          record({ uuid: uuid(5), status: 'dlr_unconfirmed', created_at: '2024-11-21T04:58:00Z' }),
        ]),
      );

    const found = await provider().findMessages?.(query());

    expect(found).toEqual([
      { providerMessageId: uuid(1), status: 'delivered', to: TO, from: FROM, body: null, createdAt: '2024-11-21T05:01:50.000Z', providerCode: null },
      { providerMessageId: uuid(2), status: 'failed', to: TO, from: FROM, body: null, createdAt: '2024-11-21T05:01:45.000Z', providerCode: '40008' },
    ]);
  });

  it('a record status outside the documented list (or gw_timeout) is unknown, never guessed', async () => {
    nock(TELNYX_ORIGIN)
      .get(RECORDS_PATH)
      .query(true)
      .reply(200, page([record({ uuid: uuid(1), status: 'gw_timeout' }), record({ uuid: uuid(2), status: 'queued' }), record({ uuid: uuid(3), status: 'dlr_timeout' })]));

    const found = await provider().findMessages?.(query());

    expect(found?.map((message) => message.status)).toEqual(['unknown', 'unknown', 'sent']);
  });
});

describe('telnyx findMessages: failures are read errors', () => {
  it('429 with Retry-After: RATE_LIMITED, retryAfterMs, one GET', async () => {
    const scope = nock(TELNYX_ORIGIN).get(RECORDS_PATH).query(true).times(3).reply(429, telnyxErrorBody('10011', 'Too many requests'), { 'Retry-After': '2' });
    const requests = recordRequests(scope);

    const error = await rejection(provider().findMessages!(query()));
    await settle();

    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000, outcomeUnknown: false });
    expect(requests).toHaveLength(1);
  });

  it('503: retryable, not outcome unknown, one GET', async () => {
    const scope = nock(TELNYX_ORIGIN).get(RECORDS_PATH).query(true).times(3).reply(503, telnyxErrorBody('10007', 'Unexpected error'));
    const requests = recordRequests(scope);

    const error = await rejection(provider().findMessages!(query()));
    await settle();

    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', retryable: true, outcomeUnknown: false, httpStatus: 503 });
    expect(requests).toHaveLength(1);
  });

  it('a response that never arrives: TIMEOUT, retryable, not outcome unknown', async () => {
    nock(TELNYX_ORIGIN)
      .get(RECORDS_PATH)
      .query(true)
      .reply(async () => {
        await sleep(2_000);
        return [200, page([])];
      });

    const error = await rejection(createTelnyxProvider({ apiKey: API_KEY, from: FROM, timeoutMs: 200 }).findMessages!(query()));

    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, outcomeUnknown: false });
  });
});
