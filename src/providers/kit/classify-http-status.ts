import { classification as row, type ErrorClassification } from './error-classification';

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

