import { describe, expect, it } from 'vitest';
import { TRANSPORT_OUTCOMES, createTransportError } from '../../../src/providers/kit/transport-outcomes';

describe('TRANSPORT_OUTCOMES', () => {
  const expected = {
    connectFailed: { code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', retryable: true, fault: 'provider', outcomeUnknown: false },
    timedOut: { code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', retryable: false, fault: 'provider', outcomeUnknown: true },
    timedOutBeforeRequest: { code: 'TIMEOUT', reason: 'TIMEOUT_BEFORE_REQUEST', retryable: true, fault: 'provider', outcomeUnknown: false },
    abortedInFlight: { code: 'TIMEOUT', reason: 'ABORTED', retryable: false, fault: 'request', outcomeUnknown: true },
    abortedBeforeRequest: { code: 'TIMEOUT', reason: 'ABORTED', retryable: false, fault: 'request', outcomeUnknown: false },
    connectionLost: { code: 'PROVIDER_ERROR', reason: 'CONNECTION_LOST', retryable: false, fault: 'provider', outcomeUnknown: true },
    unreadableResponse: { code: 'PROVIDER_ERROR', reason: 'UNREADABLE_RESPONSE', retryable: false, fault: 'provider', outcomeUnknown: true },
    sdkFailedBeforeRequest: { code: 'PROVIDER_ERROR', reason: 'SDK_ERROR', retryable: false, fault: 'provider', outcomeUnknown: false },
  } as const;

  it('has exactly the expected rows', () => {
    expect(Object.keys(TRANSPORT_OUTCOMES).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', (name, row) => {
    const classification = TRANSPORT_OUTCOMES[name as keyof typeof TRANSPORT_OUTCOMES];
    expect(classification).toMatchObject(row);
    const cause = new TypeError('fetch failed', { cause: Object.assign(new Error('socket'), { code: 'EX' }) });
    const error = createTransportError({ provider: 'telnyx', displayName: 'Telnyx', classification, transportCode: 'EX', cause });
    expect(error).toMatchObject({ ...row, provider: 'telnyx' });
    expect(error.message.startsWith('Telnyx: ')).toBe(true);
    expect(error.cause).toBe(cause);
    expect(error.toJSON().cause).toEqual({ name: 'TypeError', code: 'EX' });
  });

  it('names a custom adapter by its id when no display name is given', () => {
    const error = createTransportError({ provider: 'my-gateway', classification: TRANSPORT_OUTCOMES.connectFailed, transportCode: 'ECONNREFUSED' });
    expect(error.message).toBe('my-gateway: could not connect; the message was not sent. (ECONNREFUSED)');
    expect(error.provider).toBe('my-gateway');
  });
});
