// Tests of the helper shared by the Twilio and Telnyx adapters (src/providers/http-outcome.ts).
import { describe, expect, it } from 'vitest';
import {
  TRANSPORT_OUTCOMES,
  classifyTransportError,
  createTransportError,
  headerReaderFrom,
  maskPhoneNumbers,
  parseRetryAfterMs,
  runHttpAttempt,
  withMessageIdParameter,
} from '../../../src/providers/http-outcome';
import { sleep, socketError } from '../../support/intercept-http';

const headers = (values: Record<string, string | undefined>) => headerReaderFrom(values);

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each<{ given: Record<string, string>; expected: number | undefined }>([
    { given: { 'retry-after': '3' }, expected: 3000 },
    { given: { 'Retry-After': '0' }, expected: 0 },
    { given: { 'retry-after': '1.5' }, expected: 1500 },
    { given: { 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }, expected: 5000 },
    { given: { 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, expected: 0 },
    { given: { 'retry-after-ms': '250.2', 'retry-after': '9' }, expected: 251 },
    { given: { 'retry-after-ms': 'soon', 'retry-after': '2' }, expected: 2000 },
    { given: { 'retry-after': 'whenever' }, expected: undefined },
    { given: { 'retry-after': '-3' }, expected: undefined },
    { given: {}, expected: undefined },
  ])('$given → $expected', ({ given, expected }) => {
    expect(parseRetryAfterMs(headers(given), now)).toBe(expected);
  });

  it('reads fetch Headers as well as axios header objects', () => {
    expect(parseRetryAfterMs(headerReaderFrom(new Headers({ 'Retry-After': '4' })), now)).toBe(4000);
    expect(parseRetryAfterMs(headerReaderFrom({ 'retry-after': ['6'] }), now)).toBe(6000);
  });
});

describe('maskPhoneNumbers', () => {
  it.each([
    ["The 'To' number +14155552671 is not valid", "The 'To' number [number] is not valid"],
    ['Call +1 (415) 555-2671 now', 'Call [number] now'],
    ['from 415.555.2671', 'from [number]'],
    ['code 21211 and 2024-06-03', 'code 21211 and [number]'],
    ['short 123456 stays', 'short 123456 stays'],
  ])('%j → %j', (given, expected) => {
    expect(maskPhoneNumbers(given)).toBe(expected);
  });

  it('caps the length and removes control characters', () => {
    const masked = maskPhoneNumbers(`line\nbreak ${'x'.repeat(500)}`);
    expect(masked.startsWith('line break')).toBe(true);
    expect(masked.length).toBe(201);
  });
});

describe('classifyTransportError', () => {
  it.each([
    { error: socketError('ECONNREFUSED', 'connect'), kind: 'connect-failed' },
    { error: socketError('ENOTFOUND', 'getaddrinfo'), kind: 'connect-failed' },
    { error: socketError('EAI_AGAIN', 'getaddrinfo'), kind: 'connect-failed' },
    { error: socketError('ETIMEDOUT', 'connect'), kind: 'connect-failed' },
    { error: socketError('ETIMEDOUT', 'read'), kind: 'timed-out' },
    { error: socketError('ECONNRESET', 'read'), kind: 'connection-lost' },
    { error: socketError('EPIPE', 'write'), kind: 'connection-lost' },
    { error: Object.assign(new Error('timeout of 200ms exceeded'), { code: 'ECONNABORTED' }), kind: 'timed-out' },
    { error: new TypeError('fetch failed', { cause: socketError('ECONNREFUSED', 'connect') }), kind: 'connect-failed' },
    { error: new TypeError('fetch failed', { cause: Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }) }), kind: 'connect-failed' },
    { error: new TypeError('fetch failed', { cause: Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }) }), kind: 'timed-out' },
    { error: Object.assign(new AggregateError([socketError('ECONNREFUSED', 'connect'), socketError('ECONNREFUSED', 'connect')]), { code: 'ECONNREFUSED' }), kind: 'connect-failed' },
    { error: new AggregateError([socketError('EHOSTUNREACH', 'connect')]), kind: 'connect-failed' },
    { error: Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }), kind: 'connect-failed' },
    { error: new Error('something odd'), kind: 'connection-lost' },
    { error: 'not even an error', kind: 'connection-lost' },
  ])('$error.message ($error.code) → $kind', ({ error, kind }) => {
    expect(classifyTransportError(error).kind).toBe(kind);
  });
});

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
    const error = createTransportError({ provider: 'telnyx', classification, transportCode: 'EX', cause });
    expect(error).toMatchObject({ ...row, provider: 'telnyx' });
    expect(error.message.startsWith('Telnyx: ')).toBe(true);
    expect(error.cause).toBe(cause);
    expect(error.toJSON().cause).toEqual({ name: 'TypeError', code: 'EX' });
  });
});

describe('withMessageIdParameter', () => {
  it.each([
    ['https://example.com/hook', 'm1', 'https://example.com/hook?message_id=m1'],
    ['https://example.com/hook?', 'm1', 'https://example.com/hook?message_id=m1'],
    ['https://example.com/hook?a=1&b=%20x', 'm1', 'https://example.com/hook?a=1&b=%20x&message_id=m1'],
    ['https://example.com/hook?a=1#rc=2', 'm 1&2', 'https://example.com/hook?a=1&message_id=m%201%262#rc=2'],
    ['https://example.com/hook?message_id=old&a=1', 'new', 'https://example.com/hook?message_id=new&a=1'],
  ])('%s + %s → %s', (url, messageId, expected) => {
    expect(withMessageIdParameter(url, messageId)).toBe(expected);
  });
});

describe('runHttpAttempt', () => {
  it('returns the value when the request settles in time', async () => {
    const outcome = await runHttpAttempt({ timeoutMs: 500, request: async () => 'ok' });
    expect(outcome).toMatchObject({ status: 'fulfilled', value: 'ok' });
  });

  it('ends at the deadline even when the request ignores the signal, and aborts the signal', async () => {
    let seen: AbortSignal | undefined;
    const startedAt = Date.now();
    const outcome = await runHttpAttempt({
      timeoutMs: 50,
      request: (signal) => {
        seen = signal;
        return sleep(1_000).then(() => 'late');
      },
    });
    expect(Date.now() - startedAt).toBeLessThan(500);
    expect(outcome).toMatchObject({ status: 'rejected', interruption: 'timeout', error: undefined });
    expect(seen?.aborted).toBe(true);
  });

  it('reports a caller abort, and never calls the request when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let called = false;
    const outcome = await runHttpAttempt({
      timeoutMs: 500,
      signal: controller.signal,
      request: async () => {
        called = true;
        return 'x';
      },
    });
    expect(called).toBe(false);
    expect(outcome).toMatchObject({ status: 'rejected', interruption: 'caller-abort' });
  });

  it('passes the SDK error through with no interruption', async () => {
    const failure = new Error('boom');
    const outcome = await runHttpAttempt({ timeoutMs: 500, request: () => Promise.reject(failure) });
    expect(outcome).toMatchObject({ status: 'rejected', error: failure, interruption: undefined });
  });
});
