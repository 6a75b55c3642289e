/**
 * The error taxonomy hosts branch on (docs/errors.md#the-taxonomy).
 *
 * - `VALIDATION_ERROR`: the request itself is wrong (number, body, options); fix it, never retry as is.
 * - `AUTH_ERROR`: a provider refused our credentials; another provider may still work.
 * - `RATE_LIMITED`: a quota or a provider's rate limit refused the send; retry after `retryAfterMs`.
 * - `PROVIDER_ERROR`: a provider failed or refused for a reason of its own.
 * - `TIMEOUT`: no answer in time; the message may have been sent (`outcomeUnknown`).
 * - `RETRYING`: a retry is scheduled (published as an event, never thrown to the caller).
 * - `FINAL_FAILURE`: every attempt on every provider failed; `errors` lists them.
 */
export const SMS_ERROR_CODES = [
  'VALIDATION_ERROR',
  'AUTH_ERROR',
  'RATE_LIMITED',
  'PROVIDER_ERROR',
  'TIMEOUT',
  'RETRYING',
  'FINAL_FAILURE',
] as const;

export type SmsErrorCode = (typeof SMS_ERROR_CODES)[number];

/**
 * Whose fault an error is. A `request` fault (invalid or opted-out recipient, blocked content) fails the
 * same way on every provider, so it must never fail over; a `provider` fault (auth, outage, rate limit,
 * sender or account rejection) may move to the next provider when the message was not sent.
 */
export type SmsErrorFault = 'request' | 'provider';
