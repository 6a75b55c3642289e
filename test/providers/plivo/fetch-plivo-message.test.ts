import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { ValidationError } from '../../../src/errors/validation-error';
import { createPlivoProvider, plivoDefinition } from '../../../src/providers/plivo';
import type { SmsProvider } from '../../../src/providers/provider';
import { nock, recordRequests, socketError } from '../../support/intercept-http';
import { AUTH_ID, AUTH_TOKEN, BASIC_AUTH, FROM, PLIVO_ORIGIN, plivoError } from './support/plivo-fixtures';
import { DELIVERED_UUID, FAILED_UUID, deliveredRecord, failedRecord, undeliveredRecord } from './support/plivo-records';

const messagePath = (uuid: string): string => `/v1/Account/${AUTH_ID}/Message/${uuid}/`;
const provider = (timeoutMs?: number): SmsProvider => createPlivoProvider({ authId: AUTH_ID, authToken: AUTH_TOKEN, from: FROM, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
const fetchMessage = (target: SmsProvider, providerMessageId: string, signal?: AbortSignal) => {
  if (target.fetchMessage === undefined) throw new Error('the Plivo adapter has no fetchMessage');
  return target.fetchMessage({ providerMessageId }, signal === undefined ? {} : { signal });
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

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('Plivo fetchMessage: the request and the answers', () => {
  it('GETs the message once, with Basic auth and no query, and maps a delivered record', async () => {
    const requests = recordRequests(nock(PLIVO_ORIGIN).get(messagePath(DELIVERED_UUID)).reply(200, deliveredRecord()));

    const message = await fetchMessage(provider(), DELIVERED_UUID);

    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe(messagePath(DELIVERED_UUID));
    expect(requests[0]?.url.search).toBe('');
    expect(requests[0]?.headers.get('authorization')).toBe(BASIC_AUTH);
    expect(message).toEqual({
      providerMessageId: DELIVERED_UUID,
      status: 'delivered',
      to: '+12401234567',
      from: '+17087654321',
      body: null,
      createdAt: '2021-07-13T07:34:06.799Z',
      providerCode: null,
    });
  });

  it('maps a failed record with its error code', async () => {
    nock(PLIVO_ORIGIN).get(messagePath(FAILED_UUID)).reply(200, failedRecord());
    expect(await fetchMessage(provider(), FAILED_UUID)).toEqual({
      providerMessageId: FAILED_UUID,
      status: 'failed',
      to: '+19352326448',
      from: '+18552828641',
      body: null,
      createdAt: '2016-08-17T15:52:36.000Z',
      providerCode: '200',
    });
  });

  it('maps an undelivered record with its error code', async () => {
    nock(PLIVO_ORIGIN).get(messagePath(DELIVERED_UUID)).reply(200, undeliveredRecord());
    expect(await fetchMessage(provider(), DELIVERED_UUID)).toMatchObject({ status: 'undelivered', providerCode: '50' });
  });

  it('resolves undefined on a 404: Plivo does not know the id', async () => {
    const requests = recordRequests(nock(PLIVO_ORIGIN).get(messagePath(DELIVERED_UUID)).reply(404, plivoError('not found')));
    await expect(fetchMessage(provider(), DELIVERED_UUID)).resolves.toBeUndefined();
    expect(requests).toHaveLength(1);
  });

  it('reads a 429 with Retry-After as RATE_LIMITED with retryAfterMs, never outcome unknown', async () => {
    nock(PLIVO_ORIGIN).get(messagePath(DELIVERED_UUID)).reply(429, plivoError('too many requests'), { 'Retry-After': '7' });
    const error = await rejection(fetchMessage(provider(), DELIVERED_UUID));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryable: true, outcomeUnknown: false, httpStatus: 429, retryAfterMs: 7000, provider: 'plivo' });
  });

  it('makes one GET on a 500 and reports a retryable provider error, not outcome unknown (a read sends nothing)', async () => {
    const requests = recordRequests(nock(PLIVO_ORIGIN).get(messagePath(DELIVERED_UUID)).times(3).reply(500, plivoError('internal server error')));
    const error = await rejection(fetchMessage(provider(), DELIVERED_UUID));
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', retryable: true, outcomeUnknown: false, fault: 'provider', httpStatus: 500 });
    expect(error.message).not.toContain('may have been accepted');
  });

  it('reads a 403 on a GET as a permission problem, not the geo-permission rule of a send', async () => {
    nock(PLIVO_ORIGIN).get(messagePath(DELIVERED_UUID)).reply(403, plivoError('forbidden'));
    const error = await rejection(fetchMessage(provider(), DELIVERED_UUID));
    expect(error).toMatchObject({ code: 'AUTH_ERROR', reason: 'PERMISSION_DENIED', outcomeUnknown: false, httpStatus: 403 });
    expect(error.providerCode).toBeUndefined();
  });

  it('reports a 200 without message_uuid as an unreadable answer', async () => {
    nock(PLIVO_ORIGIN).get(messagePath(DELIVERED_UUID)).reply(200, { api_id: 'x' });
    const error = await rejection(fetchMessage(provider(), DELIVERED_UUID));
    expect(error).toMatchObject({ reason: 'UNREADABLE_RESPONSE', outcomeUnknown: false, retryable: true, httpStatus: 200 });
  });

  it('reports a refused connection as CONNECTION_FAILED with its code', async () => {
    nock(PLIVO_ORIGIN).get(messagePath(DELIVERED_UUID)).replyWithError(socketError('ECONNREFUSED', 'connect'));
    const error = await rejection(fetchMessage(provider(), DELIVERED_UUID));
    expect(error).toMatchObject({ reason: 'CONNECTION_FAILED', outcomeUnknown: false, retryable: true });
    expect(JSON.stringify(error)).toContain('ECONNREFUSED');
    expect(JSON.stringify(error)).not.toContain(AUTH_TOKEN);
  });
});

describe('Plivo fetchMessage: deadline and abort', () => {
  it('ends at the deadline as a retryable RESPONSE_TIMEOUT and aborts the request on the wire', async () => {
    let wireAborted: Promise<boolean> | undefined;
    const scope = nock(PLIVO_ORIGIN)
      .get(messagePath(DELIVERED_UUID))
      .reply(() => new Promise<never>(() => undefined));
    scope.on('request', (request: Request) => {
      wireAborted = new Promise((resolve) => request.signal.addEventListener('abort', () => resolve(true), { once: true }));
    });

    const error = await rejection(fetchMessage(provider(200), DELIVERED_UUID));

    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: false, retryable: true, fault: 'provider' });
    await expect(wireAborted).resolves.toBe(true);
  });

  it("the caller's abort cancels the request in flight: ABORTED, request fault, not retryable", async () => {
    const controller = new AbortController();
    const requests = recordRequests(
      nock(PLIVO_ORIGIN)
        .get(messagePath(DELIVERED_UUID))
        .reply(() => {
          controller.abort();
          return new Promise<never>(() => undefined);
        }),
    );

    const error = await rejection(fetchMessage(provider(), DELIVERED_UUID, controller.signal));

    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get('authorization')).toBe(BASIC_AUTH);
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', fault: 'request', outcomeUnknown: false, retryable: false });
  });

  it('an already aborted signal makes no request', async () => {
    const scope = nock(PLIVO_ORIGIN).get(messagePath(DELIVERED_UUID)).reply(200, deliveredRecord());
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(fetchMessage(provider(), DELIVERED_UUID, controller.signal));
    expect(error).toMatchObject({ reason: 'ABORTED', outcomeUnknown: false });
    expect(scope.isDone()).toBe(false);
  });

  it('refuses an id that is not a Plivo UUID before any request', async () => {
    const scope = nock(PLIVO_ORIGIN).get(/.*/).reply(200, deliveredRecord());
    const error = await fetchMessage(provider(), '../Call/x').catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error) && error.field).toBe('providerMessageId');
    expect(scope.isDone()).toBe(false);
  });
});

describe('Plivo definition', () => {
  it('states that the adapter fetches by id and finds by recipient, and sets no listing delay', () => {
    expect(plivoDefinition.capabilities).toMatchObject({ statusFetch: true, findMessages: true });
    expect(provider().capabilities?.listingDelayMs).toBeUndefined();
    expect(typeof provider().findMessages).toBe('function');
  });
});
