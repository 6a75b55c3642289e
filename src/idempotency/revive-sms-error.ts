import type { SmsErrorReason } from '../errors/error-reason';
import { SMS_ERROR_CODES, type SmsErrorCode, type SmsErrorFault } from '../errors/error-code';
import { FinalFailureError } from '../errors/final-failure-error';
import { SmsError } from '../errors/sms-error';

/**
 * Rebuilds the `SmsError` of a stored failure from its `toJSON()` form, so a replay throws what the
 * first send threw: same code, reason, message, flags and provider details; a `FINAL_FAILURE` with
 * every attempt's error. The original `cause` was reduced to its name and code when stored and is
 * not rebuilt.
 *
 * @example
 * const replayed = reviveSmsError(error.toJSON());
 * replayed.code === error.code; // true
 */
export function reviveSmsError(json: Readonly<Record<string, unknown>>): SmsError {
  const message = text(json.message) ?? 'The first send under this idempotency key failed.';
  if (Array.isArray(json.errors)) {
    const errors = json.errors.filter(isRecord).map((each) => reviveSmsError(each));
    return new FinalFailureError({ message, errors });
  }
  const code = SMS_ERROR_CODES.includes(json.code as SmsErrorCode) ? (json.code as SmsErrorCode) : 'PROVIDER_ERROR';
  return new SmsError({
    code,
    // A reason written by a newer version is kept as is: SmsErrorReason may grow in a minor release.
    reason: (text(json.reason) ?? 'UNKNOWN') as SmsErrorReason,
    message,
    retryable: json.retryable === true,
    fault: json.fault === 'request' || json.fault === 'provider' ? (json.fault as SmsErrorFault) : undefined,
    outcomeUnknown: json.outcomeUnknown === true,
    provider: text(json.provider),
    providerCode: text(json.providerCode),
    httpStatus: typeof json.httpStatus === 'number' ? json.httpStatus : undefined,
    retryAfterMs: typeof json.retryAfterMs === 'number' ? json.retryAfterMs : undefined,
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
