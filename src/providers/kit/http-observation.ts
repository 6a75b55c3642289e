import { AsyncLocalStorage } from 'node:async_hooks';
import type { HeaderReader } from './retry-after';

/**
 * How an adapter sees what one HTTP attempt did on the wire, from inside an SDK that hides it.
 * (docs/reliability.md#three-outcomes-per-attempt, docs/reliability.md#classifying-provider-answers). Shared by the Twilio and Telnyx adapters so both classify
 * transport failures, HTTP statuses, Retry-After and timeouts the same way.
 *
 * Why an `AsyncLocalStorage`: neither SDK hands per-request hooks to its caller. twilio-node builds the
 * axios config inside `RequestClient.request` (no `signal`, and `RestException` drops the response
 * headers), and the Telnyx SDK erases the cause of timeouts (`APIConnectionTimeoutError` has none, see
 * `telnyx/client.js` `makeRequest`). The adapters therefore run each SDK call inside an
 * {@link HttpObservation} that their axios interceptors (Twilio) or fetch wrapper (Telnyx) read and
 * write, so the attempt's own signal reaches the socket and what happened on the wire is known.
 */

/**
 * What the adapter learnt about one HTTP attempt from inside the SDK (its axios interceptors or its
 * fetch wrapper): whether a request was dispatched, the response status and headers, and the raw
 * transport error before the SDK rewrapped it.
 */
export interface HttpObservation {
  /** The attempt's signal; the SDK hooks pass it to the transport so a timeout or abort cancels it. */
  readonly signal: AbortSignal;
  /** True once the SDK handed a request to its transport (axios interceptor / fetch called). */
  requestStarted: boolean;
  /** Set when response headers arrived. */
  response: { status: number; readHeader: HeaderReader } | undefined;
  /** The raw transport error, before the SDK rewrapped it. */
  transportError: unknown;
}

/** Internal to the kit: `runHttpAttempt` runs each SDK call inside one. */
export const observations = new AsyncLocalStorage<HttpObservation>();

/**
 * The observation of the attempt the current async context belongs to, if any. Called by SDK hooks;
 * outside an adapter call it returns `undefined` and the hooks do nothing.
 *
 * @example
 * axios.interceptors.request.use((config) => { const observation = currentHttpObservation(); … });
 */
export function currentHttpObservation(): HttpObservation | undefined {
  return observations.getStore();
}

