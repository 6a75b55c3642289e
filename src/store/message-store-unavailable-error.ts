import { SmsError } from '../errors/sms-error';

/**
 * The message store did not take the record written before the provider call, so the message was not
 * sent: a send is never made that its record could not follow (docs/persistence.md#write-ahead).
 *
 * @example
 * throw messageStoreUnavailableError(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
 */
export function messageStoreUnavailableError(cause: unknown): SmsError {
  const detail = cause instanceof Error && cause.message !== '' ? ` (${cause.message.slice(0, 200)})` : '';
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'MESSAGE_STORE_UNAVAILABLE',
    message: `The message store did not record the message before sending${detail}, so it was not sent. Fix: check the store's connection and retry; with an idempotency key, retry with the same key.`,
    retryable: true,
    outcomeUnknown: false,
    cause,
  });
}
