import type TelnyxSdk from 'telnyx';
import { loadOptionalPeer } from '../../optional-peers/load-optional-peer';

/** The telnyx-node client class (`import Telnyx from 'telnyx'`). */
export type TelnyxSdkClass = typeof TelnyxSdk;

/** Imports the `telnyx` package; replaceable so tests can simulate a missing or broken install. */
export type TelnyxSdkImporter = () => Promise<unknown>;

const importTelnyx: TelnyxSdkImporter = () => import('telnyx');

/**
 * Loads the optional peer `telnyx` with `import()`. Called on the first send, never when the
 * provider is created, so apps that do not send through Telnyx never load it. A missing package
 * becomes an `SmsError` (`PROVIDER_ERROR`, reason `SDK_NOT_INSTALLED`, provider fault, not sent)
 * that says exactly what to install.
 *
 * @example
 * const Telnyx = await loadTelnyxSdk();
 * const client = new Telnyx({ apiKey, maxRetries: 0 });
 */
export function loadTelnyxSdk(importSdk: TelnyxSdkImporter = importTelnyx): Promise<TelnyxSdkClass> {
  return loadOptionalPeer({
    packageName: 'telnyx',
    neededBy: 'The Telnyx provider',
    provider: 'telnyx',
    importModule: importSdk,
    expected: 'the telnyx-node client class',
    pick: (candidate) =>
      typeof candidate === 'function' && typeof (candidate as { APIError?: unknown }).APIError === 'function'
        ? (candidate as TelnyxSdkClass)
        : undefined,
  });
}
