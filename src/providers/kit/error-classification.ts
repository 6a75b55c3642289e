import type { SmsErrorCode, SmsErrorFault } from '../../errors/error-code';
import type { SmsErrorReason } from '../../errors/error-reason';

/** One row of a provider error table: how a provider error maps onto the library's taxonomy. */
export interface ErrorClassification {
  readonly code: SmsErrorCode;
  readonly reason: SmsErrorReason;
  /** Whether sending the same request again later may succeed (same or another provider). */
  readonly retryable: boolean;
  /** `request`: never fail over (same result everywhere, or a policy/consent signal). */
  readonly fault: SmsErrorFault;
  /** The provider may have accepted the message: never re-send blindly, reconcile first. */
  readonly outcomeUnknown: boolean;
  /** What it means, in words safe for logs (no numbers, no bodies); becomes the error message. */
  readonly meaning: string;
}

/**
 * One classification row, positionally: code, reason, retryable, fault, outcome unknown, meaning.
 * Vendor error tables are written with it so each row reads on one line.
 *
 * @example
 * classification('RATE_LIMITED', 'RATE_LIMITED', true, 'provider', false, 'too many requests; the request was not processed.');
 */
export function classification(
  code: SmsErrorCode,
  reason: SmsErrorReason,
  retryable: boolean,
  fault: SmsErrorFault,
  outcomeUnknown: boolean,
  meaning: string,
): ErrorClassification {
  return { code, reason, retryable, fault, outcomeUnknown, meaning };
}
