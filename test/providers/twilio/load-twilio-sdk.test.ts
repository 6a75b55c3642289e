import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { loadTwilioSdk } from '../../../src/providers/twilio/load-twilio-sdk';
import { realEsmMissingPackageError } from '../../support/intercept-http';

async function loadError(importSdk: () => Promise<unknown>): Promise<SmsError> {
  try {
    await loadTwilioSdk(importSdk);
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected loading to fail');
}

/** The error `require('twilio')` raises where no node_modules has it (a real Node error). */
function realCommonJsMissingPackageError(): unknown {
  try {
    createRequire('/nonexistent-ocelot-app/index.js')('twilio');
  } catch (error) {
    return error;
  }
  throw new Error('twilio unexpectedly resolved from /nonexistent-ocelot-app');
}

describe('loadTwilioSdk', () => {
  it('loads the installed twilio-node factory', async () => {
    const sdk = await loadTwilioSdk();
    expect(typeof sdk).toBe('function');
    expect(typeof sdk.RequestClient).toBe('function');
  });

  it.each([
    { name: 'ESM import', error: () => realEsmMissingPackageError('twilio') },
    { name: 'CommonJS require', error: realCommonJsMissingPackageError },
  ])('turns a missing package ($name) into SDK_NOT_INSTALLED that says what to install', async ({ error }) => {
    const thrown = await loadError(() => Promise.reject(error()));
    expect(thrown).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', fault: 'provider', retryable: false, outcomeUnknown: false, provider: 'twilio' });
    expect(thrown.message).toContain('npm install twilio');
  });

  it('does not blame twilio when one of its own dependencies is missing', async () => {
    const missingAxios = Object.assign(new Error("Cannot find package 'axios' imported from /app/node_modules/twilio/lib/base/RequestClient.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const thrown = await loadError(() => Promise.reject(missingAxios));
    expect(thrown.reason).toBe('SDK_LOAD_FAILED');
    expect(thrown.message).toContain('"axios" is missing');
  });

  it('reports a module that is not twilio-node as SDK_LOAD_FAILED', async () => {
    const thrown = await loadError(() => Promise.resolve({ default: { notTheFactory: true } }));
    expect(thrown).toMatchObject({ reason: 'SDK_LOAD_FAILED', fault: 'provider', outcomeUnknown: false });
  });

  it('reports any other import failure as SDK_LOAD_FAILED', async () => {
    const thrown = await loadError(() => Promise.reject(new SyntaxError('Unexpected token')));
    expect(thrown.reason).toBe('SDK_LOAD_FAILED');
  });
});
