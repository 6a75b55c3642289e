import { createRequire } from 'node:module';
import { join } from 'node:path';
import { currentHttpObservation, type HttpObservation } from '../kit/http-observation';
import { headerReaderFrom } from '../kit/retry-after';

/** The slice of axios the observer uses: its interceptors. */
interface AxiosInterceptorsLike {
  interceptors: {
    request: { use(onFulfilled: (config: Record<string, unknown>) => Record<string, unknown>): unknown };
    response: {
      use(onFulfilled: (response: AxiosResponseLike) => unknown, onRejected: (error: unknown) => unknown): unknown;
    };
  };
}

interface AxiosResponseLike {
  status?: unknown;
  headers?: unknown;
  data?: unknown;
}

const observed = new WeakSet<object>();
/** The error body of a non-2xx answer, per attempt: plivo-node drops it for 429, 403 and most 5xx. */
const errorBodies = new WeakMap<HttpObservation, unknown>();

/**
 * Adds two axios interceptors to the axios module plivo-node sends with, so each adapter send controls
 * and sees its own HTTP request. plivo-node calls the shared default `axios(options)` from
 * `dist/rest/axios.js` with no way to pass a `signal`; for a failure it rejects with the bare stack
 * string of a transport error, or with a plain `Error` that keeps neither status, headers nor body for
 * a 429, a 403 outside geo permissions or a 502/503 with a JSON body. Without the interceptors a
 * timeout could not abort the socket and a 429's `Retry-After` would be lost.
 *
 * The interceptors act only inside an adapter attempt (`currentHttpObservation()`), so every other use
 * of that axios instance in the process is untouched. Returns whether the SDK can be observed;
 * attaching twice is a no-op.
 *
 * @example
 * const sdk = await loadPlivoSdk();
 * attachPlivoObserver(sdk); // true
 */
export function attachPlivoObserver(sdk: object): boolean {
  const axios = findPlivoAxios(sdk);
  if (axios === undefined) return false;
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
      if (observation !== undefined) {
        const response = (error as { response?: AxiosResponseLike } | null)?.response;
        if (typeof response?.status === 'number') {
          observation.response = { status: response.status, readHeader: headerReaderFrom(response.headers) };
          errorBodies.set(observation, response.data);
        } else {
          observation.transportError = error;
        }
      }
      return Promise.reject(error);
    },
  );
  return true;
}

/** The body of the non-2xx answer this attempt received, as axios parsed it (JSON or text). */
export function observedErrorBody(observation: HttpObservation): unknown {
  return errorBodies.get(observation);
}

/**
 * The axios instance plivo-node's own files `require`: found through the CommonJS module cache entry
 * whose exports are the loaded SDK (`dist/rest/client.js`), resolved from there so a nested or hoisted
 * copy of axios is the one plivo-node really uses.
 */
function findPlivoAxios(sdk: object): AxiosInterceptorsLike | undefined {
  try {
    const cache = createRequire(join(process.cwd(), 'index.js')).cache;
    const entry = Object.values(cache).find((module) => module?.exports === sdk);
    if (entry === undefined) return undefined;
    const axios: unknown = createRequire(entry.filename)('axios');
    return isAxiosLike(axios) ? axios : undefined;
  } catch {
    return undefined;
  }
}

function isAxiosLike(value: unknown): value is AxiosInterceptorsLike {
  if ((typeof value !== 'function' && typeof value !== 'object') || value === null) return false;
  const interceptors = (value as { interceptors?: { request?: { use?: unknown }; response?: { use?: unknown } } }).interceptors;
  return typeof interceptors?.request?.use === 'function' && typeof interceptors.response?.use === 'function';
}
