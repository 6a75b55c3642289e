import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { ValidationError } from '../../../src/errors/validation-error';
import { createPlivoProvider } from '../../../src/providers/plivo';
import type { ProviderMessageQuery, SmsProvider } from '../../../src/providers/provider';
import { nock, recordRequests } from '../../support/intercept-http';
import { AUTH_ID, AUTH_TOKEN, BASIC_AUTH, FROM, MESSAGE_PATH, PLIVO_ORIGIN, plivoError } from './support/plivo-fixtures';
import { DELIVERED_UUID, deliveredRecord, listPage } from './support/plivo-records';

const provider = (timeoutMs?: number): SmsProvider => createPlivoProvider({ authId: AUTH_ID, authToken: AUTH_TOKEN, from: FROM, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
const find = (target: SmsProvider, query: Partial<ProviderMessageQuery> = {}, signal?: AbortSignal) => {
  if (target.findMessages === undefined) throw new Error('the Plivo adapter has no findMessages');
  return target.findMessages({ ...baseQuery, ...query }, signal === undefined ? {} : { signal });
};
const list = () => nock(PLIVO_ORIGIN).get(MESSAGE_PATH).query(true);

/** The window around the documented record's message_time (2021-07-13 07:34:06.799 UTC). */
const baseQuery: ProviderMessageQuery = {
  to: '+12401234567',
  createdAfter: new Date('2021-07-13T07:33:00.000Z'),
  createdBefore: new Date('2021-07-13T07:36:30.500Z'),
  body: 'Your code is 482913',
  limit: 5,
};

const record = (uuid: string, overrides: Record<string, unknown> = {}) =>
  deliveredRecord({ message_uuid: uuid, resource_uri: `/v1/Account/${AUTH_ID}/Message/${uuid}/`, ...overrides });

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  try {
    await promise;
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw new Error(`expected an SmsError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the search to reject');
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('Plivo findMessages: the filters on the wire', () => {
  it('GETs the Message list with direction, UTC time range, recipient, limit and offset', async () => {
    const requests = recordRequests(list().reply(200, listPage([deliveredRecord()])));

    const found = await find(provider());

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('GET');
    expect(request?.url.pathname).toBe(MESSAGE_PATH);
    expect(request?.headers.get('authorization')).toBe(BASIC_AUTH);
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      message_direction: 'outbound',
      message_time__gte: '2021-07-13 07:33:00.000000',
      message_time__lte: '2021-07-13 07:36:30.500000',
      to_number: '+12401234567',
      limit: '5',
      offset: '0',
    });
    expect(found).toEqual([
      { providerMessageId: DELIVERED_UUID, status: 'delivered', to: '+12401234567', from: '+17087654321', body: null, createdAt: '2021-07-13T07:34:06.799Z', providerCode: null },
    ]);
  });

  it('adds from_number when a sender is given, and asks for at most 20 per page', async () => {
    const requests = recordRequests(list().reply(200, listPage([deliveredRecord()])));
    await find(provider(), { from: '+17087654321', limit: 50 });
    expect(requests[0]?.url.searchParams.get('from_number')).toBe('+17087654321');
    expect(requests[0]?.url.searchParams.get('limit')).toBe('20');
  });
});

describe('Plivo findMessages: what comes back', () => {
  it('keeps only outbound records to the recipient, from the sender, inside the window', async () => {
    list().reply(
      200,
      listPage([
        record('11111111-0000-4000-8000-000000000001'),
        record('11111111-0000-4000-8000-000000000002', { message_direction: 'inbound' }),
        record('11111111-0000-4000-8000-000000000003', { to_number: '12401234999' }),
        record('11111111-0000-4000-8000-000000000004', { from_number: '17080000000' }),
        record('11111111-0000-4000-8000-000000000005', { message_time: '2021-07-13 13:10:00.000000+05:30' }),
        record('11111111-0000-4000-8000-000000000006', { message_state: 'undelivered', error_code: '50' }),
      ]),
    );

    const found = await find(provider(), { from: '+17087654321' });

    expect(found.map((message) => [message.providerMessageId, message.status, message.providerCode])).toEqual([
      ['11111111-0000-4000-8000-000000000001', 'delivered', null],
      ['11111111-0000-4000-8000-000000000006', 'undelivered', '50'],
    ]);
  });

  it('returns at most limit candidates', async () => {
    list().reply(200, listPage([record('22222222-0000-4000-8000-000000000001'), record('22222222-0000-4000-8000-000000000002'), record('22222222-0000-4000-8000-000000000003')]));
    const found = await find(provider(), { limit: 2 });
    expect(found.map((message) => message.providerMessageId)).toEqual(['22222222-0000-4000-8000-000000000001', '22222222-0000-4000-8000-000000000002']);
  });

  it('reads the next page by offset while meta.next is set, and stops on the last page', async () => {
    const full = Array.from({ length: 20 }, (_, index) => record(`33333333-0000-4000-8000-${String(index).padStart(12, '0')}`, { to_number: '12409999999' }));
    const requests = recordRequests(
      list()
        .reply(200, listPage(full, { next: `/v1/Account/${AUTH_ID}/Message/?limit=20&offset=20`, totalCount: 21 }))
        .get(MESSAGE_PATH)
        .query(true)
        .reply(200, listPage([record('33333333-0000-4000-8000-999999999999')], { offset: 20, totalCount: 21 })),
    );

    const found = await find(provider(), { limit: 25 });

    expect(requests.map((request) => request.url.searchParams.get('offset'))).toEqual(['0', '20']);
    expect(found.map((message) => message.providerMessageId)).toEqual(['33333333-0000-4000-8000-999999999999']);
  });

  it('resolves an empty list when Plivo has nothing in the window', async () => {
    list().reply(200, listPage([]));
    await expect(find(provider())).resolves.toEqual([]);
  });
});

describe('Plivo findMessages: failures', () => {
  it('reads a 429 with Retry-After as RATE_LIMITED with retryAfterMs', async () => {
    list().reply(429, plivoError('too many requests'), { 'Retry-After': '60' });
    const error = await rejection(find(provider()));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, outcomeUnknown: false, httpStatus: 429, retryAfterMs: 60_000 });
  });

  it('makes one GET on a 500 and rejects retryable, never outcome unknown', async () => {
    const requests = recordRequests(list().times(3).reply(500, plivoError('internal server error')));
    const error = await rejection(find(provider()));
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ reason: 'PROVIDER_SERVER_ERROR', retryable: true, outcomeUnknown: false, httpStatus: 500 });
  });

  it('rejects a 404 of the list as an error: only fetchMessage reads 404 as unknown', async () => {
    list().reply(404, plivoError('not found'));
    const error = await rejection(find(provider()));
    expect(error).toMatchObject({ reason: 'NOT_FOUND', httpStatus: 404, outcomeUnknown: false });
  });

  it('ends at the deadline as RESPONSE_TIMEOUT', async () => {
    list().reply(() => new Promise<never>(() => undefined));
    const error = await rejection(find(provider(200)));
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: false, retryable: true });
  });

  it("the caller's abort ends the search: ABORTED, request fault", async () => {
    const controller = new AbortController();
    list().reply(() => {
      controller.abort();
      return new Promise<never>(() => undefined);
    });
    const error = await rejection(find(provider(), {}, controller.signal));
    expect(error).toMatchObject({ reason: 'ABORTED', fault: 'request', outcomeUnknown: false, retryable: false });
  });

  it('refuses a window that ends before it starts, or a limit below 1, before any request', async () => {
    const scope = list().reply(200, listPage([]));
    const reversed = await find(provider(), { createdAfter: baseQuery.createdBefore, createdBefore: baseQuery.createdAfter }).catch((error: unknown) => error);
    const noLimit = await find(provider(), { limit: 0 }).catch((error: unknown) => error);
    expect(ValidationError.isInstance(reversed) && reversed.field).toBe('createdBefore');
    expect(ValidationError.isInstance(noLimit) && noLimit.field).toBe('limit');
    expect(scope.isDone()).toBe(false);
  });
});
