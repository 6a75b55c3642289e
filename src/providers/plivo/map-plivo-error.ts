import type { SmsErrorReason } from '../../errors/error-reason';
import type { SmsError } from '../../errors/sms-error';
import { classification, type ErrorClassification } from '../kit/error-classification';
import { createProviderError } from '../kit/create-provider-error';
import { resolveClassification } from '../kit/classify-http-status';

const notSent = (code: ErrorClassification['code'], reason: SmsErrorReason, fault: ErrorClassification['fault'], retryable: boolean, meaning: string): ErrorClassification =>
  classification(code, reason, retryable, fault, false, meaning);

/**
 * Plivo message error codes → taxonomy. Plivo reports them as `ErrorCode` in status callbacks (and as
 * `error_code` of a message) once a queued message failed or was undelivered; the create request
 * itself answers with an HTTP status and a text (see {@link PLIVO_API_ERROR_RULES}). Sources: the code
 * list at https://www.plivo.com/docs/messaging/troubleshooting/error-codes, and for 120, 420, 450, 451
 * and 900 the pages cited on each row. `fault: 'request'` means never fail over: another provider
 * would fail the same way, or failing over would bypass a consent or policy signal; `fault: 'provider'`
 * means this Plivo account, sender or route is the problem, so another provider may send it.
 */
export const PLIVO_ERROR_TABLE: Readonly<Record<string, ErrorClassification>> = {
  '10': notSent('VALIDATION_ERROR', 'INVALID_BODY', 'request', false, 'the carrier rejected the message as invalid (blank or too long).'),
  // "a temporary error. You can retry later when the carrier network is unaffected."
  '20': notSent('PROVIDER_ERROR', 'RECIPIENT_CARRIER_UNAVAILABLE', 'provider', true, "the carrier's network had a problem delivering the message."),
  // Carrier spam filters: a content problem, do not retry blindly or route around it.
  '30': notSent('PROVIDER_ERROR', 'CARRIER_FILTERED', 'request', false, 'the carrier filtered the message as spam.'),
  '40': notSent('PROVIDER_ERROR', 'INVALID_SENDER', 'provider', false, 'the source number is malformed, not SMS-enabled or not in the Plivo account.'),
  '50': notSent('VALIDATION_ERROR', 'INVALID_RECIPIENT', 'request', false, 'the destination number is invalid, not SMS-enabled or a landline.'),
  // Two auto-responders answering each other: sending again would continue the loop.
  '60': notSent('PROVIDER_ERROR', 'UNDELIVERABLE', 'request', false, 'the carrier detected a message loop between the sender and the recipient.'),
  '70': notSent('VALIDATION_ERROR', 'UNKNOWN_RECIPIENT', 'request', false, 'the destination number is permanently unavailable.'),
  // Handset off or out of coverage: a retry later may help, no other provider can fix it.
  '80': notSent('PROVIDER_ERROR', 'RECIPIENT_UNREACHABLE', 'request', true, 'the destination number is temporarily unreachable.'),
  // "typically a carrier issue": this provider's route; another provider may reach the number.
  '90': notSent('PROVIDER_ERROR', 'ROUTE_NOT_AVAILABLE', 'provider', false, 'no carrier route was available for the destination.'),
  '100': notSent('VALIDATION_ERROR', 'RECIPIENT_NOT_SMS_CAPABLE', 'request', false, "the destination's network does not accept this message (no SMS support)."),
  '110': notSent('VALIDATION_ERROR', 'BODY_TOO_LONG', 'request', false, 'the message is longer than 1600 GSM-7 or 737 Unicode characters.'),
  // Text and media above 5 MB (https://support.plivo.com/hc/en-us/articles/360041855032).
  '120': notSent('VALIDATION_ERROR', 'PARAMETER_TOO_LONG', 'request', false, 'the MMS (text and media) is larger than 5 MB.'),
  // Consent: the recipient sent STOP to this sender. Failing over would bypass the opt-out (docs/webhooks.md#opt-outs).
  '200': notSent('VALIDATION_ERROR', 'OPTED_OUT', 'request', false, 'the recipient has opted out (STOP) of messages from this sender.'),
  // A restriction of US toll-free senders, not of the recipient: another provider's sender may reach it.
  '201': notSent('PROVIDER_ERROR', 'ROUTE_NOT_AVAILABLE', 'provider', false, 'US toll-free numbers cannot send to Canadian numbers.'),
  // message_expiry (default 3 h) ran out in Plivo's queue (https://support.plivo.com/hc/en-us/articles/14814454609561-Message-Expiry).
  '420': notSent('PROVIDER_ERROR', 'VALIDITY_PERIOD_EXPIRED', 'provider', false, "the message expired in Plivo's queue before it could be sent."),
  // Geo permissions block the destination country (https://www.plivo.com/docs/messaging/concepts/geo-permissions):
  // a policy signal (SMS pumping defence, docs/quotas.md#abuse-guards), so never routed around.
  '450': notSent('PROVIDER_ERROR', 'DESTINATION_NOT_PERMITTED', 'request', false, "sending to the destination's country is disabled (geo permissions)."),
  // Fraud Shield's messages-per-hour threshold for the country was exceeded (same page): a fraud guard, not routed around.
  '451': notSent('RATE_LIMITED', 'PROVIDER_RATE_LIMITED', 'request', false, "the account's hourly message threshold for the destination country was exceeded."),
  // https://support.plivo.com/support/solutions/articles/17000088423: failed, not forwarded to carriers.
  '900': notSent('PROVIDER_ERROR', 'ACCOUNT_REJECTED', 'provider', false, 'the Plivo account has insufficient credit.'),
  '1000': notSent('PROVIDER_ERROR', 'DELIVERY_FAILED', 'provider', true, 'delivery failed for a reason neither Plivo nor the carrier knows.'),
};

