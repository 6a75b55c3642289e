import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { currentHttpObservation, observations, type HttpObservation } from '../../../src/providers/kit/http-observation';
import { observeTelnyxFetch } from '../../../src/providers/telnyx/observe-telnyx-fetch';
import { nock, socketError } from '../../support/intercept-http';
import { MESSAGES_PATH, TELNYX_ORIGIN, telnyxMessage } from './support/telnyx-fixtures';

function observation(): HttpObservation {
  return { signal: new AbortController().signal, requestStarted: false, response: undefined, transportError: undefined };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('observeTelnyxFetch', () => {
  it('records the dispatch, the status and the headers inside an attempt, and returns the response', async () => {
    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(429, { errors: [{ code: '10011' }] }, { 'retry-after': '9' });
    const seen = observation();
    const response = await observations.run(seen, () => observeTelnyxFetch(`${TELNYX_ORIGIN}${MESSAGES_PATH}`, { method: 'POST', body: '{}' }));
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ errors: [{ code: '10011' }] });
    expect(seen.requestStarted).toBe(true);
    expect(seen.response?.status).toBe(429);
    expect(seen.response?.readHeader('retry-after')).toBe('9');
    expect(seen.transportError).toBeUndefined();
  });

  it('records the raw transport error and rethrows it', async () => {
    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).replyWithError(socketError('ECONNREFUSED', 'connect'));
    const seen = observation();
    const failure = await observations
      .run(seen, () => observeTelnyxFetch(new URL(`${TELNYX_ORIGIN}${MESSAGES_PATH}`), { method: 'POST', body: '{}' }))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(TypeError);
    expect(seen.transportError).toBe(failure);
    expect(seen.requestStarted).toBe(true);
    expect(seen.response).toBeUndefined();
  });

  it('calls globalThis.fetch at call time and records nothing outside an attempt', async () => {
    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage());
    expect(currentHttpObservation()).toBeUndefined();
    const response = await observeTelnyxFetch(new Request(`${TELNYX_ORIGIN}${MESSAGES_PATH}`, { method: 'POST', body: '{}' }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { id: string } }).data.id).toBe(telnyxMessage().data.id);
  });
});
