import { describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { loadVonageSdk } from '../../../src/providers/vonage/load-vonage-sdk';
import { realEsmMissingPackageError } from '../../support/intercept-http';

async function loadError(importSdk: () => Promise<unknown>): Promise<SmsError> {
  try {
    await loadVonageSdk(importSdk);
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected loading to fail');
}

describe('loadVonageSdk', () => {
  it('loads the installed Messages client class', async () => {
    const Messages = await loadVonageSdk();
    expect(typeof Messages).toBe('function');
    expect(typeof new Messages({ apiKey: 'abcd1234', apiSecret: 'secret' }).send).toBe('function');
  });

  it('turns a missing package into SDK_NOT_INSTALLED that says what to install', async () => {
    const thrown = await loadError(() => Promise.reject(realEsmMissingPackageError('@vonage/messages')));
    expect(thrown).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', fault: 'provider', retryable: false, outcomeUnknown: false, provider: 'vonage' });
    expect(thrown.message).toContain('npm install @vonage/messages');
  });

  it('blames the missing dependency, not @vonage/messages, when @vonage/server-client is missing', async () => {
    const thrown = await loadError(() => Promise.reject(realEsmMissingPackageError('@vonage/server-client')));
    expect(thrown.reason).toBe('SDK_LOAD_FAILED');
    expect(thrown.message).toContain('"@vonage/server-client" is missing');
  });

  it('reports a module without the Messages class as SDK_LOAD_FAILED', async () => {
    const thrown = await loadError(() => Promise.resolve({ Messages: class NotMessages {} }));
    expect(thrown).toMatchObject({ reason: 'SDK_LOAD_FAILED', provider: 'vonage' });
  });
});
