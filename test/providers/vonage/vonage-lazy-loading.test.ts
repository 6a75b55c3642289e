import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import * as loader from '../../../src/providers/vonage/load-vonage-sdk';
import { nock } from '../../support/intercept-http';
import { MESSAGES_PATH, VONAGE_ORIGIN, accepted, jwtSettings, sendRequest } from './support/vonage-fixtures';

/** Counts every time the `@vonage/messages` package itself is imported by the code under test. */
const sdkImports = vi.hoisted(() => ({ count: 0 }));

vi.mock('@vonage/messages', async (importOriginal) => {
  sdkImports.count += 1;
  // Node exposes a CommonJS package's `module.exports` as `default` too; the loader reads it first.
  const actual = await importOriginal<Record<string, unknown>>();
  return { default: actual, ...actual };
});

// The loader, wrapped in a spy that still runs the real loader.
vi.mock(import('../../../src/providers/vonage/load-vonage-sdk'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, loadVonageSdk: vi.fn(actual.loadVonageSdk) };
});

const { loadVonageSdk } = vi.mocked(loader);

beforeAll(() => nock.disableNetConnect());
beforeEach(() => loadVonageSdk.mockClear());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Vonage SDK loading', () => {
  // Runs first: nothing in this file imports `@vonage/messages` before it.
  it('importing the subpath, the definition and creating the provider never loads @vonage/messages; the first send does, once', async () => {
    const { createVonageProvider, vonageDefinition } = await import('../../../src/providers/vonage');
    const provider = createVonageProvider(jwtSettings());
    vonageDefinition.webhook.configure({ signatureSecret: 'secret' }, 'f');
    expect(loadVonageSdk).not.toHaveBeenCalled();
    expect(sdkImports.count).toBe(0);

    nock(VONAGE_ORIGIN).post(MESSAGES_PATH).times(2).reply(202, accepted);
    await provider.send(sendRequest());
    await provider.send(sendRequest());

    expect(loadVonageSdk).toHaveBeenCalledTimes(1);
    expect(sdkImports.count).toBe(1);
  });

  it('a missing @vonage/messages fails the send with the install command, and is not cached', async () => {
    const actual = await vi.importActual<typeof loader>('../../../src/providers/vonage/load-vonage-sdk');
    const missing = Object.assign(new Error("Cannot find package '@vonage/messages' imported from /app/dist/vonage/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    loadVonageSdk.mockImplementationOnce(() => actual.loadVonageSdk(() => Promise.reject(missing)));
    const { createVonageProvider } = await import('../../../src/providers/vonage');
    const provider = createVonageProvider(jwtSettings());

    const error = await provider.send(sendRequest()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', fault: 'provider', outcomeUnknown: false, provider: 'vonage' });
    expect((error as SmsError).message).toContain('`npm install @vonage/messages`');

    // Once installed (the real loader again), the same provider sends without a restart.
    nock(VONAGE_ORIGIN).post(MESSAGES_PATH).reply(202, accepted);
    await expect(provider.send(sendRequest())).resolves.toMatchObject({ status: 'queued' });
    expect(loadVonageSdk).toHaveBeenCalledTimes(2);
  });

  it('ready() loads the SDK without sending', async () => {
    const { createVonageProvider } = await import('../../../src/providers/vonage');
    const provider = createVonageProvider(jwtSettings());

    await provider.ready?.();

    expect(loadVonageSdk).toHaveBeenCalledTimes(1);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
