import { SmsError } from '../errors/sms-error';

/**
 * Turns whatever a provider threw into an `SmsError`. A custom adapter that throws a plain error gives
 * no way to know whether the message went out, so it is treated as outcome unknown: the library then
 * never re-sends it (docs/reliability.md#three-outcomes-per-attempt).
 */
export function toSmsError(error: unknown, provider: string): SmsError {
  if (SmsError.isInstance(error)) return error;
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'UNCLASSIFIED_PROVIDER_ERROR',
    message: `Provider "${provider}" threw an error that is not an SmsError; it may have sent the message, so it is not retried.`,
    retryable: false,
    fault: 'provider',
    outcomeUnknown: true,
    provider,
    cause: error,
  });
}
