import type { SmsErrorReason } from '../../errors/error-reason';
import type { SmsError } from '../../errors/sms-error';
import type { ErrorClassification } from '../kit/error-classification';
import { createProviderError } from '../kit/create-provider-error';
import { resolveClassification } from '../kit/classify-http-status';

/** When a Twilio code is raised: answering the create request, or later in a status callback. */
export type TwilioErrorPhase = 'request' | 'delivery';

export interface TwilioErrorRow extends ErrorClassification {
  readonly phase: TwilioErrorPhase;
}

const notSent = (
  code: ErrorClassification['code'],
  reason: SmsErrorReason,
  fault: ErrorClassification['fault'],
  retryable: boolean,
  meaning: string,
  phase: TwilioErrorPhase = 'request',
): TwilioErrorRow => ({ code, reason, fault, retryable, outcomeUnknown: false, meaning, phase });

/**
 * Twilio error codes → taxonomy. Sources: docs/twilio.md#errors, docs/reliability.md#classifying-provider-answers
 * and Twilio's error pages (https://www.twilio.com/docs/api/errors/<code>). `fault: 'request'` means never
 * fail over: the next provider would refuse it too, or failing over would bypass a consent or policy
 * signal. `fault: 'provider'` means this provider's account, sender or capacity is the problem, so
 * another provider may send it. Create-time (HTTP 4xx) codes mean the message was not created;
 * delivery-phase codes arrive later as `ErrorCode` in status callbacks and are listed so webhook
 * handlers classify with the same table.
 */
export const TWILIO_ERROR_TABLE: Readonly<Record<string, TwilioErrorRow>> = {
  // --- Credentials and throughput -----------------------------------------------------------
  '20003': notSent('AUTH_ERROR', 'AUTHENTICATION_FAILED', 'provider', false, 'authentication failed: the Account SID or Auth Token was refused.'),
  // "never processed and is always safe to retry" (twilio.com/docs/errors/20429).
  '20429': notSent('RATE_LIMITED', 'RATE_LIMITED', 'provider', true, 'too many concurrent requests; the request was not processed.'),
  // The sender's queue holds more than 10 h of messages: rejected at the API (https://www.twilio.com/docs/api/errors/21611), fail over or delay.
  '21611': notSent('RATE_LIMITED', 'SENDER_QUEUE_FULL', 'provider', true, "the sender's queue is full; the message was not queued."),
  // --- Recipient: the same everywhere, never fail over ---------------------------------------
  '21211': notSent('VALIDATION_ERROR', 'INVALID_RECIPIENT', 'request', false, "the 'To' number is not a valid phone number."),
  // Sending to a short code (https://www.twilio.com/docs/api/errors/21265).
  '21265': notSent('VALIDATION_ERROR', 'INVALID_RECIPIENT', 'request', false, "the 'To' number is a short code, which cannot receive this message."),
  '21614': notSent('VALIDATION_ERROR', 'RECIPIENT_NOT_SMS_CAPABLE', 'request', false, "the 'To' number is not a mobile number that can receive SMS."),
  '21635': notSent('VALIDATION_ERROR', 'RECIPIENT_IS_LANDLINE', 'request', false, "the 'To' number is a landline."),
  // Compliance: the recipient replied STOP. Failing over would bypass the opt-out (docs/webhooks.md#opt-outs).
  '21610': notSent('VALIDATION_ERROR', 'OPTED_OUT', 'request', false, 'the recipient has opted out (STOP) of messages from this sender.'),
  // Geo permissions block the destination country. It looks like a sender/account code
  // (fail over OK), but it must not fail over (docs/reliability.md#classifying-provider-answers): it is a policy signal (SMS
  // pumping defence, docs/quotas.md#abuse-guards), so it is a request fault here.
  '21408': notSent('PROVIDER_ERROR', 'DESTINATION_NOT_PERMITTED', 'request', false, "sending to the destination's region is not enabled (geo permissions)."),
  // --- Body and parameters: the request itself is wrong --------------------------------------
  '21602': notSent('VALIDATION_ERROR', 'BODY_REQUIRED', 'request', false, 'the message body is required.'),
  '14103': notSent('VALIDATION_ERROR', 'BODY_REQUIRED', 'request', false, 'the message has neither a body nor media.'),
  '21617': notSent('VALIDATION_ERROR', 'BODY_TOO_LONG', 'request', false, 'the message body exceeds the 1600 character limit.'),
  '21658': notSent('VALIDATION_ERROR', 'PARAMETER_TOO_LONG', 'request', false, 'a parameter (usually the body) is too long.'),
  // "You may send up to 10 media files in a single message" (twilio.com/docs/api/errors/21623).
  '21623': notSent('VALIDATION_ERROR', 'TOO_MANY_MEDIA_URLS', 'request', false, 'the message has more media URLs than allowed (10).'),
  // ValidityPeriod outside 1–36000 s / not a positive integer (twilio.com/docs/api/errors/90007, 90014).
  '90007': notSent('VALIDATION_ERROR', 'INVALID_VALIDITY_PERIOD', 'request', false, 'the validity period is outside 1–36000 seconds.'),
  '90014': notSent('VALIDATION_ERROR', 'INVALID_VALIDITY_PERIOD', 'request', false, 'the validity period is not a positive whole number of seconds.'),
  // --- Sender and account: this provider's configuration; another provider may send it ------------
  // (docs/twilio.md#answers-to-the-create-request-http-4xx-not-sent: the sender belongs to this Twilio account, fail over OK.)
  '21212': notSent('PROVIDER_ERROR', 'INVALID_SENDER', 'provider', false, "the 'From' number is not a valid sender."),
  '21606': notSent('PROVIDER_ERROR', 'SENDER_NOT_SMS_CAPABLE', 'provider', false, "the 'From' number cannot send SMS or does not belong to the account."),
  // Twilio cannot route this To/From combination (https://www.twilio.com/docs/api/errors/21612): it depends on this account's
  // sender and routes; another provider with its own sender may reach the number.
  '21612': notSent('PROVIDER_ERROR', 'ROUTE_NOT_AVAILABLE', 'provider', false, "Twilio cannot route between this 'From' and 'To'."),
  '21659': notSent('PROVIDER_ERROR', 'INVALID_SENDER', 'provider', false, "the 'From' is not a Twilio number or sender id of the account."),
  '21660': notSent('PROVIDER_ERROR', 'SENDER_NOT_IN_ACCOUNT', 'provider', false, "the 'From' number belongs to another account."),
  '21703': notSent('PROVIDER_ERROR', 'NO_SENDER_AVAILABLE', 'provider', false, 'the Messaging Service has no sender available for this message.'),
  // A trial account may only text verified numbers: an account restriction, not the recipient's fault.
  '21608': notSent('PROVIDER_ERROR', 'TRIAL_ACCOUNT_RESTRICTION', 'provider', false, 'a trial account can only send to verified numbers.'),
  // --- Server: a create is not idempotent (twilio.com/docs/api/errors/20500) ----------------------
  '20500': {
    code: 'PROVIDER_ERROR',
    reason: 'PROVIDER_SERVER_ERROR',
    fault: 'provider',
    retryable: false,
    outcomeUnknown: true,
    meaning: 'an internal error occurred while creating the message; it may have been accepted.',
    phase: 'request',
  },
  // --- Delivery phase (status callback ErrorCode) ------------------------------------------------
  '30001': notSent('RATE_LIMITED', 'QUEUE_OVERFLOW', 'provider', true, 'the Messaging Service queue overflowed.', 'delivery'),
  // "A retry may help" (https://www.twilio.com/docs/api/errors/30003): the handset is off or out of coverage; no provider can fix that.
  '30003': notSent('PROVIDER_ERROR', 'RECIPIENT_UNREACHABLE', 'request', true, 'the handset was unreachable.', 'delivery'),
  '30005': notSent('VALIDATION_ERROR', 'UNKNOWN_RECIPIENT', 'request', false, 'the destination number is unknown or no longer exists.', 'delivery'),
  '30006': notSent('VALIDATION_ERROR', 'RECIPIENT_NOT_SMS_CAPABLE', 'request', false, 'the destination is a landline or its carrier is unreachable.', 'delivery'),
  // Filtered by the carrier for content: a content problem, do not retry blindly or route around it.
  '30007': notSent('PROVIDER_ERROR', 'CARRIER_FILTERED', 'request', false, 'the carrier filtered the message (content or compliance).', 'delivery'),
  '30008': notSent('PROVIDER_ERROR', 'DELIVERY_FAILED', 'provider', true, 'delivery failed for an unknown reason.', 'delivery'),
  '30022': notSent('RATE_LIMITED', 'CAMPAIGN_RATE_LIMITED', 'provider', true, 'the US 10DLC campaign rate limit was exceeded.', 'delivery'),
  // The validity period ran out in Twilio's queue (twilio.com/docs/api/errors/30036): the TTL is gone.
  '30036': notSent('PROVIDER_ERROR', 'VALIDITY_PERIOD_EXPIRED', 'provider', false, 'the validity period expired before Twilio could send the message.', 'delivery'),
  '63017': notSent('RATE_LIMITED', 'ACCOUNT_RATE_LIMITED', 'provider', true, 'the account exceeded its messages-per-second limit.', 'delivery'),
  '63038': notSent('RATE_LIMITED', 'DAILY_LIMIT_REACHED', 'provider', true, "the account's daily message limit was reached.", 'delivery'),
};

