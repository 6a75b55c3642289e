import { classification as row, type ErrorClassification } from '../kit/error-classification';

const authenticationFailed = row('AUTH_ERROR', 'AUTHENTICATION_FAILED', false, 'provider', false, 'the credentials were refused.');
const accountRejected = row('PROVIDER_ERROR', 'ACCOUNT_REJECTED', false, 'provider', false, 'the account was refused (suspended, barred, not provisioned, or out of credit).');
const invalidParameters = row('VALIDATION_ERROR', 'INVALID_FIELD', false, 'request', false, 'a request parameter is missing or invalid.');
const senderRejected = row('PROVIDER_ERROR', 'SENDER_REJECTED', false, 'provider', false, "the sender (the 'from' number or sender id) was refused.");
const invalidRecipient = row('VALIDATION_ERROR', 'INVALID_RECIPIENT', false, 'request', false, "the 'to' number is missing or invalid.");
const recipientUnreachable = row('PROVIDER_ERROR', 'RECIPIENT_UNREACHABLE', true, 'request', false, 'the handset was unreachable (off, out of coverage or busy); retry later.');
const carrierFiltered = row('PROVIDER_ERROR', 'CARRIER_FILTERED', false, 'request', false, 'the carrier or channel blocked the message.');
const routeUnavailable = row('PROVIDER_ERROR', 'ROUTE_NOT_AVAILABLE', false, 'provider', false, 'Vonage has no route to the destination network.');
const invalidMedia = row('VALIDATION_ERROR', 'INVALID_MEDIA_URL', false, 'request', false, 'the media URL is not reachable, too large or of an unsupported type.');
const regulationRejected = row('PROVIDER_ERROR', 'REQUEST_REJECTED', false, 'request', false, 'the message failed a country regulation filter (entity, content id or consent).');

/**
 * Vonage Messages API errors → taxonomy. Sources: the generic RFC 7807 errors of
 * https://developer.vonage.com/en/api-errors (the `type` fragment: `unauthorized`, `low-balance`…) and
 * the Messages API codes of https://developer.vonage.com/en/api-errors/messages-olympus (the `type`
 * fragment of a send error, `…/messages-olympus#1120`, and `error.title` of a status webhook, `"1000"`).
 * docs/vonage.md#errors explains each row. `fault: 'request'` means never fail over (same result
 * everywhere, or a consent, fraud or content signal); `fault: 'provider'` means this Vonage account,
 * sender or route is the problem. Delivery codes (1180 and above) arrive in `rejected` and
 * `undeliverable` status webhooks, and are listed so webhooks classify with the same table.
 */
