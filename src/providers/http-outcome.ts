import type { SmsErrorReason } from '../errors/error-reason';
/**
 * What one HTTP attempt against a provider's create endpoint ended as: not sent, sent, or unknown
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
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SmsErrorCode, SmsErrorFault } from '../errors/error-code';
import { SmsError } from '../errors/sms-error';

/** One row of a provider error table: how a provider error maps onto the library's taxonomy. */
export interface ErrorClassification {
  readonly code: SmsErrorCode;
  readonly reason: SmsErrorReason;
  /** Whether sending the same request again later may succeed (same or another provider). */
  readonly retryable: boolean;
  /** `request`: never fail over (same result everywhere, or a policy/consent signal). */
  readonly fault: SmsErrorFault;
  /** The provider may have accepted the message: never re-send blindly, reconcile first. */
  readonly outcomeUnknown: boolean;
  /** What it means, in words safe for logs (no numbers, no bodies); becomes the error message. */
  readonly meaning: string;
}

/** Adapter ids, used as `SmsError.provider`. */
export type HttpProviderId = 'twilio' | 'telnyx';

const PROVIDER_NAMES: Record<HttpProviderId, string> = { twilio: 'Twilio', telnyx: 'Telnyx' };

/**
 * Default classification by HTTP status when the provider's code is missing or not in its table.
 * docs/reliability.md#classifying-provider-answers: 401/403 are a configuration problem of this provider (fail over allowed); 408
 * and 5xx on a create are outcome unknown (Twilio error 20500: a create is not idempotent); 429 was
 * never processed. Other 4xx are treated as permanent and `request` fault (no fail over) because an
 * unrecognised 4xx may be a policy block the next provider must not bypass; 404 is the exception:
 * on a create endpoint the only thing that can be missing is this provider's account, profile or
 * endpoint, so it is a provider configuration problem (the 404 row of that table).
 *
 * @example
 * classifyHttpStatus(503).outcomeUnknown; // true
 * classifyHttpStatus(401).code; // 'AUTH_ERROR'
 */
export function classifyHttpStatus(status: number): ErrorClassification {
  if (status === 401) {
    return row('AUTH_ERROR', 'AUTHENTICATION_FAILED', false, 'provider', false, 'the credentials were refused.');
  }
  if (status === 403) {
    return row('AUTH_ERROR', 'PERMISSION_DENIED', false, 'provider', false, 'the account may not perform this request.');
  }
  if (status === 404) {
    return row('PROVIDER_ERROR', 'NOT_FOUND', false, 'provider', false, 'the account, profile or endpoint was not found.');
  }
  if (status === 408) {
    return row('TIMEOUT', 'PROVIDER_TIMEOUT', false, 'provider', true, 'the provider timed out while handling the request; the message may have been accepted.');
  }
  if (status === 409) {
    // Stainless SDKs retry 409 as a lock timeout: the request conflicted and was not processed.
    return row('PROVIDER_ERROR', 'CONFLICT', true, 'provider', false, 'the provider refused the request because of a conflict.');
  }
  if (status === 429) {
    return row('RATE_LIMITED', 'RATE_LIMITED', true, 'provider', false, 'too many requests; the request was not processed.');
  }
  if (status >= 400 && status < 500) {
    return row('PROVIDER_ERROR', 'REQUEST_REJECTED', false, 'request', false, 'the provider rejected the request.');
  }
  if (status >= 500 && status < 600) {
    return row('PROVIDER_ERROR', 'PROVIDER_SERVER_ERROR', false, 'provider', true, 'the provider failed with a server error; the message may have been accepted.');
  }
  return row('PROVIDER_ERROR', 'UNEXPECTED_RESPONSE', false, 'provider', true, 'the provider answered with an unexpected HTTP status; the message may have been accepted.');
}

/** A provider code that is in no table and came without an HTTP status (e.g. from a status callback). */
export const UNRECOGNISED_PROVIDER_CODE: ErrorClassification = row(
  'PROVIDER_ERROR',
  'UNRECOGNISED_PROVIDER_ERROR',
  false,
  'provider',
  false,
  'the provider reported an error this library does not recognise.',
);

/**
 * Picks the classification for a provider error: a 5xx is outcome unknown whatever code it carries
 * (a create is not idempotent, docs/reliability.md#provider-creates-are-not-idempotent), then the provider's own code, then the HTTP
 * status.
 *
 * @example
 * resolveClassification({ httpStatus: 500, row: TWILIO_ERROR_TABLE['21211'] }).outcomeUnknown; // true
 */
