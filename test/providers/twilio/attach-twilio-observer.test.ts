import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runHttpAttempt } from '../../../src/providers/kit/run-http-attempt';
import { attachTwilioObserver } from '../../../src/providers/twilio/attach-twilio-observer';
import { nock, socketError } from '../../support/intercept-http';
import { ACCOUNT_SID, AUTH_TOKEN, FROM, MESSAGES_PATH, TO, TWILIO_ORIGIN, twilioMessage } from './support/twilio-fixtures';

function client() {
  const httpClient = new twilio.RequestClient({ timeout: 5_000, autoRetry: false });
  expect(attachTwilioObserver(httpClient)).toBe(true);
  return twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient });
}

const create = (sdk: ReturnType<typeof client>) => sdk.messages.create({ to: TO, from: FROM, body: 'Hi' });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('attachTwilioObserver', () => {
  it('returns false for anything without axios interceptors, and true again on a second attach', () => {
    expect(attachTwilioObserver(undefined)).toBe(false);
    expect(attachTwilioObserver({})).toBe(false);
    expect(attachTwilioObserver({ axios: { interceptors: { request: {} } } })).toBe(false);
    const httpClient = new twilio.RequestClient();
    expect(attachTwilioObserver(httpClient)).toBe(true);
    expect(attachTwilioObserver(httpClient)).toBe(true);
  });

  it('records the dispatch and the status inside an attempt', async () => {
    const sdk = client();
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage(), { 'twilio-request-id': 'RQ1' });
    const outcome = await runHttpAttempt({ timeoutMs: 5_000, request: () => create(sdk) });
    expect(outcome.status).toBe('fulfilled');
    expect(outcome.observation.requestStarted).toBe(true);
    expect(outcome.observation.response?.status).toBe(201);
    expect(outcome.observation.response?.readHeader('twilio-request-id')).toBe('RQ1');
  });

  it("keeps the headers of a 429 that twilio-node's RestException drops", async () => {
    const sdk = client();
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(429, { code: 20429, message: 'Too Many Requests', status: 429 }, { 'retry-after': '4' });
    const outcome = await runHttpAttempt({ timeoutMs: 5_000, request: () => create(sdk) });
    expect(outcome.status).toBe('rejected');
    expect(outcome.observation.response?.status).toBe(429);
    expect(outcome.observation.response?.readHeader('retry-after')).toBe('4');
  });

  it('keeps the raw transport error', async () => {
    const sdk = client();
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).replyWithError(socketError('ECONNREFUSED', 'connect'));
    const outcome = await runHttpAttempt({ timeoutMs: 5_000, request: () => create(sdk) });
    expect(outcome.status).toBe('rejected');
    expect(outcome.observation.response).toBeUndefined();
    expect((outcome.observation.transportError as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('aborts the request through the signal at the deadline', async () => {
    const sdk = client();
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).delay(2_000).reply(201, twilioMessage());
    const outcome = await runHttpAttempt({ timeoutMs: 50, request: () => create(sdk) });
    expect(outcome.status === 'rejected' && outcome.interruption).toBe('timeout');
    expect(outcome.observation.requestStarted).toBe(true);
    expect(outcome.observation.signal.aborted).toBe(true);
  });

  it('leaves requests outside an attempt untouched', async () => {
    const sdk = client();
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    expect((await create(sdk)).sid).toBe(twilioMessage().sid);
  });
});