/** What is known about a Twilio error: from a `RestException`, an HTTP response or a status callback. */
export interface TwilioErrorDetails {
  /** HTTP status of the create response; absent for status-callback codes. */
  httpStatus?: number;
  /** Twilio's error code (`RestException.code`, callback `ErrorCode`). */
  code?: number | string;
  /** Twilio's message; only used, masked, when the code is not in the table. */
  message?: string;
  /** Parsed `Retry-After`, attached when the error is retryable. */
  retryAfterMs?: number;
}

/**
 * Maps a Twilio error to an `SmsError` through {@link TWILIO_ERROR_TABLE}: a 5xx is always outcome
 * unknown; then the code's row; then the HTTP status (see `classifyHttpStatus`). Pure: no I/O.
 *
 * @example
 * mapTwilioError({ httpStatus: 400, code: 21610 }).reason; // 'OPTED_OUT'
 * mapTwilioError({ httpStatus: 429, code: 20429, retryAfterMs: 3000 }).retryAfterMs; // 3000
 * mapTwilioError({ httpStatus: 503 }).outcomeUnknown; // true
 */
export function mapTwilioError(details: TwilioErrorDetails): SmsError {
  const providerCode = details.code === undefined || details.code === null ? undefined : String(details.code);
  const tableRow = providerCode !== undefined && Object.hasOwn(TWILIO_ERROR_TABLE, providerCode) ? TWILIO_ERROR_TABLE[providerCode] : undefined;
  return createProviderError({
    provider: 'twilio',
    displayName: 'Twilio',
    classification: resolveClassification({ httpStatus: details.httpStatus, row: tableRow }),
    providerCode,
    httpStatus: details.httpStatus,
    retryAfterMs: details.retryAfterMs,
    vendorMessage: details.message,
    recognised: tableRow !== undefined,
  });
}
