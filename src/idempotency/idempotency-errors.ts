import { SmsError } from '../errors/sms-error';
import { ValidationError } from '../errors/validation-error';

/**
 * The same key with a different payload (docs/reliability.md#idempotency-model: Stripe `idempotency_error`, IETF 422).
 * Nothing is sent and nothing is recorded under the key.
 */
export function idempotencyConflictError(): ValidationError {
  return new ValidationError({
    field: 'idempotencyKey',
    reason: 'IDEMPOTENCY_KEY_CONFLICT',
    problem: 'was already used for a different message (destination, sender, body, media or schedule).',
    fix: 'use a new idempotency key for a new message, or resend exactly the same message with this key.',
  });
}

/**
 * The same key while its first send runs (IETF 409). The first send may still succeed, so this is
 * outcome unknown for the caller: retry later with the same key to get its outcome, never with a new one.
 */
export function idempotencyInFlightError(waitedMs: number, retryAfterMs: number): SmsError {
  const waited = waitedMs > 0 ? ` after waiting ${waitedMs} ms` : '';
  return new SmsError({
    code: 'TIMEOUT',
    reason: 'IDEMPOTENCY_KEY_IN_FLIGHT',
    message: `A send with this idempotency key is still in progress${waited}; this duplicate was not sent. Retry with the same key to get its outcome.`,
    retryable: true,
    fault: 'request',
    outcomeUnknown: true,
    retryAfterMs,
  });
}

/** The store could not answer, so the key was not claimed and, by default, nothing was sent. */
export function idempotencyStoreUnavailableError(cause: unknown): SmsError {
  const detail = cause instanceof Error && cause.message !== '' ? ` (${cause.message.slice(0, 200)})` : '';
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'IDEMPOTENCY_STORE_UNAVAILABLE',
    message:
      `The idempotency store did not answer${detail}, so the key could not be claimed and the message was not sent. ` +
      "Fix: check the store's connection and retry with the same key, or set idempotency.onStoreUnavailable to 'send-without-claim' to send without protection.",
    retryable: true,
    outcomeUnknown: false,
    cause,
  });
}
