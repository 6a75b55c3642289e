import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import * as loader from '../../../src/providers/twilio/load-twilio-sdk';
import { nock } from '../../support/intercept-http';
import { ACCOUNT_SID, AUTH_TOKEN, FROM, MESSAGES_PATH, TWILIO_ORIGIN, sendRequest, twilioMessage } from './support/twilio-fixtures';

/** Counts every time the `twilio` package itself is imported by the code under test. */
const sdkImports = vi.hoisted(() => ({ count: 0 }));

vi.mock('twilio', async (importOriginal) => {
  sdkImports.count += 1;
  return importOriginal();
});

// The loader, wrapped in a spy that still runs the real loader.
vi.mock(import('../../../src/providers/twilio/load-twilio-sdk'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, loadTwilioSdk: vi.fn(actual.loadTwilioSdk) };
});

const { loadTwilioSdk } = vi.mocked(loader);

beforeAll(() => nock.disableNetConnect());
beforeEach(() => loadTwilioSdk.mockClear());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Twilio SDK loading', () => {
  // Runs first: nothing in this file imports `twilio` before it (the prebuilt-client test imports it last).
  it('importing the subpath and creating the provider never loads twilio; the first send does, once', async () => {
    const { createTwilioProvider } = await import('../../../src/providers/twilio');
    const provider = createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM });
    expect(loadTwilioSdk).not.toHaveBeenCalled();
    expect(sdkImports.count).toBe(0);

    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).times(2).reply(201, twilioMessage());
    await provider.send(sendRequest());
    await provider.send(sendRequest());

    expect(loadTwilioSdk).toHaveBeenCalledTimes(1);
    expect(sdkImports.count).toBe(1);
  });

  it('a missing twilio package fails the send with the install command, and is not cached', async () => {
    const actual = await vi.importActual<typeof loader>('../../../src/providers/twilio/load-twilio-sdk');
    const missing = Object.assign(new Error("Cannot find package 'twilio' imported from /app/dist/twilio/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    loadTwilioSdk.mockImplementationOnce(() => actual.loadTwilioSdk(() => Promise.reject(missing)));
    const { createTwilioProvider } = await import('../../../src/providers/twilio');
    const provider = createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM });

    const error = await provider.send(sendRequest()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', fault: 'provider', outcomeUnknown: false, provider: 'twilio' });
    expect((error as SmsError).message).toContain('`npm install twilio`');

    // Once installed (the real loader again), the same provider sends without a restart.
    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    await expect(provider.send(sendRequest())).resolves.toMatchObject({ status: 'queued' });
    expect(loadTwilioSdk).toHaveBeenCalledTimes(2);
  });

  it('a prebuilt client is used as is: the SDK is never loaded by the adapter', async () => {
    const { createTwilioProvider } = await import('../../../src/providers/twilio');
    const { default: twilio } = await import('twilio');
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN, { autoRetry: false });
    const provider = createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, client });

    nock(TWILIO_ORIGIN).post(MESSAGES_PATH).reply(201, twilioMessage());
    await provider.send(sendRequest());

    expect(loadTwilioSdk).not.toHaveBeenCalled();
  });
});
