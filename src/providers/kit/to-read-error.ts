import { SmsError } from '../../errors/sms-error';

/**
 * Turns the send classification of a failed read (`fetchMessage`, `findMessages`) into a read error
 * (docs/provider-kit.md#read-errors). The send classification is written for the create, where a
 * timeout, a reset or a 5xx means "the message may have been accepted" (`outcomeUnknown: true`, not
 * retryable; docs/reliability.md#three-outcomes-per-attempt). A GET creates nothing, so that would
 * mislead a caller into reconciling a read: here `outcomeUnknown` is always false, those failures become
 * retryable (a GET may be repeated), and the message speaks of the lookup. Code, reason, fault, provider
 * code, HTTP status and `Retry-After` are kept (docs/reconciliation.md). A caller's abort stays not
 * retryable: the caller gave up.
 *
 * @example
 * toReadError(classifyTwilioFailure(outcome, { observable }), 'Twilio').outcomeUnknown; // false
 */
export function toReadError(error: SmsError, displayName: string): SmsError {
  const repeatable = error.outcomeUnknown && error.reason !== 'ABORTED' ? true : error.retryable;
  const labels = [error.reason, error.providerCode === undefined ? undefined : `${displayName} code ${error.providerCode}`, error.httpStatus === undefined ? undefined : `HTTP ${error.httpStatus}`]
    .filter((label) => label !== undefined)
    .join(', ');
  return new SmsError({
    code: error.code,
    reason: error.reason,
    message: `${displayName}: the message lookup failed (${labels}); a lookup sends nothing${repeatable ? ' and may be repeated' : ''}.`,
    retryable: repeatable,
    fault: error.fault,
    outcomeUnknown: false,
    provider: error.provider,
    providerCode: error.providerCode,
    httpStatus: error.httpStatus,
    retryAfterMs: error.retryAfterMs,
    // The send-worded SmsError is not kept as the cause: its JSON would say "may have been accepted".
    cause: error.cause,
  });
}
