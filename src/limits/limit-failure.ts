import type { SmsErrorReason } from '../errors/error-reason';
import { SmsError } from '../errors/sms-error';

/**
 * A limiter without insurance rejects with a plain `Error` when its store fails. That is never a rate
 * limit (docs/quotas.md#sources, https://github.com/firecrawl/firecrawl/issues/3728), and nothing was sent, so it must not read as an unknown
 * provider outcome either: it becomes a retryable not-sent error naming the limiter.
 */
export function storeFailure(error: unknown): never {
  throw notSent(error, 'LIMIT_STORE_FAILED', 'The quota limiter failed', 'Give it an insurance limiter to keep sending through store outages.');
}

/** The same for a `perTenant` function that throws (its database is down, say). */
export function lookupFailure(error: unknown): never {
  throw notSent(error, 'LIMIT_LOOKUP_FAILED', 'options.quotas.perTenant failed', 'Make it answer, or fall back to undefined (the default limits) when its source fails.');
}

function notSent(error: unknown, reason: SmsErrorReason, what: string, fix: string): SmsError {
  if (SmsError.isInstance(error)) return error;
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason,
    message: `${what} (${error instanceof Error ? error.message : String(error)}); nothing was sent. ${fix}`,
    retryable: true,
    fault: 'provider',
    outcomeUnknown: false,
    cause: error,
  });
}