export function resolveClassification(options: { httpStatus?: number; row?: ErrorClassification }): ErrorClassification {
  const { httpStatus, row: tableRow } = options;
  if (httpStatus !== undefined && httpStatus >= 500 && !(tableRow?.outcomeUnknown ?? false)) {
    return classifyHttpStatus(httpStatus);
  }
  if (tableRow !== undefined) return tableRow;
  if (httpStatus !== undefined) return classifyHttpStatus(httpStatus);
  return UNRECOGNISED_PROVIDER_CODE;
}

export interface ProviderErrorOptions {
  provider: HttpProviderId;
  classification: ErrorClassification;
  providerCode?: string;
  httpStatus?: number;
  retryAfterMs?: number;
  /** The vendor's own message; only shown (masked) when the code is not recognised. */
  vendorMessage?: string;
  /** Whether the code was found in the provider's table. */
  recognised: boolean;
}

/**
 * Builds the `SmsError` for a classified provider error. The message names the meaning, the
 * provider code and the HTTP status, never the request body; a vendor message is added only for
 * unrecognised codes, with digit runs masked because vendors echo phone numbers.
 *
 * @example
 * createProviderError({ provider: 'twilio', classification, providerCode: '21211', httpStatus: 400, recognised: true });
 */
export function createProviderError(options: ProviderErrorOptions): SmsError {
  const name = PROVIDER_NAMES[options.provider];
  const labels = [
    options.providerCode === undefined ? undefined : `${name} code ${options.providerCode}`,
    options.httpStatus === undefined ? undefined : `HTTP ${options.httpStatus}`,
  ].filter((label) => label !== undefined);
  const vendor =
    !options.recognised && options.vendorMessage !== undefined && options.vendorMessage.trim() !== ''
      ? ` ${name} said: "${maskPhoneNumbers(options.vendorMessage)}".`
      : '';
  const suffix = labels.length > 0 ? ` (${labels.join(', ')})` : '';
  const { classification } = options;
  return new SmsError({
    code: classification.code,
    reason: classification.reason,
    message: `${name}: ${classification.meaning}${suffix}${vendor}`,
    retryable: classification.retryable,
    fault: classification.fault,
    outcomeUnknown: classification.outcomeUnknown,
    provider: options.provider,
    providerCode: options.providerCode,
    httpStatus: options.httpStatus,
    // A wait only matters when a retry is allowed; on unknown outcomes nobody may retry blindly.
    retryAfterMs: classification.retryable ? options.retryAfterMs : undefined,
  });
}

export { headerReaderFrom, parseRetryAfterMs, type HeaderReader } from './retry-after';
import type { HeaderReader } from './retry-after';

export { maskPhoneNumbers } from './mask-phone-numbers';
import { maskPhoneNumbers } from './mask-phone-numbers';

export { classifyTransportError, type TransportFailure } from './classify-transport-error';

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

const observations = new AsyncLocalStorage<HttpObservation>();

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

/** Why an attempt was interrupted by the adapter rather than ended by the SDK. */
export type HttpInterruption = 'timeout' | 'caller-abort';

export type HttpAttemptOutcome<T> =
  | { readonly status: 'fulfilled'; readonly value: T; readonly observation: HttpObservation }
  | {
      readonly status: 'rejected';
      /** The SDK's error; `undefined` when the adapter's deadline or the caller's signal won the race. */
      readonly error: unknown;
      readonly interruption: HttpInterruption | undefined;
      readonly observation: HttpObservation;
    };

export interface RunHttpAttemptOptions<T> {
  /** Deadline for the whole attempt: connect, request, response headers and body. */
  timeoutMs: number;
  /** The caller's signal (`ProviderSendOptions.signal`). */
  signal?: AbortSignal;
  /** Starts the SDK call; `signal` must reach the transport so the HTTP request is really aborted. */
  request: (signal: AbortSignal) => Promise<T>;
}

const interrupted = Symbol('interrupted');

/**
 * Runs one SDK call with a hard deadline and the caller's signal, inside an {@link HttpObservation}.
 * The deadline and the caller's abort both abort the transport through the signal and end the wait
 * at once, even if an SDK ignored the signal, so `send()` never outlives `timeoutMs`. It never
 * retries.
 *
 * @example
 * const outcome = await runHttpAttempt({ timeoutMs: 10_000, signal, request: (signal) => client.messages.send(body, { signal }) });
 */
