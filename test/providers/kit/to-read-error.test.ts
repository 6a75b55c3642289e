import { describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { toReadError } from '../../../src/providers/kit';
import { TRANSPORT_OUTCOMES, createTransportError } from '../../../src/providers/kit/transport-outcomes';

const transport = (classification: (typeof TRANSPORT_OUTCOMES)[keyof typeof TRANSPORT_OUTCOMES], extra: { httpStatus?: number; cause?: unknown } = {}) =>
  createTransportError({ provider: 'acme', displayName: 'Acme SMS', classification, ...extra });

describe('toReadError', () => {
  it('makes an unknown send outcome (a timeout) a retryable lookup failure, never outcome unknown', () => {
    const read = toReadError(transport(TRANSPORT_OUTCOMES.timedOut), 'Acme SMS');
    expect(read).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', fault: 'provider', outcomeUnknown: false, retryable: true, provider: 'acme' });
    expect(read.message).toBe('Acme SMS: the message lookup failed (RESPONSE_TIMEOUT); a lookup sends nothing and may be repeated.');
    expect(SmsError.isInstance(read)).toBe(true);
  });

  it('keeps code, reason, fault, provider code, HTTP status and retryAfterMs, naming the vendor code with the display name', () => {
    const limited = new SmsError({ code: 'RATE_LIMITED', reason: 'PROVIDER_RATE_LIMITED', message: 'Twilio: too many requests.', retryable: true, fault: 'provider', provider: 'twilio', providerCode: '20429', httpStatus: 429, retryAfterMs: 3_000 });
    const read = toReadError(limited, 'Twilio');
    expect(read).toMatchObject({ code: 'RATE_LIMITED', reason: 'PROVIDER_RATE_LIMITED', retryable: true, fault: 'provider', outcomeUnknown: false, provider: 'twilio', providerCode: '20429', httpStatus: 429, retryAfterMs: 3_000 });
    expect(read.message).toBe('Twilio: the message lookup failed (PROVIDER_RATE_LIMITED, Twilio code 20429, HTTP 429); a lookup sends nothing and may be repeated.');
  });

  it('makes a 5xx (outcome unknown on a create) retryable, with its HTTP status', () => {
    const server = new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', message: 'Telnyx: 502; the message may have been accepted.', retryable: false, fault: 'provider', outcomeUnknown: true, provider: 'telnyx', httpStatus: 502 });
    const read = toReadError(server, 'Telnyx');
    expect(read).toMatchObject({ outcomeUnknown: false, retryable: true, httpStatus: 502, providerCode: undefined, retryAfterMs: undefined });
    expect(read.message).toBe('Telnyx: the message lookup failed (PROVIDER_SERVER_ERROR, HTTP 502); a lookup sends nothing and may be repeated.');
  });

  it('keeps a caller abort not retryable, whether in flight or before the request', () => {
    for (const classification of [TRANSPORT_OUTCOMES.abortedInFlight, TRANSPORT_OUTCOMES.abortedBeforeRequest]) {
      const read = toReadError(transport(classification), 'Acme SMS');
      expect(read).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', fault: 'request', outcomeUnknown: false, retryable: false });
      expect(read.message).toBe('Acme SMS: the message lookup failed (ABORTED); a lookup sends nothing.');
    }
  });

  it('keeps a refusal as it was: not retryable, with its code', () => {
    const refused = new SmsError({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', message: 'Telnyx: the credentials were refused.', fault: 'provider', provider: 'telnyx', providerCode: '10009', httpStatus: 401 });
    const read = toReadError(refused, 'Telnyx');
    expect(read).toMatchObject({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', retryable: false, outcomeUnknown: false, providerCode: '10009', httpStatus: 401 });
    expect(read.message).toBe('Telnyx: the message lookup failed (AUTHENTICATION_FAILED, Telnyx code 10009, HTTP 401); a lookup sends nothing.');
  });

  it('keeps a retryable failure that was not outcome unknown retryable (a connect failure)', () => {
    expect(toReadError(transport(TRANSPORT_OUTCOMES.connectFailed), 'Acme SMS')).toMatchObject({ reason: 'CONNECTION_FAILED', retryable: true, outcomeUnknown: false });
  });

  it('carries the original cause, not the send-worded error itself', () => {
    const cause = new TypeError('fetch failed');
    const send = transport(TRANSPORT_OUTCOMES.connectionLost, { cause });
    const read = toReadError(send, 'Acme SMS');
    expect(read.cause).toBe(cause);
    expect(read).not.toBe(send);
    expect(JSON.stringify(read.toJSON())).not.toContain('may have been accepted');
    expect(toReadError(transport(TRANSPORT_OUTCOMES.timedOut), 'Acme SMS').cause).toBeUndefined();
  });
});
