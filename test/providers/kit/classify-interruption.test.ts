import { describe, expect, it } from 'vitest';
import type { HttpObservation } from '../../../src/providers/kit/http-observation';
import { classifyInterruption } from '../../../src/providers/kit/classify-interruption';
import type { HttpAttemptOutcome, HttpInterruption } from '../../../src/providers/kit/run-http-attempt';

type Rejected = Extract<HttpAttemptOutcome<unknown>, { status: 'rejected' }>;

function rejected(interruption: HttpInterruption | undefined, requestStarted: boolean): Rejected {
  const observation: HttpObservation = { signal: new AbortController().signal, requestStarted, response: undefined, transportError: undefined };
  return { status: 'rejected', error: undefined, interruption, observation };
}

describe('classifyInterruption', () => {
  it('returns undefined when the attempt was not interrupted', () => {
    expect(classifyInterruption(rejected(undefined, true), { provider: 'twilio', observable: true })).toBeUndefined();
  });

  it('calls a timeout before any observed request a not-sent, retryable timeout', () => {
    const error = classifyInterruption(rejected('timeout', false), { provider: 'twilio', displayName: 'Twilio', observable: true });
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'TIMEOUT_BEFORE_REQUEST', retryable: true, outcomeUnknown: false, fault: 'provider', provider: 'twilio' });
    expect(error?.message).toBe('Twilio: the deadline passed before the request was sent; the message was not sent.');
  });

  it('calls a timeout after the request started, or when nothing is observed, outcome unknown', () => {
    expect(classifyInterruption(rejected('timeout', true), { provider: 'twilio', observable: true })).toMatchObject({
      reason: 'RESPONSE_TIMEOUT',
      outcomeUnknown: true,
      retryable: false,
    });
    const unobserved = classifyInterruption(rejected('timeout', false), { provider: 'acme', observable: false });
    expect(unobserved).toMatchObject({ reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true });
    expect(unobserved?.message).toBe('acme: no answer in time; the message may have been accepted.');
  });

  it("classifies the caller's abort as a request fault, not sent only when proven", () => {
    expect(classifyInterruption(rejected('caller-abort', false), { provider: 'telnyx', observable: true })).toMatchObject({
      code: 'TIMEOUT',
      reason: 'ABORTED',
      fault: 'request',
      outcomeUnknown: false,
    });
    expect(classifyInterruption(rejected('caller-abort', true), { provider: 'telnyx', observable: true })).toMatchObject({ reason: 'ABORTED', outcomeUnknown: true });
    expect(classifyInterruption(rejected('caller-abort', false), { provider: 'telnyx', observable: false })).toMatchObject({ reason: 'ABORTED', outcomeUnknown: true });
  });
});
