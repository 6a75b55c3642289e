import { describe, expect, it } from 'vitest';
import type { HttpObservation } from '../../../src/providers/kit/http-observation';
import { headerReaderFrom } from '../../../src/providers/kit/retry-after';
import type { HttpAttemptOutcome, HttpInterruption } from '../../../src/providers/kit/run-http-attempt';
import { classifyVonageFailure } from '../../../src/providers/vonage/classify-vonage-failure';
import { VonageHttpError } from '../../../src/providers/vonage/vonage-http-error';

type Rejected = Extract<HttpAttemptOutcome<unknown>, { status: 'rejected' }>;

function rejected(fields: { error?: unknown; interruption?: HttpInterruption; observation?: Partial<HttpObservation> }): Rejected {
  const observation: HttpObservation = { signal: new AbortController().signal, requestStarted: true, response: undefined, transportError: undefined, ...fields.observation };
  return { status: 'rejected', error: fields.error, interruption: fields.interruption, observation };
}

const httpError = (status: number, body: unknown, headers: Record<string, string> = {}) => new VonageHttpError({ status, readHeader: headerReaderFrom(headers), body });

describe('classifyVonageFailure', () => {
  it('classifies interruptions, the request always being observed', () => {
    expect(classifyVonageFailure(rejected({ interruption: 'timeout', observation: { requestStarted: false } }))).toMatchObject({ reason: 'TIMEOUT_BEFORE_REQUEST', outcomeUnknown: false, provider: 'vonage' });
    expect(classifyVonageFailure(rejected({ interruption: 'caller-abort' }))).toMatchObject({ reason: 'ABORTED', outcomeUnknown: true, fault: 'request' });
  });

  it('maps a non-2xx answer by its RFC 7807 type, with Retry-After', () => {
    const sender = classifyVonageFailure(rejected({ error: httpError(422, { type: 'https://developer.nexmo.com/api-errors/messages-olympus#1120', title: 'Invalid sender' }) }));
    expect(sender).toMatchObject({ reason: 'SENDER_REJECTED', providerCode: '1120', httpStatus: 422, provider: 'vonage' });
    const limited = classifyVonageFailure(rejected({ error: httpError(429, undefined, { 'retry-after': '6' }) }));
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 6_000, httpStatus: 429 });
    expect(classifyVonageFailure(rejected({ error: httpError(503, undefined) }))).toMatchObject({ httpStatus: 503, outcomeUnknown: true });
  });

  it('calls a failure after a 2xx an unreadable answer, withholding its message', () => {
    const error = classifyVonageFailure(rejected({ error: new SyntaxError('bad JSON "14155552671"'), observation: { response: { status: 202, readHeader: headerReaderFrom({}) } } }));
    expect(error).toMatchObject({ reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true, httpStatus: 202 });
    expect((error.cause as Error).message).toBe('SyntaxError (message withheld: it may quote the response)');
  });

  it('calls an error before any request not sent', () => {
    const error = classifyVonageFailure(rejected({ error: new TypeError('invalid private key'), observation: { requestStarted: false } }));
    expect(error).toMatchObject({ reason: 'SDK_ERROR', outcomeUnknown: false });
    expect((error.cause as Error).message).not.toContain('private key');
  });

  it('classifies transport errors by code, keeping the raw error missing from the chain', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const failed = classifyVonageFailure(rejected({ error: new TypeError('fetch failed', { cause: refused }), observation: { transportError: refused } }));
    expect(failed).toMatchObject({ reason: 'CONNECTION_FAILED', outcomeUnknown: false, retryable: true });
    expect(failed.message).toBe('Vonage: could not connect; the message was not sent. (ECONNREFUSED)');
    expect((failed.cause as Error).message).toBe('fetch failed');

    const reset = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    const lost = classifyVonageFailure(rejected({ error: new TypeError('terminated'), observation: { transportError: reset } }));
    expect(lost).toMatchObject({ reason: 'CONNECTION_LOST', outcomeUnknown: true });
    expect(lost.cause).toBe(reset);

    const headersTimeout = classifyVonageFailure(rejected({ error: Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' }) }));
    expect(headersTimeout).toMatchObject({ reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true });
  });
});
