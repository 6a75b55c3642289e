import type { SmsErrorCode } from '../errors/error-code';

/** The error part of an `sms.failed` event: log-safe, no body, no full phone number. */
export interface SmsEventError {
  readonly code: SmsErrorCode;
  readonly reason: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly outcome_unknown: boolean;
  readonly provider: string | null;
  /** The provider's own error code (Twilio `21211`, Telnyx `40300`), or null when there is none. */
  readonly provider_code: string | null;
  /** The HTTP status the provider answered with, or null when there was no answer. */
  readonly http_status: number | null;
  readonly field: string | null;
}