export const VONAGE_ERROR_TABLE: Readonly<Record<string, ErrorClassification>> = {
  // --- Generic errors (developer.vonage.com/en/api-errors) ---------------------------------------
  unauthorized: authenticationFailed,
  'invalid-api-key': authenticationFailed,
  'jwt-expired': authenticationFailed,
  'jwt-revoked': authenticationFailed,
  forbidden: row('AUTH_ERROR', 'PERMISSION_DENIED', false, 'provider', false, 'the account may not perform this request.'),
  unprovisioned: row('AUTH_ERROR', 'AUTHORIZATION_FAILED', false, 'provider', false, 'the credentials have no access to the Messages API.'),
  'account-suspended': accountRejected,
  // HTTP 402: "This request could not be performed due to your account balance being low."
  'low-balance': row('PROVIDER_ERROR', 'ACCOUNT_REJECTED', false, 'provider', false, 'the account balance is too low; the message was not sent.'),
  'invalid-params': invalidParameters,
  'rate-limit': row('RATE_LIMITED', 'RATE_LIMITED', true, 'provider', false, 'too many requests; the request was not processed.'),
  'not-found': row('PROVIDER_ERROR', 'NOT_FOUND', false, 'provider', false, 'the account, application or endpoint was not found.'),
  // --- Messages API codes (developer.vonage.com/en/api-errors/messages-olympus) ------------------
  '1000': row('RATE_LIMITED', 'ACCOUNT_RATE_LIMITED', true, 'provider', false, "the account's submission capacity was exceeded; the message was not submitted."),
  '1010': invalidParameters,
  '1020': invalidParameters,
  '1021': invalidParameters,
  '1022': invalidParameters,
  // "Internal error": as a 5xx answer the create is outcome unknown (resolveClassification); in a
  // `rejected` status webhook the message was not submitted.
  '1030': row('PROVIDER_ERROR', 'UNEXPECTED_PROVIDER_ERROR', true, 'provider', false, 'Vonage failed to process the message; it was not submitted.'),
  // "Invalid message": e.g. an unrecognised prefix of the number.
  '1040': invalidRecipient,
  // "Number barred": the destination may not receive messages; routing around it is not a fix.
  '1050': row('PROVIDER_ERROR', 'DESTINATION_NOT_PERMITTED', false, 'request', false, 'the destination number is barred from receiving messages.'),
  '1060': accountRejected,
  '1070': row('PROVIDER_ERROR', 'ACCOUNT_REJECTED', false, 'provider', false, 'the pre-paid account has too little credit; the message was not sent.'),
  '1080': accountRejected,
  '1090': row('VALIDATION_ERROR', 'BODY_TOO_LONG', false, 'request', false, 'the message is too long.'),
  // "Communication Failed - Message was not submitted".
  '1100': row('PROVIDER_ERROR', 'UNEXPECTED_PROVIDER_ERROR', true, 'provider', false, 'a communication failure inside Vonage; the message was not submitted.'),
  // "Illegal Sender Address" / "Invalid sender: the `from` parameter is invalid for the given channel".
  '1120': senderRejected,
  '1130': row('VALIDATION_ERROR', 'INVALID_VALIDITY_PERIOD', false, 'request', false, 'the validity period (ttl) was refused.'),
  '1140': row('AUTH_ERROR', 'PERMISSION_DENIED', false, 'provider', false, 'the request uses a facility not enabled on the account.'),
  '1150': invalidParameters,
  // "Non White-listed Destination": a demo account may only send to its approved numbers.
  '1160': row('PROVIDER_ERROR', 'TRIAL_ACCOUNT_RESTRICTION', false, 'provider', false, 'the destination is not in the demo account\'s approved list.'),
  '1170': invalidRecipient,
  '1180': recipientUnreachable,
  '1190': row('VALIDATION_ERROR', 'UNKNOWN_RECIPIENT', false, 'request', false, 'the number is no longer active; remove it.'),
  '1200': row('PROVIDER_ERROR', 'UNDELIVERABLE', false, 'request', false, 'a portability error after the recipient changed carrier.'),
  '1210': row('PROVIDER_ERROR', 'SPAM_BLOCKED', false, 'request', false, 'the carrier rejected the message as spam.'),
  '1220': recipientUnreachable,
  // "Network Error … temporary": another provider reaches the same network.
  '1230': row('PROVIDER_ERROR', 'RECIPIENT_CARRIER_UNAVAILABLE', true, 'request', false, "the recipient's network failed; retry later."),
  // "Illegal Number": the recipient sent STOP. Failing over would bypass the opt-out.
  '1240': row('VALIDATION_ERROR', 'OPTED_OUT', false, 'request', false, 'the recipient has opted out (STOP) of messages from this sender.'),
  '1241': row('RATE_LIMITED', 'PROVIDER_RATE_LIMITED', true, 'provider', false, 'too many messages to this number; the message was not sent.'),
  '1250': routeUnavailable,
  '1251': routeUnavailable,
  '1260': row('PROVIDER_ERROR', 'RECIPIENT_UNREACHABLE', false, 'request', false, 'the message could not be delivered to the number.'),
  '1270': carrierFiltered,
  '1280': row('PROVIDER_ERROR', 'REJECTED_BY_DESTINATION', false, 'request', false, "the recipient's carrier blocked the number (no SMS on the plan, or suspended)."),
  '1282': carrierFiltered,
  '1290': row('PROVIDER_ERROR', 'REJECTED_BY_DESTINATION', true, 'request', false, "the recipient's pre-paid account has too little credit; retry later."),
  '1330': row('PROVIDER_ERROR', 'UNCLASSIFIED_PROVIDER_ERROR', false, 'provider', false, 'the carrier returned an unknown error; check the number.'),
  '1331': row('PROVIDER_ERROR', 'UNEXPECTED_PROVIDER_ERROR', true, 'provider', false, 'the downstream provider did not respond; retry in a few minutes.'),
  '1360': row('PROVIDER_ERROR', 'VALIDITY_PERIOD_EXPIRED', false, 'provider', false, 'the validity period (ttl) ran out before delivery.'),
  '1380': invalidMedia,
  '1381': invalidMedia,
  '1382': invalidMedia,
  '1400': invalidParameters,
  '1410': invalidParameters,
  '1420': senderRejected,
  '1430': invalidRecipient,
  '1440': invalidParameters,
  '1450': row('VALIDATION_ERROR', 'INVALID_MESSAGE_ID', false, 'request', false, 'the client reference (the message id) was refused.'),
  // "Daily message limit exceeded - Check compliance with regulations such as 10DLC."
  '1460': row('RATE_LIMITED', 'CAMPAIGN_RATE_LIMITED', true, 'provider', false, 'the daily message limit (10DLC) was reached; the message was not sent.'),
  // Fraud Defender rules are the account's own fraud guard: another provider must not bypass them.
  '1470': row('PROVIDER_ERROR', 'DESTINATION_NOT_PERMITTED', false, 'request', false, "the destination prefix is blocked by the account's Fraud Defender traffic rules."),
  '1472': row('RATE_LIMITED', 'ACCOUNT_RATE_LIMITED', true, 'request', false, "Fraud Defender's SMS burst protection limit was reached."),
  '1473': row('PROVIDER_ERROR', 'SPAM_SUSPECTED', false, 'request', false, 'Fraud Defender AIT protection rejected the message.'),
  '1480': regulationRejected,
  '1481': senderRejected,
  '1482': regulationRejected,
  '1483': regulationRejected,
};
