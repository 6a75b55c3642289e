import type { SmsError } from '../errors/sms-error';
import { ValidationError } from '../errors/validation-error';
import type { SmsEventError } from './sms-event';

/** The log-safe error part of an event: no body, no full phone number. */
export function toEventError(error: SmsError): SmsEventError {
  return {
    code: error.code,
    reason: error.reason,
    message: error.message,
    retryable: error.retryable,
    outcome_unknown: error.outcomeUnknown,
    provider: error.provider ?? null,
    provider_code: error.providerCode ?? null,
    http_status: error.httpStatus ?? null,
    field: ValidationError.isInstance(error) ? error.field : null,
  };
}
