import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpObservation } from '../../../src/providers/kit/http-observation';
import { headerReaderFrom } from '../../../src/providers/kit/retry-after';
import { runHttpAttempt, type HttpAttemptOutcome, type HttpInterruption } from '../../../src/providers/kit/run-http-attempt';
import { attachPlivoObserver } from '../../../src/providers/plivo/attach-plivo-observer';
import { classifyPlivoFailure } from '../../../src/providers/plivo/classify-plivo-failure';
import { loadPlivoSdk } from '../../../src/providers/plivo/load-plivo-sdk';
import { nock, socketError } from '../../support/intercept-http';
import { AUTH_ID, AUTH_TOKEN, MESSAGE_PATH, PLIVO_ORIGIN, plivoError } from './support/plivo-fixtures';

type Rejected = Extract<HttpAttemptOutcome<unknown>, { status: 'rejected' }>;

function rejected(fields: { error?: unknown; interruption?: HttpInterruption; observation?: Partial<HttpObservation> }): Rejected {
  const observation: HttpObservation = { signal: new AbortController().signal, requestStarted: true, response: undefined, transportError: undefined, ...fields.observation };
  return { status: 'rejected', error: fields.error, interruption: fields.interruption, observation };
}

async function attempt(reply: (scope: nock.Interceptor) => nock.Scope): Promise<Rejected> {
  const sdk = await loadPlivoSdk();
  attachPlivoObserver(sdk);
  const client = new sdk.Client(AUTH_ID, AUTH_TOKEN, { timeout: 5_000 });
  reply(nock(PLIVO_ORIGIN).post(MESSAGE_PATH));
  const outcome = await runHttpAttempt({ timeoutMs: 5_000, request: () => client.messages.create({ src: '14155550199', dst: '14155552671', text: 'Hi' }) });
  if (outcome.status !== 'rejected') throw new Error('expected the attempt to fail');
  return outcome;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('classifyPlivoFailure', () => {
  it('classifies an interruption first', () => {
    expect(classifyPlivoFailure(rejected({ interruption: 'timeout' }), { observable: true })).toMatchObject({ reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true, provider: 'plivo' });
    expect(classifyPlivoFailure(rejected({ interruption: 'timeout', observation: { requestStarted: false } }), { observable: true })).toMatchObject({
      reason: 'TIMEOUT_BEFORE_REQUEST',
      outcomeUnknown: false,
    });
  });

  it('maps a non-2xx answer with its error text and Retry-After, read from the wire', async () => {
    const limited = classifyPlivoFailure(await attempt((scope) => scope.reply(429, plivoError('too many requests'), { 'retry-after': '3' })), { observable: true });
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', httpStatus: 429, retryAfterMs: 3_000, provider: 'plivo' });

    const dst = classifyPlivoFailure(await attempt((scope) => scope.reply(400, plivoError('invalid dst parameter'))), { observable: true });
    expect(dst).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', providerCode: 'invalid_dst', fault: 'request', httpStatus: 400 });

    const credit = classifyPlivoFailure(await attempt((scope) => scope.reply(402, JSON.stringify(plivoError('Insufficient Credit')))), { observable: true });
    expect(credit).toMatchObject({ reason: 'ACCOUNT_REJECTED', providerCode: 'insufficient_credit' });

    const geo = classifyPlivoFailure(await attempt((scope) => scope.reply(403, 'geo blocked')), { observable: true });
    expect(geo).toMatchObject({ reason: 'DESTINATION_NOT_PERMITTED', providerCode: 'geo_permission', fault: 'request' });
  });

  it('calls a 5xx outcome unknown', () => {
    const observation = { response: { status: 503, readHeader: headerReaderFrom({}) } };
    expect(classifyPlivoFailure(rejected({ observation }), { observable: true })).toMatchObject({ httpStatus: 503, outcomeUnknown: true });
  });

  it('calls a failure after a 2xx an unreadable answer, withholding the message', () => {
    const error = classifyPlivoFailure(
      rejected({ error: new SyntaxError('Unexpected token in "+14155552671"'), observation: { response: { status: 202, readHeader: headerReaderFrom({}) } } }),
      { observable: true },
    );
    expect(error).toMatchObject({ reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true, httpStatus: 202 });
    expect((error.cause as Error).message).toBe('SyntaxError (message withheld: it may quote the response)');
  });

  it('calls an SDK error before any request not sent, only when requests are observed', () => {
    const sdkError = new Error('dst is required');
    const observed = classifyPlivoFailure(rejected({ error: sdkError, observation: { requestStarted: false } }), { observable: true });
    expect(observed).toMatchObject({ reason: 'SDK_ERROR', outcomeUnknown: false });
    expect(observed.cause).toBe(sdkError);
    const unobserved = classifyPlivoFailure(rejected({ error: sdkError, observation: { requestStarted: false } }), { observable: false });
    expect(unobserved.reason).not.toBe('SDK_ERROR');
    expect(unobserved.outcomeUnknown).toBe(true);
  });

  it('classifies transport errors by their code, keeping the raw error as cause', async () => {
    const refused = classifyPlivoFailure(await attempt((scope) => scope.replyWithError(socketError('ECONNREFUSED', 'connect'))), { observable: true });
    expect(refused).toMatchObject({ reason: 'CONNECTION_FAILED', outcomeUnknown: false, retryable: true });
    expect(refused.message).toBe('Plivo: could not connect; the message was not sent. (ECONNREFUSED)');
    expect((refused.cause as { code?: string }).code).toBe('ECONNREFUSED');

    const reset = classifyPlivoFailure(await attempt((scope) => scope.replyWithError(socketError('ECONNRESET', 'read'))), { observable: true });
    expect(reset).toMatchObject({ reason: 'CONNECTION_LOST', outcomeUnknown: true });

    const timeout = classifyPlivoFailure(rejected({ observation: { transportError: Object.assign(new Error('t'), { code: 'ETIMEDOUT' }) } }), { observable: true });
    expect(timeout).toMatchObject({ reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true });

    const stackString = classifyPlivoFailure(rejected({ error: 'Error: socket hang up\n    at …' }), { observable: true });
    expect(stackString).toMatchObject({ reason: 'CONNECTION_LOST' });
    expect(stackString.cause).toBeUndefined();
  });
});
