import { describe, expect, it } from 'vitest';
import type { HttpObservation } from '../../../src/providers/kit/http-observation';
import { classifyTelnyxFailure } from '../../../src/providers/telnyx/classify-telnyx-failure';
import { socketError } from '../../support/intercept-http';

function observation(overrides: Partial<HttpObservation> = {}): HttpObservation {
  return { signal: new AbortController().signal, requestStarted: true, response: undefined, transportError: undefined, ...overrides };
}

const rejected = (error: unknown, overrides: Partial<HttpObservation> = {}, interruption?: 'timeout' | 'caller-abort') =>
  ({ status: 'rejected', error, interruption, observation: observation(overrides) }) as const;

/** Stainless `APIError`: `status`, `headers` (fetch Headers) and the parsed body as `error`. */
const apiError = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`${status} ${JSON.stringify(body)}`), { status, error: body, headers: new Headers(headers) });

/** Stainless `APIConnectionTimeoutError`: no status, no cause. */
class APIConnectionTimeoutError extends Error {}

describe('classifyTelnyxFailure', () => {
  it.each([
    { name: 'deadline, request dispatched', outcome: rejected(undefined, {}, 'timeout'), observable: true, expected: { reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true } },
    { name: 'deadline, nothing dispatched (observed)', outcome: rejected(undefined, { requestStarted: false }, 'timeout'), observable: true, expected: { reason: 'TIMEOUT_BEFORE_REQUEST', outcomeUnknown: false } },
    { name: 'caller abort before dispatch', outcome: rejected(undefined, { requestStarted: false }, 'caller-abort'), observable: true, expected: { reason: 'ABORTED', outcomeUnknown: false, fault: 'request' } },
    { name: 'caller abort, prebuilt client', outcome: rejected(undefined, { requestStarted: false }, 'caller-abort'), observable: false, expected: { reason: 'ABORTED', outcomeUnknown: true } },
    {
      name: 'APIError 429 with Retry-After',
      outcome: rejected(apiError(429, { errors: [{ code: '10011', title: 'Too many requests' }] }, { 'retry-after': '3' })),
      observable: true,
      expected: { reason: 'RATE_LIMITED', retryAfterMs: 3000, providerCode: '10011' },
    },
    { name: 'APIError 422 opted out', outcome: rejected(apiError(422, { errors: [{ code: '40300' }] })), observable: true, expected: { reason: 'OPTED_OUT', outcomeUnknown: false } },
    {
      name: 'failure after a 2xx',
      outcome: rejected(new DOMException('The operation was aborted.', 'AbortError'), { response: { status: 200, readHeader: () => undefined } }),
      observable: true,
      expected: { reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true, httpStatus: 200 },
    },
    { name: 'SDK failed before fetch (observed)', outcome: rejected(new Error('timeout must be a positive integer'), { requestStarted: false }), observable: true, expected: { reason: 'SDK_ERROR', outcomeUnknown: false } },
    {
      name: 'connect timeout hidden by the SDK but seen by the fetch wrapper',
      outcome: rejected(new APIConnectionTimeoutError('Request timed out.'), { transportError: new TypeError('fetch failed', { cause: socketError('UND_ERR_CONNECT_TIMEOUT', 'connect') }) }),
      observable: true,
      expected: { reason: 'CONNECTION_FAILED', outcomeUnknown: false },
    },
    { name: 'the SDK own timeout, no raw error', outcome: rejected(new APIConnectionTimeoutError('Request timed out.')), observable: false, expected: { code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true } },
    {
      name: 'APIConnectionError with a refused cause (prebuilt client)',
      outcome: rejected(Object.assign(new Error('Connection error.'), { cause: new TypeError('fetch failed', { cause: socketError('ECONNREFUSED', 'connect') }) })),
      observable: false,
      expected: { reason: 'CONNECTION_FAILED', retryable: true },
    },
    { name: 'anything else: unknown', outcome: rejected(new Error('???')), observable: true, expected: { reason: 'CONNECTION_LOST', outcomeUnknown: true } },
  ])('$name', ({ outcome, observable, expected }) => {
    expect(classifyTelnyxFailure(outcome, { observable })).toMatchObject({ provider: 'telnyx', ...expected });
  });
});
