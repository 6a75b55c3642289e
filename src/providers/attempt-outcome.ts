import type { SmsError } from '../errors/sms-error';
import type { AttemptOutcome, SendAttempt } from '../messages/send-attempt';

/** The outcome of a failed attempt: unknown when the provider may have accepted it, else not sent. */
export function failedAttemptOutcome(error: SmsError): AttemptOutcome {
  return error.outcomeUnknown ? 'unknown' : 'not_sent';
}

export function sentAttempt(provider: string, durationMs: number): SendAttempt {
  return { provider, outcome: 'sent', errorCode: null, errorReason: null, providerCode: null, durationMs };
}

export function failedAttempt(provider: string, error: SmsError, durationMs: number): SendAttempt {
  return {
    provider,
    outcome: failedAttemptOutcome(error),
    errorCode: error.code,
    errorReason: error.reason,
    providerCode: error.providerCode ?? null,
    durationMs,
  };
}