export async function runHttpAttempt<T>(options: RunHttpAttemptOptions<T>): Promise<HttpAttemptOutcome<T>> {
  const controller = new AbortController();
  const observation: HttpObservation = {
    signal: controller.signal,
    requestStarted: false,
    response: undefined,
    transportError: undefined,
  };
  let interruption: HttpInterruption | undefined;
  const interrupt = (kind: HttpInterruption, reason: unknown): void => {
    interruption ??= kind;
    controller.abort(reason);
  };
  const onCallerAbort = (): void => interrupt('caller-abort', options.signal?.reason);
  if (options.signal?.aborted === true) {
    return { status: 'rejected', error: undefined, interruption: 'caller-abort', observation };
  }
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    interrupt('timeout', new DOMException(`No answer within ${options.timeoutMs} ms`, 'TimeoutError'));
  }, options.timeoutMs);
  const stopped = new Promise<typeof interrupted>((resolve) => {
    controller.signal.addEventListener('abort', () => resolve(interrupted), { once: true });
  });
  try {
    const request = observations.run(observation, () => options.request(controller.signal));
    // When the deadline wins the race the SDK still rejects later (aborted): expected, not unhandled.
    request.catch(() => undefined);
    const value = await Promise.race([request, stopped]);
    if (value === interrupted) return { status: 'rejected', error: undefined, interruption, observation };
    return { status: 'fulfilled', value, observation };
  } catch (error) {
    return { status: 'rejected', error, interruption, observation };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/**
 * Outcomes decided by the adapter itself rather than by a provider error code. One table, so the
 * documentation and the tests read the same rows.
 */
export const TRANSPORT_OUTCOMES = {
  /** DNS, refused, unreachable, connect timeout, TLS handshake: nothing reached the provider. */
  connectFailed: row('PROVIDER_ERROR', 'CONNECTION_FAILED', true, 'provider', false, 'could not connect; the message was not sent.'),
  /** The deadline passed after the request may have been written (docs/reliability.md#three-outcomes-per-attempt). */
  timedOut: row('TIMEOUT', 'RESPONSE_TIMEOUT', false, 'provider', true, 'no answer in time; the message may have been accepted.'),
  /** The deadline passed before the SDK dispatched any request. */
  timedOutBeforeRequest: row('TIMEOUT', 'TIMEOUT_BEFORE_REQUEST', true, 'provider', false, 'the deadline passed before the request was sent; the message was not sent.'),
  // The caller's signal aborts every provider alike, so an abort is a `request` fault: never fail over.
  /** The caller's signal aborted a request in flight. */
  abortedInFlight: row('TIMEOUT', 'ABORTED', false, 'request', true, 'the send was aborted while the request was in flight; the message may have been accepted.'),
  /** The caller's signal was aborted before any request was dispatched. */
  abortedBeforeRequest: row('TIMEOUT', 'ABORTED', false, 'request', false, 'the send was aborted before the request was sent; the message was not sent.'),
  /** Reset or broken connection after the request may have been written. */
  connectionLost: row('PROVIDER_ERROR', 'CONNECTION_LOST', false, 'provider', true, 'the connection broke during the request; the message may have been accepted.'),
  /** A 2xx whose body could not be read: accepted, but the provider id is unknown. */
  unreadableResponse: row('PROVIDER_ERROR', 'UNREADABLE_RESPONSE', false, 'provider', true, 'the provider accepted the request but its answer could not be read; the message was probably accepted.'),
  /** The SDK failed before dispatching anything (bad option, internal error). */
  sdkFailedBeforeRequest: row('PROVIDER_ERROR', 'SDK_ERROR', false, 'provider', false, 'the provider SDK failed before sending the request; the message was not sent.'),
} as const satisfies Record<string, ErrorClassification>;

/**
 * Builds the `SmsError` for an adapter-decided outcome. `cause` is the error that led to it, chosen by
 * the adapter so it never carries the request (see `originalTransportError`); `toJSON` reduces it to
 * name and code.
 *
 * @example
 * createTransportError({ provider: 'twilio', classification: TRANSPORT_OUTCOMES.connectFailed, transportCode: 'ECONNREFUSED' });
 */
export function createTransportError(options: {
  provider: HttpProviderId;
  classification: ErrorClassification;
  transportCode?: string;
  httpStatus?: number;
  cause?: unknown;
}): SmsError {
  const name = PROVIDER_NAMES[options.provider];
  const detail = options.transportCode === undefined ? '' : ` (${options.transportCode})`;
  const { classification } = options;
  return new SmsError({
    code: classification.code,
    reason: classification.reason,
    message: `${name}: ${classification.meaning}${detail}`,
    retryable: classification.retryable,
    fault: classification.fault,
    outcomeUnknown: classification.outcomeUnknown,
    provider: options.provider,
    httpStatus: options.httpStatus,
    cause: options.cause,
  });
}

export { MESSAGE_ID_PARAMETER, withMessageIdParameter } from './with-message-id-parameter';

function row(
  code: SmsErrorCode,
  reason: SmsErrorReason,
  retryable: boolean,
  fault: SmsErrorFault,
  outcomeUnknown: boolean,
  meaning: string,
): ErrorClassification {
  return { code, reason, retryable, fault, outcomeUnknown, meaning };
}
