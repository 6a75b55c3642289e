import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { loadOptionalPeer, type OptionalPeerOptions } from '../../src/optional-peers/load-optional-peer';

interface Client {
  readonly send: () => string;
}

const client: Client = { send: () => 'sent' };
const pickClient = (candidate: unknown): Client | undefined =>
  typeof (candidate as Partial<Client> | null)?.send === 'function' ? (candidate as Client) : undefined;

function options(importModule: () => Promise<unknown>, overrides: Partial<OptionalPeerOptions<Client>> = {}): OptionalPeerOptions<Client> {
  return {
    packageName: 'twilio',
    neededBy: 'The Twilio provider',
    provider: 'twilio',
    importModule,
    pick: pickClient,
    expected: 'the twilio-node client factory',
    ...overrides,
  };
}

function notFound(message: string, code = 'ERR_MODULE_NOT_FOUND'): Error {
  return Object.assign(new Error(message), { code });
}

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!SmsError.isInstance(error)) throw new Error(`expected an SmsError, got ${String(error)}`);
  return error;
}

describe('loadOptionalPeer', () => {
  it('returns the picked export, from default (CommonJS interop) or from the namespace', async () => {
    await expect(loadOptionalPeer(options(async () => ({ default: client })))).resolves.toBe(client);
    await expect(loadOptionalPeer(options(async () => client))).resolves.toBe(client);
    const namespace = { default: { other: true }, send: client.send };
    await expect(loadOptionalPeer(options(async () => namespace))).resolves.toBe(namespace);
  });

  it('says what to install when the package itself is missing (ESM and require wording, scoped names)', async () => {
    const cause = notFound("Cannot find package 'twilio' imported from /app/x.js");
    const error = await rejection(loadOptionalPeer(options(() => Promise.reject(cause))));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', retryable: false, fault: 'provider', provider: 'twilio' });
    expect(error.message).toBe(
      'The Twilio provider needs the optional peer dependency "twilio", which is not installed. Fix: run `npm install twilio`.',
    );
    expect(error.cause).toBe(cause);

    const required = await rejection(loadOptionalPeer(options(() => Promise.reject(notFound("Cannot find module 'twilio/lib/index.js'", 'MODULE_NOT_FOUND')))));
    expect(required.reason).toBe('SDK_NOT_INSTALLED');

    const scoped = await rejection(
      loadOptionalPeer(options(() => Promise.reject(notFound("Cannot find package '@vonage/server-sdk' imported from /a")), { packageName: '@vonage/server-sdk' })),
    );
    expect(scoped.reason).toBe('SDK_NOT_INSTALLED');
    expect(scoped.message).toContain('`npm install @vonage/server-sdk`');
  });

  it('names a missing dependency of the peer instead of calling the peer missing', async () => {
    const error = await rejection(loadOptionalPeer(options(() => Promise.reject(notFound("Cannot find package 'axios' imported from /n/twilio/x.js")))));
    expect(error.reason).toBe('SDK_LOAD_FAILED');
    expect(error.message).toBe(
      'The "twilio" package is installed but could not be loaded (its dependency "axios" is missing). Fix: reinstall it with `npm install twilio`.',
    );
  });

  it('calls any other import failure a broken install, without naming a package for paths or other codes', async () => {
    const path = await rejection(loadOptionalPeer(options(() => Promise.reject(notFound("Cannot find module './lib/rest' imported from /n")))));
    expect(path.message).toBe('The "twilio" package is installed but could not be loaded. Fix: reinstall it with `npm install twilio`.');
    const fileUrl = await rejection(loadOptionalPeer(options(() => Promise.reject(notFound("Cannot find module 'file:///n/twilio.js'")))));
    expect(fileUrl.message).not.toContain('its dependency');
    const syntax = await rejection(loadOptionalPeer(options(() => Promise.reject(new SyntaxError("Cannot find package 'twilio'")))));
    expect(syntax.reason).toBe('SDK_LOAD_FAILED');
    const thrownString = await rejection(loadOptionalPeer(options(() => Promise.reject('boom'))));
    expect(thrownString.reason).toBe('SDK_LOAD_FAILED');
    expect(thrownString.cause).toBe('boom');
  });

  it('refuses a module without the expected export, naming what was expected', async () => {
    const error = await rejection(loadOptionalPeer(options(async () => ({ default: { nothing: 1 } }))));
    expect(error).toMatchObject({ reason: 'SDK_LOAD_FAILED', provider: 'twilio', fault: 'provider' });
    expect(error.message).toBe(
      'The "twilio" package did not export the twilio-node client factory. Fix: install a supported version with `npm install twilio`.',
    );
    await expect(loadOptionalPeer(options(async () => null))).rejects.toMatchObject({ reason: 'SDK_LOAD_FAILED' });
  });
});
