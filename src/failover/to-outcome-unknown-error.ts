import { SmsError } from '../errors/sms-error';

/**
 * How a send ends when an attempt may have been delivered (docs/reliability.md#three-outcomes-per-attempt): code
 * `TIMEOUT` with `outcomeUnknown: true`, never retried, never failed over by default; the
 * delivery-status webhook reconciles it. A 5xx on a create or a broken connection keeps its own
 * `reason`, `providerCode` and `httpStatus`, and the provider's error stays as `cause`.
 *
 * @example
 * toOutcomeUnknownError(serverError).code; // 'TIMEOUT'
 */
export function toOutcomeUnknownError(error: SmsError): SmsError {
  if (error.code === 'TIMEOUT' && error.outcomeUnknown) return error;
  return new SmsError({
    code: 'TIMEOUT',
    reason: error.reason,
    message: error.message,
    retryable: false,
    fault: error.fault,
    outcomeUnknown: true,
    provider: error.provider,
    providerCode: error.providerCode,
    httpStatus: error.httpStatus,
    cause: error,
  });
}
