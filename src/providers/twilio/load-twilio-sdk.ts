import type TwilioSdk from 'twilio';
import { loadOptionalPeer } from '../../optional-peers/load-optional-peer';

/** The twilio-node module: the `twilio()` factory with `RequestClient` and friends attached. */
export type TwilioSdkModule = typeof TwilioSdk;

/** Imports the `twilio` package; replaceable so tests can simulate a missing or broken install. */
export type TwilioSdkImporter = () => Promise<unknown>;

const importTwilio: TwilioSdkImporter = () => import('twilio');

/**
 * Loads the optional peer `twilio` with `import()`. Called on the first send, never when the
 * provider is created, so apps that do not send through Twilio never load it. A missing package
 * becomes an `SmsError` (`PROVIDER_ERROR`, reason `SDK_NOT_INSTALLED`, provider fault, not sent)
 * that says exactly what to install.
 *
 * @example
 * const sdk = await loadTwilioSdk();
 * const client = sdk('AC…', authToken, { autoRetry: false });
 */
export function loadTwilioSdk(importSdk: TwilioSdkImporter = importTwilio): Promise<TwilioSdkModule> {
  return loadOptionalPeer({
    packageName: 'twilio',
    neededBy: 'The Twilio provider',
    provider: 'twilio',
    importModule: importSdk,
    expected: 'the twilio-node client factory',
    pick: (candidate) =>
      typeof candidate === 'function' && typeof (candidate as { RequestClient?: unknown }).RequestClient === 'function'
        ? (candidate as TwilioSdkModule)
        : undefined,
  });
}
