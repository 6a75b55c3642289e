import { describe, expect, it } from 'vitest';
import type { HttpObservation } from '../../../src/providers/kit/http-observation';
import { headerReaderFrom } from '../../../src/providers/kit/retry-after';
import { classifyTwilioFailure } from '../../../src/providers/twilio/classify-twilio-failure';
import { socketError } from '../../support/intercept-http';

function observation(overrides: Partial<HttpObservation> = {}): HttpObservation {
  return { signal: new AbortController().signal, requestStarted: true, response: undefined, transportError: undefined, ...overrides };
}

const rejected = (error: unknown, overrides: Partial<HttpObservation> = {}, interruption?: 'timeout' | 'caller-abort') =>
  ({ status: 'rejected', error, interruption, observation: observation(overrides) }) as const;

/** A twilio-node `RestException` as `lib/base/RestException.js` builds it. */
const restException = (status: number, code: number) => Object.assign(new Error('vendor says +14155552671'), { status, code, moreInfo: `https://www.twilio.com/docs/errors/${code}` });

describe('classifyTwilioFailure', () => {
  it.each([
    { name: 'deadline, request dispatched', outcome: rejected(undefined, {}, 'timeout'), observable: true, expected: { reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true } },
    { name: 'deadline, nothing dispatched (observed)', outcome: rejected(undefined, { requestStarted: false }, 'timeout'), observable: true, expected: { reason: 'TIMEOUT_BEFORE_REQUEST', outcomeUnknown: false } },
    { name: 'deadline, client not observable', outcome: rejected(undefined, { requestStarted: false }, 'timeout'), observable: false, expected: { reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true } },
    { name: 'caller abort in flight', outcome: rejected(undefined, {}, 'caller-abort'), observable: true, expected: { reason: 'ABORTED', outcomeUnknown: true } },
    { name: 'caller abort before dispatch', outcome: rejected(undefined, { requestStarted: false }, 'caller-abort'), observable: true, expected: { reason: 'ABORTED', outcomeUnknown: false } },
    {
      name: 'RestException 429 with Retry-After seen by the observer',
      outcome: rejected(restException(429, 20429), { response: { status: 429, readHeader: headerReaderFrom({ 'retry-after': '4' }) } }),
      observable: true,
      expected: { reason: 'RATE_LIMITED', retryAfterMs: 4000, providerCode: '20429', httpStatus: 429 },
    },
    {
      name: 'TwilioServiceException (RFC 9457) 400',
      outcome: rejected(Object.assign(new Error('x'), { status: 400, code: 21211, title: 'Invalid', type: 'about:blank' })),
      observable: true,
      expected: { reason: 'INVALID_RECIPIENT', outcomeUnknown: false },
    },
    {
      name: 'failure after a 2xx',
      outcome: rejected(new SyntaxError('Unexpected token <'), { response: { status: 201, readHeader: () => undefined } }),
      observable: true,
      expected: { reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true, httpStatus: 201 },
    },
    { name: 'SDK threw before dispatch (observed)', outcome: rejected(new Error('Required parameter "params[\'to\']" missing.'), { requestStarted: false }), observable: true, expected: { reason: 'SDK_ERROR', outcomeUnknown: false } },
    { name: 'SDK threw, client not observable', outcome: rejected(new Error('Required parameter missing.'), { requestStarted: false }), observable: false, expected: { reason: 'CONNECTION_LOST', outcomeUnknown: true } },
    {
      name: 'axios error with a status is still transport (isAxiosError)',
      outcome: rejected(Object.assign(new Error('socket hang up'), { isAxiosError: true, status: 502, code: 'ECONNRESET' })),
      observable: true,
      expected: { reason: 'CONNECTION_LOST', outcomeUnknown: true },
    },
    { name: 'axios ECONNABORTED (its own timeout)', outcome: rejected(Object.assign(new Error('timeout of 10000ms exceeded'), { isAxiosError: true, code: 'ECONNABORTED' })), observable: true, expected: { code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true } },
    { name: 'refused, seen by the response interceptor', outcome: rejected(new Error('wrapped'), { transportError: socketError('ECONNREFUSED', 'connect') }), observable: true, expected: { reason: 'CONNECTION_FAILED', outcomeUnknown: false, retryable: true } },
  ])('$name', ({ outcome, observable, expected }) => {
    const error = classifyTwilioFailure(outcome, { observable });
    expect(error).toMatchObject({ provider: 'twilio', ...expected });
    expect(error.message).not.toContain('14155552671');
  });
});
