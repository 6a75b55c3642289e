import { FinalFailureError } from '../errors/final-failure-error';
import type { SmsError } from '../errors/sms-error';

/**
 * The `FINAL_FAILURE` that ends a send when every attempt failed without sending. Errors of nested
 * final failures (retries around a failover) are flattened, so `errors` lists every attempt once, in
 * order, and the message names each one's provider, code and reason.
 *
 * @example
 * throw createFinalFailure([twilioError, telnyxError], 'Every provider refused the message without sending it');
 */
export function createFinalFailure(errors: readonly SmsError[], summary: string): FinalFailureError {
  const flat = errors.flatMap((error) => (FinalFailureError.isInstance(error) ? error.errors : [error]));
  const detail = flat.map((error) => `${error.provider ?? 'unknown'} ${error.code}/${error.reason}`).join('; ');
  return new FinalFailureError({ message: `${summary} (${flat.length} attempts): ${detail}.`, errors: flat });
}
