import type { SmsErrorReason } from '../../errors/error-reason';
import type { SmsError } from '../../errors/sms-error';
import type { ErrorClassification } from '../kit/error-classification';
import { createProviderError } from '../kit/create-provider-error';
import { resolveClassification } from '../kit/classify-http-status';

/** When a Telnyx code is raised: answering `POST /v2/messages`, or later in a `message.finalized` webhook. */
export type TelnyxErrorPhase = 'request' | 'delivery';

export interface TelnyxErrorRow extends ErrorClassification {
  readonly phase: TelnyxErrorPhase;
}

const entry = (
  code: ErrorClassification['code'],
  reason: SmsErrorReason,
  fault: ErrorClassification['fault'],
  retryable: boolean,
  meaning: string,
  options: { phase?: TelnyxErrorPhase; outcomeUnknown?: boolean } = {},
): TelnyxErrorRow => ({ code, reason, fault, retryable, outcomeUnknown: options.outcomeUnknown ?? false, meaning, phase: options.phase ?? 'request' });

const senderRejected = entry('PROVIDER_ERROR', 'SENDER_REJECTED', 'provider', false, "the sender (the 'from' number, short code or sender id) was refused.");
const accountRejected = entry('PROVIDER_ERROR', 'ACCOUNT_REJECTED', 'provider', false, 'the account or messaging profile was refused (disabled, unverified, or out of funds).');

/**
 * Telnyx error codes (`errors[].code`) → taxonomy. Sources: docs/telnyx.md#errors, docs/reliability.md#classifying-provider-answers
 * and developers.telnyx.com (https://developers.telnyx.com/development/api-fundamentals/api-errors,
 * https://developers.telnyx.com/docs/messaging/messages/error-codes/index). `fault: 'request'` means never
 * fail over (same result everywhere, or a consent/content signal); `fault: 'provider'` means this
 * provider's account, sender or capacity is the problem. Sender and account codes are grouped under
 * one reason each because Telnyx's lists group them without finer meaning; `providerCode` keeps the
 * exact code. Delivery-phase codes arrive in `message.finalized` webhooks, not as send errors, and are
 * listed so webhook handlers classify with the same table.
 */
export const TELNYX_ERROR_TABLE: Readonly<Record<string, TelnyxErrorRow>> = {
  // --- General API errors (developers.telnyx.com/development/api-fundamentals/api-errors) ----
  '10009': entry('AUTH_ERROR', 'AUTHENTICATION_FAILED', 'provider', false, 'authentication failed: the API key was refused.'),
  '10010': entry('AUTH_ERROR', 'AUTHORIZATION_FAILED', 'provider', false, 'the API key is not authorised for this request.'),
  '10011': entry('RATE_LIMITED', 'RATE_LIMITED', 'provider', true, 'too many requests; the request was not processed.'),
  '10016': entry('VALIDATION_ERROR', 'INVALID_PHONE_NUMBER', 'request', false, 'a phone number is not in +E.164 format.'),
  // "Invalid phone number" (api-errors): the numbers in a send request are ours to fix.
  '10002': entry('VALIDATION_ERROR', 'INVALID_PHONE_NUMBER', 'request', false, 'a phone number is invalid.'),
  // "Inactive phone number" (api-errors): the only number of ours in the request is the sender.
  '10001': entry('PROVIDER_ERROR', 'INACTIVE_SENDER', 'provider', false, 'the sending number is inactive on the account.'),
  // "Unexpected error" ("retry", api-errors) — but on a non-idempotent create nobody knows whether
  // the message was queued, so it is outcome unknown (docs/reliability.md#three-outcomes-per-attempt).
  '10007': entry('PROVIDER_ERROR', 'UNEXPECTED_PROVIDER_ERROR', 'provider', false, 'an unexpected error occurred; the message may have been accepted.', { outcomeUnknown: true }),
  // Request timeout on Telnyx's side: like HTTP 408, the create may have happened (docs/reliability.md#classifying-provider-answers).
  '10008': entry('TIMEOUT', 'PROVIDER_TIMEOUT', 'provider', false, "the request timed out on Telnyx's side; the message may have been accepted.", { outcomeUnknown: true }),
  // --- Messaging API errors (docs/telnyx.md#answers-to-the-send-request) ---------------------------
  // Compliance: the recipient replied STOP. Failing over would bypass the opt-out.
  '40300': entry('VALIDATION_ERROR', 'OPTED_OUT', 'request', false, 'the recipient has opted out (STOP) of messages from this sender.'),
  '40310': entry('VALIDATION_ERROR', 'INVALID_RECIPIENT', 'request', false, "the 'to' number is invalid."),
  // "Message queue full, wait before resending" → rate limited, not queued.
  '40318': entry('RATE_LIMITED', 'SENDER_QUEUE_FULL', 'provider', true, 'the message queue is full; the message was not queued.'),
  '40305': senderRejected,
  '40306': senderRejected,
  '40308': senderRejected,
  '40315': senderRejected,
  '40320': senderRejected,
  '40321': senderRejected,
  '40329': senderRejected,
  '40330': senderRejected,
  '20013': accountRejected,
  '20100': accountRejected,
  '40309': accountRejected,
  '40312': accountRejected,
  '40314': accountRejected,
  '40331': accountRejected,
  '40333': accountRejected,
  // --- Delivery errors (webhook / MDR; developers.telnyx.com messaging error-codes) --------------
  '40001': entry('VALIDATION_ERROR', 'RECIPIENT_NOT_ROUTABLE', 'request', false, 'the destination is not routable (landline or unsupported number).', { phase: 'delivery' }),
  // Spam filters judge the content and sender: routing around them is not a fix.
  '40002': entry('PROVIDER_ERROR', 'SPAM_SUSPECTED', 'request', true, 'the message was blocked as suspected spam (temporary).', { phase: 'delivery' }),
  '40003': entry('PROVIDER_ERROR', 'SPAM_BLOCKED', 'request', false, 'the message was blocked as spam (permanent).', { phase: 'delivery' }),
  '40004': entry('PROVIDER_ERROR', 'REJECTED_BY_DESTINATION', 'request', true, 'the destination rejected the message; retry after a delay.', { phase: 'delivery' }),
  '40005': entry('PROVIDER_ERROR', 'MESSAGE_EXPIRED', 'provider', false, 'the message expired before delivery.', { phase: 'delivery' }),
  // The recipient's carrier is down: another provider reaches the same carrier.
  '40006': entry('PROVIDER_ERROR', 'RECIPIENT_CARRIER_UNAVAILABLE', 'request', true, "the recipient's carrier is unavailable; retry with backoff.", { phase: 'delivery' }),
  '40008': entry('PROVIDER_ERROR', 'UNDELIVERABLE', 'request', false, 'the message is undeliverable.', { phase: 'delivery' }),
  '40009': entry('VALIDATION_ERROR', 'INVALID_BODY', 'request', false, 'the message body is invalid.', { phase: 'delivery' }),
  '40011': entry('RATE_LIMITED', 'UPSTREAM_RATE_LIMITED', 'provider', true, 'an upstream rate limit was hit.', { phase: 'delivery' }),
  '40012': entry('VALIDATION_ERROR', 'INVALID_RECIPIENT', 'request', false, 'the destination number is invalid.', { phase: 'delivery' }),
  '40013': entry('PROVIDER_ERROR', 'INVALID_SENDER', 'provider', false, 'the source number is invalid.', { phase: 'delivery' }),
  // Expired in Telnyx's queue, not billed: the time to live is gone.
  '40014': entry('PROVIDER_ERROR', 'MESSAGE_EXPIRED', 'provider', false, "the message expired in Telnyx's queue.", { phase: 'delivery' }),
  '40015': entry('PROVIDER_ERROR', 'SPAM_BLOCKED', 'request', false, "Telnyx's internal spam filter blocked the message.", { phase: 'delivery' }),
};

