import { describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { attachPlivoObserver } from '../../../src/providers/plivo/attach-plivo-observer';
import { loadPlivoSdk } from '../../../src/providers/plivo/load-plivo-sdk';
import { realEsmMissingPackageError } from '../../support/intercept-http';
import { AUTH_ID, AUTH_TOKEN } from './support/plivo-fixtures';

async function loadError(importSdk: () => Promise<unknown>): Promise<SmsError> {
  try {
    await loadPlivoSdk(importSdk);
  } catch (error) {
    if (SmsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected loading to fail');
}

describe('loadPlivoSdk', () => {
  it('loads plivo-node, whose client satisfies PlivoClientLike and whose axios can be observed', async () => {
    const sdk = await loadPlivoSdk();
    const client = new sdk.Client(AUTH_ID, AUTH_TOKEN, { timeout: 1_000 });
    expect(typeof client.messages.create).toBe('function');
    expect(attachPlivoObserver(sdk)).toBe(true);
    expect(attachPlivoObserver(sdk)).toBe(true);
  });

  it('cannot observe a module that is not in the CommonJS cache, and says so', () => {
    expect(attachPlivoObserver({ Client: class {} })).toBe(false);
  });

  it('turns a missing package into SDK_NOT_INSTALLED that says what to install', async () => {
    const thrown = await loadError(() => Promise.reject(realEsmMissingPackageError('plivo')));
    expect(thrown).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', fault: 'provider', retryable: false, outcomeUnknown: false, provider: 'plivo' });
    expect(thrown.message).toContain('npm install plivo');
  });

  it('reports a module that is not plivo-node as SDK_LOAD_FAILED', async () => {
    const thrown = await loadError(() => Promise.resolve({ default: { notTheClient: true } }));
    expect(thrown).toMatchObject({ reason: 'SDK_LOAD_FAILED', fault: 'provider', outcomeUnknown: false });
  });
});
