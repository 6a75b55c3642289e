import { loadOptionalPeer } from '../../optional-peers/load-optional-peer';
import type { PlivoClientLike } from './plivo-client-like';

/** The constructor options plivo-node's `Client` reads (`dist/rest/client.js`, `dist/rest/axios.js`). */
export interface PlivoClientOptions {
  /** axios `timeout` in milliseconds for every request of the client. */
  timeout?: number;
}

/** The plivo-node module: `Client`, and `validateV3Signature` (used by the tests as an oracle). */
export interface PlivoSdkModule {
  readonly Client: new (authId: string, authToken: string, options?: PlivoClientOptions) => PlivoClientLike;
}

/** Imports the `plivo` package; replaceable so tests can simulate a missing or broken install. */
export type PlivoSdkImporter = () => Promise<unknown>;

const importPlivo: PlivoSdkImporter = () => import('plivo');

/**
 * Loads the optional peer `plivo` with `import()`. Called on the first send, never when the provider is
 * created, so apps that do not send through Plivo never load it. A missing package becomes an
 * `SmsError` (`PROVIDER_ERROR`, reason `SDK_NOT_INSTALLED`, provider fault, not sent) that says exactly
 * what to install.
 *
 * @example
 * const sdk = await loadPlivoSdk();
 * const client = new sdk.Client('MA…', authToken, { timeout: 10_000 });
 */
export function loadPlivoSdk(importSdk: PlivoSdkImporter = importPlivo): Promise<PlivoSdkModule> {
  return loadOptionalPeer({
    packageName: 'plivo',
    neededBy: 'The Plivo provider',
    provider: 'plivo',
    importModule: importSdk,
    expected: 'the plivo-node Client class',
    pick: (candidate) =>
      typeof candidate === 'object' && candidate !== null && typeof (candidate as { Client?: unknown }).Client === 'function'
        ? (candidate as PlivoSdkModule)
        : undefined,
  });
}
