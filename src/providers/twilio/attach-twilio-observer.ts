import { currentHttpObservation } from '../kit/http-observation';
import { headerReaderFrom } from '../kit/retry-after';

/** The slice of axios that twilio-node's `RequestClient.axios` exposes and the observer uses. */
interface AxiosInterceptorsLike {
  interceptors: {
    request: { use(onFulfilled: (config: Record<string, unknown>) => Record<string, unknown>): unknown };
    response: {
      use(
        onFulfilled: (response: { status?: unknown; headers?: unknown }) => unknown,
        onRejected: (error: unknown) => unknown,
      ): unknown;
    };
  };
}

const observed = new WeakSet<object>();

/**
 * Adds two axios interceptors to a twilio-node `RequestClient` so each adapter send controls and sees
 * its own HTTP request. twilio-node builds the axios config inside `RequestClient.request` with no
 * way to pass a `signal`, and its `RestException` drops the response headers (`lib/base/RequestClient.js`,
 * `lib/base/RestException.js`), so without this a timeout could not abort the socket and a 429's
 * `Retry-After` would be lost. The interceptors act only inside an adapter attempt
 * (`currentHttpObservation()`), so other uses of the same client are untouched; twilio-node itself
 * extends requests the same way (its PKCV `validationInterceptor`). Returns whether the client can
 * be observed; attaching twice is a no-op.
 *
 * @example
 * const httpClient = new sdk.RequestClient({ timeout: 10_000, autoRetry: false });
 * attachTwilioObserver(httpClient); // true
 */
export function attachTwilioObserver(httpClient: unknown): boolean {
  const axios = (httpClient as { axios?: unknown } | null | undefined)?.axios;
  if (!isAxiosLike(axios)) return false;
  if (observed.has(axios)) return true;
  observed.add(axios);
  axios.interceptors.request.use((config) => {
    const observation = currentHttpObservation();
    if (observation === undefined) return config;
    observation.requestStarted = true;
    // The attempt's signal reaches the socket: a deadline or the caller's abort cancels the request.
    config.signal = observation.signal;
    return config;
  });
  axios.interceptors.response.use(
    (response) => {
      const observation = currentHttpObservation();
      if (observation !== undefined && typeof response.status === 'number') {
        observation.response = { status: response.status, readHeader: headerReaderFrom(response.headers) };
      }
      return response;
    },
    (error: unknown) => {
      const observation = currentHttpObservation();
      if (observation !== undefined) observation.transportError = error;
      return Promise.reject(error);
    },
  );
  return true;
}

function isAxiosLike(value: unknown): value is AxiosInterceptorsLike {
  if ((typeof value !== 'function' && typeof value !== 'object') || value === null) return false;
  const interceptors = (value as { interceptors?: { request?: { use?: unknown }; response?: { use?: unknown } } }).interceptors;
  return typeof interceptors?.request?.use === 'function' && typeof interceptors.response?.use === 'function';
}
