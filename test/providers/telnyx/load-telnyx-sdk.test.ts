import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { loadTelnyxSdk } from '../../../src/providers/telnyx/load-telnyx-sdk';
import { realEsmMissingPackageError } from '../../support/intercept-http';

async function loadError(importSdk: () => Promise<unknown>): Promise<SmsError> {
  try {
    await loadTelnyxSdk(importSdk);
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected loading to fail');
}

/** The error `require('telnyx')` raises where no node_modules has it (a real Node error). */
function realCommonJsMissingPackageError(): unknown {
  try {
    createRequire('/nonexistent-ocelot-app/index.js')('telnyx');
  } catch (error) {
    return error;
  }
  throw new Error('telnyx unexpectedly resolved from /nonexistent-ocelot-app');
}

describe('loadTelnyxSdk', () => {
  it('loads the installed telnyx-node client class', async () => {
    const Telnyx = await loadTelnyxSdk();
    expect(typeof Telnyx).toBe('function');
    expect(new Telnyx({ apiKey: 'KEY_TEST', maxRetries: 0 }).maxRetries).toBe(0);
  });

  it.each([
    { name: 'ESM import', error: () => realEsmMissingPackageError('telnyx') },
    { name: 'CommonJS require', error: realCommonJsMissingPackageError },
  ])('turns a missing package ($name) into SDK_NOT_INSTALLED that says what to install', async ({ error }) => {
    const thrown = await loadError(() => Promise.reject(error()));
    expect(thrown).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', fault: 'provider', retryable: false, outcomeUnknown: false, provider: 'telnyx' });
    expect(thrown.message).toContain('npm install telnyx');
  });

  it('does not blame telnyx when a file inside it is missing', async () => {
    const brokenInstall = Object.assign(new Error("Cannot find module '/app/node_modules/telnyx/client.mjs' imported from /app/node_modules/telnyx/index.mjs"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const thrown = await loadError(() => Promise.reject(brokenInstall));
    expect(thrown.reason).toBe('SDK_LOAD_FAILED');
    expect(thrown.message).toContain('npm install telnyx');
  });

  it('reports a module that is not telnyx-node as SDK_LOAD_FAILED', async () => {
    const thrown = await loadError(() => Promise.resolve({ default: class NotTelnyx {} }));
    expect(thrown).toMatchObject({ reason: 'SDK_LOAD_FAILED', provider: 'telnyx' });
  });
});
