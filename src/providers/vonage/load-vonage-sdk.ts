import type { Messages } from '@vonage/messages';
import { loadOptionalPeer } from '../../optional-peers/load-optional-peer';

/** The `Messages` client class of `@vonage/messages`. */
export type VonageMessagesClass = typeof Messages;

/** Imports the `@vonage/messages` package; replaceable so tests can simulate a missing or broken install. */
export type VonageSdkImporter = () => Promise<unknown>;

const importVonageMessages: VonageSdkImporter = () => import('@vonage/messages');

/**
 * Loads the optional peer `@vonage/messages` with `import()`. Called on the first send, never when
 * the provider is created, so apps that do not send through Vonage never load it. A missing package
 * becomes an `SmsError` (`PROVIDER_ERROR`, reason `SDK_NOT_INSTALLED`, provider fault, not sent) that
 * says exactly what to install. `@vonage/auth` (JWT and Basic headers) comes with it, through
 * `@vonage/server-client`.
 *
 * @example
 * const Messages = await loadVonageSdk();
 * const client = new Messages({ applicationId, privateKey });
 */
export function loadVonageSdk(importSdk: VonageSdkImporter = importVonageMessages): Promise<VonageMessagesClass> {
  return loadOptionalPeer({
    packageName: '@vonage/messages',
    neededBy: 'The Vonage provider',
    provider: 'vonage',
    importModule: importSdk,
    expected: 'the Messages client class',
    pick: (candidate) => {
      const messages = (candidate as { Messages?: unknown } | null)?.Messages;
      return typeof messages === 'function' && typeof (messages.prototype as { send?: unknown }).send === 'function' ? (messages as VonageMessagesClass) : undefined;
    },
  });
}
