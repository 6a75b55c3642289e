import type { VetchOptions, VetchResponse } from '@vonage/vetch';
import { currentHttpObservation } from '../kit/http-observation';
import { headerReaderFrom } from '../kit/retry-after';
import type { VonageMessagesClass } from './load-vonage-sdk';
import type { VonageCredentials } from './parse-vonage-settings';
import type { VonageMessagesClientLike } from './vonage-client-like';
import { VonageHttpError } from './vonage-http-error';

/**
 * Builds the adapter's `Messages` client: the SDK's own class, with `sendRequest` replaced so that one
 * send is one HTTP request under the adapter's control. `@vonage/server-client` 1.23 `Client.sendRequest`
 * never retries, but it calls the global `fetch` with only its own `AbortController`, armed solely when
 * a `timeout` is configured: a caller's signal cannot reach the socket. The replacement keeps the SDK's
 * request building (`prepareRequest`: user agent, content type, the JWT or Basic `Authorization`;
 * `prepareBody`) and its response parsing (`parseResponse`), and in between:
 * - passes the attempt's signal (deadline and caller abort) to `fetch`, so the request itself is cancelled;
 * - records in the attempt's observation that a request was dispatched, the status, the headers and the
 *   raw transport error (https://github.com/Vonage/vonage-node-sdk, `packages/server-client/lib/client.ts`);
 * - reads a non-2xx body within the attempt and throws a {@link VonageHttpError} without the request.
 *
 * @example
 * const client = createObservedMessagesClient(await loadVonageSdk(), settings.credentials, 'https://api.nexmo.com');
 */
export function createObservedMessagesClient(Messages: VonageMessagesClass, credentials: VonageCredentials, baseUrl: string): VonageMessagesClientLike {
  class ObservedMessages extends Messages {
    /**
     * The SDK's request building, tried a second time when it throws: with JWT auth it parses the private
     * key (jsonwebtoken's `createPrivateKey`), and on Node 20.20 that parse of a valid key can fail with an
     * error an earlier operation left in OpenSSL's error queue ("asn1 encoding routines::too long"; seen
     * after an `https` fetch was aborted in flight, docs/testing.md#a-custom-adapter-through-runprovidercontract).
     * The failed parse empties the queue. Nothing has been written yet, so a retry cannot send twice; a
     * second failure is the real one.
     */
    private async prepareOnce(request: VetchOptions): Promise<VetchOptions> {
      try {
        return await this.prepareRequest(request);
      } catch {
        return this.prepareRequest(request);
      }
    }

    override async sendRequest<T>(request: VetchOptions): Promise<VetchResponse<T>> {
      const observation = currentHttpObservation();
      const prepared = await this.prepareOnce(request);
      const body = this.prepareBody(prepared);
      if (observation !== undefined) observation.requestStarted = true;
      let response: Response;
      try {
        response = await globalThis.fetch(prepared.url, {
          method: prepared.method,
          headers: prepared.headers as Record<string, string>,
          body,
          ...(observation === undefined ? {} : { signal: observation.signal }),
        });
      } catch (error) {
        if (observation !== undefined) observation.transportError = error;
        throw error;
      }
      if (observation !== undefined) observation.response = { status: response.status, readHeader: headerReaderFrom(response.headers) };
      if (!response.ok) throw await VonageHttpError.fromResponse(response);
      return this.parseResponse<T>(prepared, response);
    }
  }
  // Only the chosen pair is given: `Messages.addAuthenticationToRequest` picks JWT whenever an
  // application id and a private key are present, else Basic.
  const auth = credentials.kind === 'jwt' ? { applicationId: credentials.applicationId, privateKey: credentials.privateKey } : { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret };
  return new ObservedMessages(auth, { apiHost: baseUrl }) as unknown as VonageMessagesClientLike;
}
