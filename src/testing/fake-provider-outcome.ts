import type { SmsErrorReason } from '../errors/error-reason';
import type { SmsErrorCode, SmsErrorFault } from '../errors/error-code';
import type { MessageStatus } from '../messages/message-status';

/**
 * One scripted answer of a fake provider. Each covers one of the three real outcomes
 * (docs/reliability.md#three-outcomes-per-attempt): accepted (sent), refused before sending (not sent), or timed out after the
 * request went out (unknown, and the fake counts the message as delivered to the network).
 */
export type FakeProviderOutcome =
  | 'accept'
  | 'rate-limit'
  | 'fail-before-send'
  | 'timeout-after-send'
  | 'timeout-not-received'
  | FakeAcceptOutcome
  | FakeRejectOutcome
  | FakeRateLimitOutcome
  | FakeFailBeforeSendOutcome
  | FakeTimeoutAfterSendOutcome
  | FakeTimeoutNotReceivedOutcome;

export interface FakeAcceptOutcome {
  type: 'accept';
  providerMessageId?: string;
  status?: MessageStatus;
  /** Milliseconds before answering (real timers; abortable through the send signal). */
  delayMs?: number;
}

/** The provider answered with an error: e.g. Twilio 21211 (request fault) or 20003 (provider fault). */
export interface FakeRejectOutcome {
  type: 'reject';
  providerCode: string;
  code?: SmsErrorCode;
  reason?: SmsErrorReason;
  /** Default `request`: the recipient or content is wrong and another provider would refuse it too. */
  fault?: SmsErrorFault;
  retryable?: boolean;
  httpStatus?: number;
  message?: string;
}

/** HTTP 429: never processed, safe to retry after `retryAfterMs` (Twilio 20429). */
export interface FakeRateLimitOutcome {
  type: 'rate-limit';
  retryAfterMs?: number;
}

/** The request never reached the provider (connection refused, DNS, connect timeout). */
export interface FakeFailBeforeSendOutcome {
  type: 'fail-before-send';
  reason?: SmsErrorReason;
}

/** The request went out but no answer came back: the message may have been sent (the fake holds it, accepted). */
export interface FakeTimeoutAfterSendOutcome {
  type: 'timeout-after-send';
}

/**
 * No answer came back, as for `timeout-after-send`, but the request never reached the provider: the caller
 * sees an unknown outcome, the fake holds nothing (reconciliation then proves it was not sent).
 */
export interface FakeTimeoutNotReceivedOutcome {
  type: 'timeout-not-received';
}