/** A create-time answer recognised by its HTTP status and, when given, its `error` text. */
export interface PlivoApiErrorRule {
  /** The pseudo code the error carries as `providerCode`, e.g. `geo_permission`. */
  readonly id: string;
  readonly httpStatus: number | 'any-4xx';
  readonly text?: RegExp;
  readonly classification: ErrorClassification;
}

/**
 * The create request's documented refusals that a bare HTTP status would misclassify. Plivo answers
 * `{ api_id, error: "<text>" }` without a code, so these match the status and the text; the first matching rule wins.
 */
export const PLIVO_API_ERROR_RULES: readonly PlivoApiErrorRule[] = [
  // For 2 minutes after a 900, sends fail with "Insufficient Credit" (support article 17000088423): this account only.
  { id: 'insufficient_credit', httpStatus: 'any-4xx', text: /insufficient credit/i, classification: notSent('PROVIDER_ERROR', 'ACCOUNT_REJECTED', 'provider', false, 'the Plivo account has insufficient credit.') },
  // US/CA destinations need a Plivo number of the account as src (https://support.plivo.com/hc/en-us/sections/360008204432).
  { id: 'caller_id_not_allowed', httpStatus: 'any-4xx', text: /caller id is not allowed/i, classification: notSent('PROVIDER_ERROR', 'INVALID_SENDER', 'provider', false, 'the sender is not allowed for this destination (use a Plivo number of the account).') },
  // Plivo's `error` names the refused parameter; its docs call the destination `dst` and the sender `src`
  // (https://www.plivo.com/docs/messaging/api/message/send-a-message). A refused destination fails the
  // same way everywhere; a refused sender is this account's configuration.
  { id: 'invalid_dst', httpStatus: 400, text: /\bdst\b/i, classification: notSent('VALIDATION_ERROR', 'INVALID_RECIPIENT', 'request', false, 'Plivo refused the destination number.') },
  { id: 'invalid_src', httpStatus: 400, text: /\bsrc\b/i, classification: notSent('PROVIDER_ERROR', 'INVALID_SENDER', 'provider', false, 'Plivo refused the sender (src).') },
  // plivo-node itself raises `GeoPermissionError` for a 403 on POST …/Message/ (dist/rest/axios.js): a policy signal.
  { id: 'geo_permission', httpStatus: 403, classification: notSent('PROVIDER_ERROR', 'DESTINATION_NOT_PERMITTED', 'request', false, "sending to the destination's country is disabled (geo permissions).") },
];

/** What is known about a Plivo error: from the create answer or a status callback. */
export interface PlivoErrorDetails {
  /** HTTP status of the create response; absent for status-callback codes. */
  httpStatus?: number;
  /** Plivo's message error code (callback `ErrorCode`). */
  code?: number | string;
  /** Plivo's `error` text; matched against {@link PLIVO_API_ERROR_RULES}, shown (masked) when unrecognised. */
  message?: string;
  /** Parsed `Retry-After`, attached when the error is retryable. */
  retryAfterMs?: number;
}

/**
 * Maps a Plivo error to an `SmsError`: a 5xx is always outcome unknown (a create is not idempotent,
 * docs/reliability.md#provider-creates-are-not-idempotent); then the code's row or the matching API
 * rule; then the HTTP status (see `classifyHttpStatus`). Pure: no I/O.
 *
 * @example
 * mapPlivoError({ code: '200' }).reason; // 'OPTED_OUT'
 * mapPlivoError({ httpStatus: 429, retryAfterMs: 3000 }).retryAfterMs; // 3000
 * mapPlivoError({ httpStatus: 500 }).outcomeUnknown; // true
 */
export function mapPlivoError(details: PlivoErrorDetails): SmsError {
  const code = details.code === undefined || details.code === null || details.code === '' ? undefined : String(details.code);
  const tableRow = code !== undefined && Object.hasOwn(PLIVO_ERROR_TABLE, code) ? PLIVO_ERROR_TABLE[code] : undefined;
  const rule = tableRow === undefined && details.httpStatus !== undefined ? findRule(details.httpStatus, details.message) : undefined;
  return createProviderError({
    provider: 'plivo',
    displayName: 'Plivo',
    classification: resolveClassification({ httpStatus: details.httpStatus, row: tableRow ?? rule?.classification }),
    providerCode: code ?? rule?.id,
    httpStatus: details.httpStatus,
    retryAfterMs: details.retryAfterMs,
    vendorMessage: details.message,
    recognised: tableRow !== undefined || rule !== undefined,
  });
}

function findRule(httpStatus: number, message: string | undefined): PlivoApiErrorRule | undefined {
  return PLIVO_API_ERROR_RULES.find((rule) => {
    const statusMatches = rule.httpStatus === 'any-4xx' ? httpStatus >= 400 && httpStatus < 500 : rule.httpStatus === httpStatus;
    return statusMatches && (rule.text === undefined || (message !== undefined && rule.text.test(message)));
  });
}
