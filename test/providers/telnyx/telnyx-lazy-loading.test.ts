import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import * as loader from '../../../src/providers/telnyx/load-telnyx-sdk';
import { nock } from '../../support/intercept-http';
import { API_KEY, FROM, MESSAGES_PATH, TELNYX_ORIGIN, sendRequest, telnyxMessage } from './support/telnyx-fixtures';

/** Counts every time the `telnyx` package itself is imported by the code under test. */
const sdkImports = vi.hoisted(() => ({ count: 0 }));

vi.mock('telnyx', async (importOriginal) => {
  sdkImports.count += 1;
  return importOriginal();
});

// The loader, wrapped in a spy that still runs the real loader.
vi.mock(import('../../../src/providers/telnyx/load-telnyx-sdk'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, loadTelnyxSdk: vi.fn(actual.loadTelnyxSdk) };
});

const { loadTelnyxSdk } = vi.mocked(loader);

beforeAll(() => nock.disableNetConnect());
beforeEach(() => loadTelnyxSdk.mockClear());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Telnyx SDK loading', () => {
  // Runs first: nothing in this file imports `telnyx` before it (the prebuilt-client test imports it last).
  it('importing the subpath and creating the provider never loads telnyx; the first send does, once', async () => {
    const { createTelnyxProvider } = await import('../../../src/providers/telnyx');
    const provider = createTelnyxProvider({ apiKey: API_KEY, from: FROM });
    expect(loadTelnyxSdk).not.toHaveBeenCalled();
    expect(sdkImports.count).toBe(0);

    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).times(2).reply(200, telnyxMessage());
    await provider.send(sendRequest());
    await provider.send(sendRequest());

    expect(loadTelnyxSdk).toHaveBeenCalledTimes(1);
    expect(sdkImports.count).toBe(1);
  });

  it('a missing telnyx package fails the send with the install command, and is not cached', async () => {
    const actual = await vi.importActual<typeof loader>('../../../src/providers/telnyx/load-telnyx-sdk');
    const missing = Object.assign(new Error("Cannot find module 'telnyx'\nRequire stack:\n- /app/dist/telnyx/index.cjs"), { code: 'MODULE_NOT_FOUND' });
    loadTelnyxSdk.mockImplementationOnce(() => actual.loadTelnyxSdk(() => Promise.reject(missing)));
    const { createTelnyxProvider } = await import('../../../src/providers/telnyx');
    const provider = createTelnyxProvider({ apiKey: API_KEY, from: FROM });

    const error = await provider.send(sendRequest()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', fault: 'provider', outcomeUnknown: false, provider: 'telnyx' });
    expect((error as SmsError).message).toContain('`npm install telnyx`');

    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage());
    await expect(provider.send(sendRequest())).resolves.toMatchObject({ status: 'queued' });
    expect(loadTelnyxSdk).toHaveBeenCalledTimes(2);
  });

  it('a prebuilt client is used as is: the SDK is never loaded by the adapter', async () => {
    const { createTelnyxProvider } = await import('../../../src/providers/telnyx');
    const { default: Telnyx } = await import('telnyx');
    const provider = createTelnyxProvider({ apiKey: API_KEY, from: FROM, client: new Telnyx({ apiKey: API_KEY }) });

    nock(TELNYX_ORIGIN).post(MESSAGES_PATH).reply(200, telnyxMessage());
    await provider.send(sendRequest());

    expect(loadTelnyxSdk).not.toHaveBeenCalled();
  });
});
