import { currentHttpObservation } from '../kit/http-observation';
import { headerReaderFrom } from '../kit/retry-after';

/**
 * The `fetch` the adapter gives its own Telnyx client. It calls `globalThis.fetch` at call time (the
 * real undici fetch, or whatever instruments it, such as nock) and only records, inside an adapter
 * attempt, that a request was dispatched, the response status and headers, and the raw transport
 * error. That raw error is the point: the Stainless client turns every error whose text matches
 * `/timed? ?out/` into `APIConnectionTimeoutError` with no cause (telnyx `client.js` `makeRequest`),
 * which would hide undici's `UND_ERR_CONNECT_TIMEOUT` (never connected: not sent) behind an
 * outcome-unknown timeout.
 *
 * @example
 * new Telnyx({ apiKey, maxRetries: 0, fetch: observeTelnyxFetch });
 */
export async function observeTelnyxFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const observation = currentHttpObservation();
  if (observation !== undefined) observation.requestStarted = true;
  try {
    const response = await globalThis.fetch(input, init);
    if (observation !== undefined) {
      observation.response = { status: response.status, readHeader: headerReaderFrom(response.headers) };
    }
    return response;
  } catch (error) {
    if (observation !== undefined) observation.transportError = error;
    throw error;
  }
}
