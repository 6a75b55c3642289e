import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import * as loader from '../../../src/providers/plivo/load-plivo-sdk';
import { nock } from '../../support/intercept-http';
import { AUTH_ID, AUTH_TOKEN, FROM, MESSAGE_PATH, PLIVO_ORIGIN, plivoQueued, sendRequest } from './support/plivo-fixtures';

/** Counts every time the `plivo` package itself is imported by the code under test. */
const sdkImports = vi.hoisted(() => ({ count: 0 }));

vi.mock('plivo', async (importOriginal) => {
  sdkImports.count += 1;
  return importOriginal();
});

// The loader, wrapped in a spy that still runs the real loader.
vi.mock(import('../../../src/providers/plivo/load-plivo-sdk'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, loadPlivoSdk: vi.fn(actual.loadPlivoSdk) };
});

const { loadPlivoSdk } = vi.mocked(loader);

beforeAll(() => nock.disableNetConnect());
beforeEach(() => loadPlivoSdk.mockClear());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Plivo SDK loading', () => {
  // Runs first: nothing in this file imports `plivo` before it.
  it('importing the subpath, the definition and creating the provider never loads plivo; the first send does, once', async () => {
    const { createPlivoProvider, plivoDefinition } = await import('../../../src/providers/plivo');
    const provider = createPlivoProvider({ authId: AUTH_ID, authToken: AUTH_TOKEN, from: FROM });
    plivoDefinition.webhook.configure({ authToken: AUTH_TOKEN }, 'providers.plivo');
    expect(loadPlivoSdk).not.toHaveBeenCalled();
    expect(sdkImports.count).toBe(0);

    nock(PLIVO_ORIGIN).post(MESSAGE_PATH).times(2).reply(202, plivoQueued());
    await provider.send(sendRequest());
    await provider.send(sendRequest());

    expect(loadPlivoSdk).toHaveBeenCalledTimes(1);
    expect(sdkImports.count).toBe(1);
  });

  it('a missing plivo package fails the send with the install command, and is not cached', async () => {
    const actual = await vi.importActual<typeof loader>('../../../src/providers/plivo/load-plivo-sdk');
    const missing = Object.assign(new Error("Cannot find package 'plivo' imported from /app/dist/plivo/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    loadPlivoSdk.mockImplementationOnce(() => actual.loadPlivoSdk(() => Promise.reject(missing)));
    const { createPlivoProvider } = await import('../../../src/providers/plivo');
    const provider = createPlivoProvider({ authId: AUTH_ID, authToken: AUTH_TOKEN, from: FROM });

    const error = await provider.send(sendRequest()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', fault: 'provider', outcomeUnknown: false, provider: 'plivo' });
    expect((error as SmsError).message).toContain('`npm install plivo`');

    nock(PLIVO_ORIGIN).post(MESSAGE_PATH).reply(202, plivoQueued());
    await expect(provider.send(sendRequest())).resolves.toMatchObject({ status: 'queued' });
    expect(loadPlivoSdk).toHaveBeenCalledTimes(2);
  });
});
