import type { MessageStatus } from './message-status';
import type { SendAttempt } from './send-attempt';
import type { SmsEncoding } from '../segments/calculate-segments';
import type { Money } from '../segments/money';

export type { AttemptOutcome, SendAttempt } from './send-attempt';

export interface SendResult {
  /** The library's id for the message. */
  readonly id: string;
  readonly status: MessageStatus;
  /** Id of the provider that accepted the message. */
  readonly provider: string;
  readonly providerMessageId: string;
  readonly to: string;
  /** The sender used, when known (the request's, or as the provider reported it). */
  readonly from: string | null;
  readonly segments: number;
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number;
  /** Exact cost at the accepting provider's price; null when no price is configured for it. */
  readonly cost: Money | null;
  /** Every provider attempt, in order. */
  readonly attempts: readonly SendAttempt[];
  readonly tenantId: string | null;
  readonly correlationId: string;
  /** ISO 8601. */
  readonly createdAt: string;
}
