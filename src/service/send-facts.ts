import type { SmsError } from '../errors/sms-error';
import type { SendAttempt } from '../messages/send-attempt';
import type { ValidatedSendRequest } from '../messages/send-request';
import type { ProviderSendResult } from '../providers/provider';
import type { SegmentCalculation } from '../segments/calculate-segments';
import type { Money } from '../segments/money';

/** What one send knows once its provider call ended: the input of the pure builders. */
export interface SendFacts {
  readonly messageId: string;
  readonly request: ValidatedSendRequest;
  readonly analysis: SegmentCalculation;
  /** Epoch milliseconds: when `send()` was called, and when the provider call ended. */
  readonly createdAt: number;
  readonly finishedAt: number;
  readonly attempts: readonly SendAttempt[];
  readonly outcome: AcceptedOutcome | FailedOutcome;
}

export interface AcceptedOutcome {
  readonly accepted: ProviderSendResult;
  /** Id of the provider that accepted it (a decorator's inner provider, or the port's own id). */
  readonly provider: string;
  readonly cost: Money | null;
}

export interface FailedOutcome {
  readonly error: SmsError;
}
