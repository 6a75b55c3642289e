import type { z } from 'zod';
import { SmsError } from '../errors/sms-error';
import { ValidationError } from '../errors/validation-error';
import { SMS_SEND_REQUEST_SCHEMA_VERSION } from '../events/contracts/sms-send-request-schema';

/**
 * The `VALIDATION_ERROR` for a message that is not a valid `sms.send_request` (docs/platform-mode.md#what-the-worker-does-with-each-request:
 * a poison message, dead-lettered, never retried). It names the first wrong field by its path
 * (`data.to_number`), never its value. Reasons: `INVALID_JSON`, `UNSUPPORTED_SCHEMA_VERSION`, `INVALID_REQUEST`.
 *
 * @example
 * invalidRequestError(smsSendRequestSchema.safeParse(message).error).field; // 'data.to_number'
 */
export function invalidRequestError(error: z.ZodError | undefined, message: unknown, nameField: (path: string) => string = (path) => path): ValidationError {
  if (message === undefined) {
    return new ValidationError({ field: 'body', reason: 'INVALID_JSON', problem: 'is not JSON.', fix: 'publish the sms.send_request envelope as a JSON object (docs/platform-mode.md).' });
  }
  const version = (message as { schema_version?: unknown } | null)?.schema_version;
  if (typeof version === 'number' && version !== SMS_SEND_REQUEST_SCHEMA_VERSION) {
    return new ValidationError({
      field: 'schema_version',
      reason: 'UNSUPPORTED_SCHEMA_VERSION',
      problem: `${version} is not a version this worker reads (it reads ${SMS_SEND_REQUEST_SCHEMA_VERSION}).`,
      fix: 'upgrade the worker, or publish schema_version 1; the message stays in the dead-letter queue for replay.',
    });
  }
  const issues = error?.issues ?? [];
  const first = issues[0];
  const field = first === undefined || first.path.length === 0 ? 'request' : nameField(first.path.map(String).join('.'));
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new ValidationError({
    field,
    reason: 'INVALID_REQUEST',
    problem: `${first?.message ?? 'is not an sms.send_request envelope.'}${more}`,
    fix: 'publish an envelope that matches smsSendRequestSchema (docs/platform-mode.md, "Contracts").',
  });
}

/**
 * The request's ttl ran out before it could be sent (docs/platform-mode.md#ttl: never start an
 * attempt once now > created_at + ttl). Nothing was sent; retrying the same request cannot help.
 *
 * @example
 * requestExpiredError({ ttlSeconds: 60, deadline: Date.parse('2026-01-01T00:01:00Z') }).reason; // 'REQUEST_EXPIRED'
 */
export function requestExpiredError(options: { ttlSeconds: number; deadline: number }): SmsError {
  return new SmsError({
    code: 'TIMEOUT',
    reason: 'REQUEST_EXPIRED',
    message: `The request expired before it could be sent: its ttl of ${options.ttlSeconds} s ended at ${new Date(options.deadline).toISOString()}. Nothing was sent. Fix: publish a new request (a new idempotency key) if it is still wanted, or give requests a longer ttl.`,
    retryable: false,
    fault: 'request',
    outcomeUnknown: false,
  });
}

/**
 * The service failed in a way it never reports (not an `SmsError`: a bug or a broken custom service)
 * on every try. The message is dead-lettered for an operator; it may have been sent, since the failure
 * says nothing about the provider call.
 *
 * @example
 * workerFailureError(new TypeError('boom'), 4).reason; // 'WORKER_ERROR'
 */
export function workerFailureError(cause: unknown, attempts: number): SmsError {
  const detail = cause instanceof Error && cause.message !== '' ? `: ${cause.message.slice(0, 200)}` : '';
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'WORKER_ERROR',
    message: `The worker could not process the request in ${attempts} attempts${detail}. It is in the dead-letter queue; the message may have been sent, so check before replaying it.`,
    retryable: false,
    fault: 'provider',
    outcomeUnknown: true,
    cause,
  });
}
