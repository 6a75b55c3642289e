import { describe, expect, it } from 'vitest';
import { classifyTransportError } from '../../../src/providers/kit/classify-transport-error';
import { socketError } from '../../support/intercept-http';

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
