import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SMSService } from '../../src';
import { SmsError } from '../../src/errors/sms-error';
import type { SmsProvider } from '../../src/providers/provider';
import { createTelnyxProvider } from '../../src/providers/telnyx';
import { createTwilioProvider } from '../../src/providers/twilio';
import { nock } from '../support/intercept-http';
import * as telnyx from './telnyx/support/telnyx-fixtures';
import * as twilio from './twilio/support/twilio-fixtures';

/** An error and its causes, outermost first. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 8; current = (current as { cause?: unknown }).cause) chain.push(current);
  return chain;
}

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  try {
    await promise;
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw new Error(`expected an SmsError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the send to reject');
}

const promiseStatics = Promise as unknown as Record<string, unknown>;

/**
 * Runs `action` with `Promise.withResolvers` removed, as on Node 20 without a polyfill: nock 15's
 * interceptor (@mswjs/interceptors 0.44) then throws a TypeError inside the HTTP stack on every request.
 */
async function withoutPromiseWithResolvers<T>(action: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(Promise, 'withResolvers');
  delete promiseStatics.withResolvers;
  try {
    return await action();
  } finally {
    if (descriptor !== undefined) Object.defineProperty(Promise, 'withResolvers', descriptor);
  }
}

const withResolversTypeError = (link: unknown): boolean => link instanceof TypeError && link.message.includes('withResolvers');

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('the error the library classified stays in the cause chain', () => {
  it('Twilio: a TypeError inside the HTTP stack is the cause of the outcome-unknown error', async () => {
    nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(201, twilio.twilioMessage());
    const provider = createTwilioProvider({ accountSid: twilio.ACCOUNT_SID, authToken: twilio.AUTH_TOKEN, from: twilio.FROM });

    const error = await withoutPromiseWithResolvers(() => rejection(provider.send(twilio.sendRequest())));

    expect(error).toMatchObject({ reason: 'CONNECTION_LOST', outcomeUnknown: true });
    expect(causeChain(error.cause).some(withResolversTypeError)).toBe(true);
    // The axios error (its config holds the Authorization header and the form body) is not kept.
    expect(causeChain(error.cause).some((link) => (link as { isAxiosError?: unknown }).isAxiosError === true)).toBe(false);
    expect(error.toJSON().cause).toEqual({ name: 'TypeError' });
  });

  it('Telnyx: a TypeError inside fetch is in the cause chain of the outcome-unknown error', async () => {
    nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(200, telnyx.telnyxMessage());
    const provider = createTelnyxProvider({ apiKey: telnyx.API_KEY, from: telnyx.FROM });

    const error = await withoutPromiseWithResolvers(() => rejection(provider.send(telnyx.sendRequest())));

    expect(error).toMatchObject({ reason: 'CONNECTION_LOST', outcomeUnknown: true });
    expect(causeChain(error.cause).some(withResolversTypeError)).toBe(true);
  });

  it('a 2xx body that cannot be read: the parse error is named, its message (which quotes the body) withheld', async () => {
    nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(200, `ok ${telnyx.TO}`, { 'Content-Type': 'application/json' });
    const provider = createTelnyxProvider({ apiKey: telnyx.API_KEY, from: telnyx.FROM });

    const error = await rejection(provider.send(telnyx.sendRequest()));

    expect(error).toMatchObject({ reason: 'UNREADABLE_RESPONSE', outcomeUnknown: true, httpStatus: 200 });
    expect(error.cause).toMatchObject({ name: 'SyntaxError' });
    expect(inspect(error, { depth: 10 })).not.toContain(telnyx.TO);
  });

  it('a plain Error thrown by a custom adapter is the cause of the SmsError send() throws', async () => {
    const thrown = new Error('socket closed by the gateway');
    const custom: SmsProvider = {
      specificationVersion: 'v1',
      id: 'gateway',
      capabilities: { maxMediaUrls: 0, scheduling: false, validityPeriod: false },
      send: () => Promise.reject(thrown),
    };
    const sms = new SMSService({ providers: [custom] });

    const error = await rejection(sms.send({ to: '+14155552671', body: 'Hi' }));

    expect(error).toMatchObject({ reason: 'UNCLASSIFIED_PROVIDER_ERROR', outcomeUnknown: true });
    expect(causeChain(error).includes(thrown)).toBe(true);
    expect(JSON.stringify(error)).not.toContain('socket closed by the gateway');
  });
});
