import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { ValidationError } from '../../src/errors/validation-error';
import type { SmsProvider } from '../../src/providers/provider';
import { createTelnyxProvider } from '../../src/providers/telnyx';
import { createTwilioProvider } from '../../src/providers/twilio';
import { connectionError, type ConnectionErrorCode } from '../../src/testing';
import * as telnyx from '../providers/telnyx/support/telnyx-fixtures';
import * as twilio from '../providers/twilio/support/twilio-fixtures';
import { nock } from '../support/intercept-http';

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  try {
    await promise;
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw new Error(`expected an SmsError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the send to reject');
}

// A deadline far beyond the test's own timeout: an outcome other than RESPONSE_TIMEOUT proves the
// error reached the adapter at once rather than through the deadline.
const LONG_DEADLINE_MS = 60_000;

const adapters = [
  {
    name: 'twilio',
    create: (timeoutMs: number): SmsProvider => createTwilioProvider({ accountSid: twilio.ACCOUNT_SID, authToken: twilio.AUTH_TOKEN, from: twilio.FROM, timeoutMs }),
    intercept: () => nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH),
    request: twilio.sendRequest,
  },
  {
    name: 'telnyx',
    create: (timeoutMs: number): SmsProvider => createTelnyxProvider({ apiKey: telnyx.API_KEY, from: telnyx.FROM, timeoutMs }),
    intercept: () => nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH),
    request: telnyx.sendRequest,
  },
];

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('connectionError', () => {
  it('is shaped like a Node socket error', () => {
    const refused = connectionError('ECONNREFUSED', { host: '10.0.0.1', port: 8443 });
    expect(refused).toBeInstanceOf(Error);
    expect(refused).toMatchObject({ message: 'connect ECONNREFUSED 10.0.0.1:8443', code: 'ECONNREFUSED', syscall: 'connect', address: '10.0.0.1', port: 8443 });
    expect((refused as { errno?: number }).errno).toBeLessThan(0);
    expect(connectionError('ENOTFOUND', { host: 'api.twilio.com' })).toMatchObject({ message: 'getaddrinfo ENOTFOUND api.twilio.com', syscall: 'getaddrinfo', hostname: 'api.twilio.com' });
    expect(connectionError('ECONNRESET')).toMatchObject({ message: 'read ECONNRESET', syscall: 'read' });
  });

  it('refuses a code it does not know, naming the supported ones', () => {
    expect(() => connectionError('EWHATEVER' as ConnectionErrorCode)).toThrow(ValidationError);
    expect(() => connectionError('EWHATEVER' as ConnectionErrorCode)).toThrow(/code: "EWHATEVER" is not a supported .* ECONNREFUSED, ETIMEDOUT/);
  });

  describe.each(adapters)('through nock and the real $name SDK', (adapter) => {
    it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH'] as const)('%s: CONNECTION_FAILED at once, not sent', async (code) => {
      adapter.intercept().replyWithError(connectionError(code));

      const error = await rejection(adapter.create(LONG_DEADLINE_MS).send(adapter.request()));

      expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', outcomeUnknown: false, retryable: true });
      expect(error.toJSON().cause).toMatchObject({ code });
    });

    it.each(['ECONNRESET', 'EPIPE'] as const)('%s: CONNECTION_LOST at once, outcome unknown', async (code) => {
      adapter.intercept().replyWithError(connectionError(code));

      const error = await rejection(adapter.create(LONG_DEADLINE_MS).send(adapter.request()));

      expect(error).toMatchObject({ reason: 'CONNECTION_LOST', outcomeUnknown: true, retryable: false });
    });

    // Pins the behaviour docs/testing.md describes: if nock starts forwarding plain objects, this fails.
    it('the plain-object form { code } never reaches the SDK: the request hangs until the deadline', async () => {
      adapter.intercept().replyWithError({ code: 'ECONNREFUSED' });

      const error = await rejection(adapter.create(100).send(adapter.request()));

      expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true });
    });
  });
});
