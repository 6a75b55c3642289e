import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runHttpAttempt } from '../../../src/providers/kit/run-http-attempt';
import { attachPlivoObserver, observedErrorBody } from '../../../src/providers/plivo/attach-plivo-observer';
import { loadPlivoSdk } from '../../../src/providers/plivo/load-plivo-sdk';
import { nock, recordRequests, socketError } from '../../support/intercept-http';
import { AUTH_ID, AUTH_TOKEN, MESSAGE_PATH, PLIVO_ORIGIN, plivoError, plivoQueued } from './support/plivo-fixtures';

const params = { src: '14155550199', dst: '14155552671', text: 'Hi' };

async function client() {
  const sdk = await loadPlivoSdk();
  expect(attachPlivoObserver(sdk)).toBe(true);
  return new sdk.Client(AUTH_ID, AUTH_TOKEN, { timeout: 5_000 });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('attachPlivoObserver', () => {
  it('returns false for an object that is not a loaded plivo-node module, and true again on a second attach', async () => {
    expect(attachPlivoObserver({ Client: class {} })).toBe(false);
    const sdk = await loadPlivoSdk();
    expect(attachPlivoObserver(sdk)).toBe(true);
    expect(attachPlivoObserver(sdk)).toBe(true);
  });

  it("records the dispatch and the 2xx status inside an attempt, and passes the attempt's signal to axios", async () => {
    const plivo = await client();
    nock(PLIVO_ORIGIN).post(MESSAGE_PATH).reply(202, plivoQueued(), { 'x-request-id': 'r1' });
    const outcome = await runHttpAttempt({ timeoutMs: 5_000, request: () => plivo.messages.create(params) });
    expect(outcome.status).toBe('fulfilled');
    expect(outcome.observation.requestStarted).toBe(true);
    expect(outcome.observation.response?.status).toBe(202);
    expect(outcome.observation.response?.readHeader('x-request-id')).toBe('r1');
    expect(observedErrorBody(outcome.observation)).toBeUndefined();
  });

  it('keeps the status, the headers and the error body of a non-2xx answer the SDK drops', async () => {
    const plivo = await client();
    nock(PLIVO_ORIGIN).post(MESSAGE_PATH).reply(429, plivoError('too many requests'), { 'retry-after': '7' });
    const outcome = await runHttpAttempt({ timeoutMs: 5_000, request: () => plivo.messages.create(params) });
    expect(outcome.status).toBe('rejected');
    expect(outcome.observation.response?.status).toBe(429);
    expect(outcome.observation.response?.readHeader('retry-after')).toBe('7');
    expect(observedErrorBody(outcome.observation)).toEqual(plivoError('too many requests'));
    expect(outcome.observation.transportError).toBeUndefined();
  });

  it('keeps the raw transport error when no answer came', async () => {
    const plivo = await client();
    nock(PLIVO_ORIGIN).post(MESSAGE_PATH).replyWithError(socketError('ECONNRESET', 'read'));
    const outcome = await runHttpAttempt({ timeoutMs: 5_000, request: () => plivo.messages.create(params) });
    expect(outcome.status).toBe('rejected');
    expect(outcome.observation.response).toBeUndefined();
    expect((outcome.observation.transportError as { code?: string }).code).toBe('ECONNRESET');
  });

  it('aborts the socket through the signal when the deadline passes', async () => {
    const plivo = await client();
    const scope = nock(PLIVO_ORIGIN).post(MESSAGE_PATH).delay(2_000).reply(202, plivoQueued());
    const requests = recordRequests(scope);
    const outcome = await runHttpAttempt({ timeoutMs: 50, request: () => plivo.messages.create(params) });
    expect(outcome.status).toBe('rejected');
    expect(outcome.status === 'rejected' && outcome.interruption).toBe('timeout');
    expect(outcome.observation.requestStarted).toBe(true);
    expect(outcome.observation.signal.aborted).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('leaves requests outside an attempt untouched', async () => {
    const plivo = await client();
    nock(PLIVO_ORIGIN).post(MESSAGE_PATH).reply(202, plivoQueued());
    const response = await plivo.messages.create(params);
    expect(response.messageUuid).toEqual(plivoQueued().message_uuid);
  });
});