/** One entry of a Telnyx error body `{ errors: [{ code, title, detail, source, meta }] }`. */
export interface TelnyxApiError {
  code?: string | number;
  title?: string;
  detail?: string;
}

/** What is known about a Telnyx error: an API error body, or a code from a webhook. */
export interface TelnyxErrorDetails {
  /** HTTP status of the response; absent for webhook codes. */
  httpStatus?: number;
  /** The parsed response body (`{ errors: [...] }`); the first recognised entry decides. */
  body?: unknown;
  /** A single code (e.g. from a `message.finalized` webhook), used when `body` has none. */
  code?: string | number;
  /** Parsed `Retry-After`, attached when the error is retryable. */
  retryAfterMs?: number;
}

/**
 * Maps a Telnyx error to an `SmsError` through {@link TELNYX_ERROR_TABLE}: a 5xx is always outcome
 * unknown; then the first entry of `errors[]` whose code is in the table; then the HTTP status. The
 * vendor `detail` is used, masked, only when no code is recognised. Pure: no I/O.
 *
 * @example
 * mapTelnyxError({ httpStatus: 422, body: { errors: [{ code: '40300', title: 'Blocked due to STOP message' }] } }).reason; // 'OPTED_OUT'
 * mapTelnyxError({ httpStatus: 429, body: { errors: [{ code: '10011' }] }, retryAfterMs: 1000 }).retryAfterMs; // 1000
 */
export function mapTelnyxError(details: TelnyxErrorDetails): SmsError {
  const entries = readErrorEntries(details.body);
  if (details.code !== undefined && details.code !== null) entries.push({ code: details.code });
  const recognised = entries.find((candidate) => isKnownCode(candidate.code));
  const chosen = recognised ?? entries[0];
  const providerCode = chosen?.code === undefined || chosen.code === null ? undefined : String(chosen.code);
  const tableRow = recognised === undefined ? undefined : TELNYX_ERROR_TABLE[String(recognised.code)];
  return createProviderError({
    provider: 'telnyx',
    displayName: 'Telnyx',
    classification: resolveClassification({ httpStatus: details.httpStatus, row: tableRow }),
    providerCode,
    httpStatus: details.httpStatus,
    retryAfterMs: details.retryAfterMs,
    vendorMessage: chosen === undefined ? undefined : [chosen.title, chosen.detail].filter((part) => typeof part === 'string' && part !== '').join(': '),
    recognised: tableRow !== undefined,
  });
}

function isKnownCode(code: unknown): boolean {
  return (typeof code === 'string' || typeof code === 'number') && Object.hasOwn(TELNYX_ERROR_TABLE, String(code));
}

function readErrorEntries(body: unknown): TelnyxApiError[] {
  const errors = (body as { errors?: unknown } | null | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((candidate): candidate is TelnyxApiError => typeof candidate === 'object' && candidate !== null);
}
