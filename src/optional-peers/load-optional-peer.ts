import type { SmsErrorReason } from '../errors/error-reason';
import { SmsError } from '../errors/sms-error';

export interface OptionalPeerOptions<Module> {
  /** The npm package, e.g. `twilio`, `ioredis`. */
  readonly packageName: string;
  /** Who needs it, for the message: `The Twilio provider`. */
  readonly neededBy: string;
  /** Id recorded on the error (`twilio`, `redis`…). */
  readonly provider: string;
  /** Does `import('<packageName>')`; replaceable so tests can simulate a missing or broken install. */
  readonly importModule: () => Promise<unknown>;
  /** Picks the export the caller needs, or returns undefined when the module is not the expected one. */
  readonly pick: (candidate: unknown) => Module | undefined;
  /** What `pick` looks for, for the message: `the twilio-node client factory`. */
  readonly expected: string;
}

/**
 * Loads an optional peer dependency with `import()` on first use, so hosts that never use an adapter
 * never load (or install) its package. A missing package becomes an `SmsError` (`PROVIDER_ERROR`,
 * reason `SDK_NOT_INSTALLED`, provider fault, not sent) that says exactly what to install; a broken one
 * (`SDK_LOAD_FAILED`) says what to reinstall.
 *
 * @example
 * const twilio = await loadOptionalPeer({
 *   packageName: 'twilio', neededBy: 'The Twilio provider', provider: 'twilio',
 *   importModule: () => import('twilio'), pick: (candidate) => candidate as TwilioSdk, expected: 'the client factory',
 * });
 */
export async function loadOptionalPeer<Module>(options: OptionalPeerOptions<Module>): Promise<Module> {
  let imported: unknown;
  try {
    imported = await options.importModule();
  } catch (error) {
    throw loadError(error, options);
  }
  // Node's ESM loader exposes a CommonJS `module.exports` as `default`; tsup's CJS build wraps
  // `require` with `__toESM`, which also has `default`.
  const candidate = (imported as { default?: unknown } | null)?.default ?? imported;
  const picked = options.pick(candidate) ?? options.pick(imported);
  if (picked === undefined) {
    throw peerError(
      options,
      'SDK_LOAD_FAILED',
      `The "${options.packageName}" package did not export ${options.expected}. Fix: install a supported version with \`npm install ${options.packageName}\`.`,
    );
  }
  return picked;
}

function loadError(error: unknown, options: OptionalPeerOptions<unknown>): SmsError {
  const missing = missingPackageName(error);
  if (missing === options.packageName) {
    return peerError(
      options,
      'SDK_NOT_INSTALLED',
      `${options.neededBy} needs the optional peer dependency "${options.packageName}", which is not installed. Fix: run \`npm install ${options.packageName}\`.`,
      error,
    );
  }
  const detail = missing === undefined ? '' : ` (its dependency "${missing}" is missing)`;
  return peerError(
    options,
    'SDK_LOAD_FAILED',
    `The "${options.packageName}" package is installed but could not be loaded${detail}. Fix: reinstall it with \`npm install ${options.packageName}\`.`,
    error,
  );
}

function peerError(options: OptionalPeerOptions<unknown>, reason: SmsErrorReason, message: string, cause?: unknown): SmsError {
  return new SmsError({ code: 'PROVIDER_ERROR', reason, message, retryable: false, fault: 'provider', provider: options.provider, cause });
}

/**
 * The bare package a module-not-found error is about: Node's ESM loader says
 * `Cannot find package 'twilio' imported from …`, `require` says `Cannot find module 'twilio'`.
 * A missing dependency of the peer names that dependency instead, so it is not reported as the peer.
 */
function missingPackageName(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  const message = (error as { message?: unknown }).message;
  if (typeof message !== 'string') return undefined;
  const specifier = /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1];
  // A path (a file of a package, not a package) says nothing about which package is missing.
  if (specifier === undefined || /^[./]|^[A-Za-z]:|^file:/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
