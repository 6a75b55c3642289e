import { describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { TWILIO_ERROR_TABLE, mapTwilioError } from '../../../src/providers/twilio';

/**
 * The expected classification of every row, written out independently of the source table (from
 * docs/twilio.md#errors and docs/reliability.md#classifying-provider-answers), with the HTTP status Twilio answers it with (none for
 * status-callback codes).
 */
const expectedRows = [
  // credentials and throughput
  { providerCode: '20003', httpStatus: 401, code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '20429', httpStatus: 429, code: 'RATE_LIMITED', reason: 'RATE_LIMITED', fault: 'provider', retryable: true, outcomeUnknown: false },
  { providerCode: '21611', httpStatus: 400, code: 'RATE_LIMITED', reason: 'SENDER_QUEUE_FULL', fault: 'provider', retryable: true, outcomeUnknown: false },
  // recipient: never fail over
  { providerCode: '21211', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '21265', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '21614', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'RECIPIENT_NOT_SMS_CAPABLE', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '21635', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'RECIPIENT_IS_LANDLINE', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '21610', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '21408', httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'DESTINATION_NOT_PERMITTED', fault: 'request', retryable: false, outcomeUnknown: false },
  // body and parameters
  { providerCode: '21602', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'BODY_REQUIRED', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '14103', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'BODY_REQUIRED', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '21617', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'BODY_TOO_LONG', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '21658', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'PARAMETER_TOO_LONG', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '21623', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'TOO_MANY_MEDIA_URLS', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '90007', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'INVALID_VALIDITY_PERIOD', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '90014', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'INVALID_VALIDITY_PERIOD', fault: 'request', retryable: false, outcomeUnknown: false },
  // sender and account: fail over allowed
  { providerCode: '21212', httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'INVALID_SENDER', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '21606', httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'SENDER_NOT_SMS_CAPABLE', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '21612', httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'ROUTE_NOT_AVAILABLE', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '21659', httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'INVALID_SENDER', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '21660', httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'SENDER_NOT_IN_ACCOUNT', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '21703', httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'NO_SENDER_AVAILABLE', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '21608', httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'TRIAL_ACCOUNT_RESTRICTION', fault: 'provider', retryable: false, outcomeUnknown: false },
  // server
  { providerCode: '20500', httpStatus: 500, code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', fault: 'provider', retryable: false, outcomeUnknown: true },
  // delivery phase (status callbacks: no HTTP status)
  { providerCode: '30001', httpStatus: undefined, code: 'RATE_LIMITED', reason: 'QUEUE_OVERFLOW', fault: 'provider', retryable: true, outcomeUnknown: false },
  { providerCode: '30003', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'RECIPIENT_UNREACHABLE', fault: 'request', retryable: true, outcomeUnknown: false },
  { providerCode: '30005', httpStatus: undefined, code: 'VALIDATION_ERROR', reason: 'UNKNOWN_RECIPIENT', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '30006', httpStatus: undefined, code: 'VALIDATION_ERROR', reason: 'RECIPIENT_NOT_SMS_CAPABLE', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '30007', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'CARRIER_FILTERED', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '30008', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'DELIVERY_FAILED', fault: 'provider', retryable: true, outcomeUnknown: false },
  { providerCode: '30022', httpStatus: undefined, code: 'RATE_LIMITED', reason: 'CAMPAIGN_RATE_LIMITED', fault: 'provider', retryable: true, outcomeUnknown: false },
  { providerCode: '30036', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'VALIDITY_PERIOD_EXPIRED', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '63017', httpStatus: undefined, code: 'RATE_LIMITED', reason: 'ACCOUNT_RATE_LIMITED', fault: 'provider', retryable: true, outcomeUnknown: false },
  { providerCode: '63038', httpStatus: undefined, code: 'RATE_LIMITED', reason: 'DAILY_LIMIT_REACHED', fault: 'provider', retryable: true, outcomeUnknown: false },
] as const;

describe('mapTwilioError: every table row', () => {
  it('has an expectation for every row of TWILIO_ERROR_TABLE, and no more', () => {
    expect(expectedRows.map((row) => row.providerCode).sort()).toEqual(Object.keys(TWILIO_ERROR_TABLE).sort());
  });

  it.each(expectedRows)('$providerCode → $code / $reason ($fault fault)', ({ providerCode, httpStatus, ...expected }) => {
    const error = mapTwilioError({ httpStatus, code: Number(providerCode), message: 'vendor text +14155552671' });

    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ ...expected, provider: 'twilio', providerCode, httpStatus });
    expect(error.message).toContain(`Twilio code ${providerCode}`);
    // A recognised code is described by the table; the vendor text (which echoes numbers) is dropped.
    expect(error.message).not.toContain('vendor text');
  });

  it('reads the code as a string too (status callbacks send ErrorCode as text)', () => {
    expect(mapTwilioError({ code: '21610' }).reason).toBe('OPTED_OUT');
  });
});

describe('mapTwilioError: codes not in the table, by HTTP status', () => {
  const byStatus = [
    { httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'REQUEST_REJECTED', fault: 'request', retryable: false, outcomeUnknown: false },
    { httpStatus: 401, code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', fault: 'provider', retryable: false, outcomeUnknown: false },
    { httpStatus: 403, code: 'AUTH_ERROR', reason: 'PERMISSION_DENIED', fault: 'provider', retryable: false, outcomeUnknown: false },
    { httpStatus: 404, code: 'PROVIDER_ERROR', reason: 'NOT_FOUND', fault: 'provider', retryable: false, outcomeUnknown: false },
    { httpStatus: 408, code: 'TIMEOUT', reason: 'PROVIDER_TIMEOUT', fault: 'provider', retryable: false, outcomeUnknown: true },
    { httpStatus: 409, code: 'PROVIDER_ERROR', reason: 'CONFLICT', fault: 'provider', retryable: true, outcomeUnknown: false },
    { httpStatus: 413, code: 'PROVIDER_ERROR', reason: 'REQUEST_REJECTED', fault: 'request', retryable: false, outcomeUnknown: false },
    { httpStatus: 422, code: 'PROVIDER_ERROR', reason: 'REQUEST_REJECTED', fault: 'request', retryable: false, outcomeUnknown: false },
    { httpStatus: 429, code: 'RATE_LIMITED', reason: 'RATE_LIMITED', fault: 'provider', retryable: true, outcomeUnknown: false },
    { httpStatus: 500, code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', fault: 'provider', retryable: false, outcomeUnknown: true },
    { httpStatus: 502, code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', fault: 'provider', retryable: false, outcomeUnknown: true },
    { httpStatus: 503, code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', fault: 'provider', retryable: false, outcomeUnknown: true },
    { httpStatus: 504, code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', fault: 'provider', retryable: false, outcomeUnknown: true },
    { httpStatus: 302, code: 'PROVIDER_ERROR', reason: 'UNEXPECTED_RESPONSE', fault: 'provider', retryable: false, outcomeUnknown: true },
  ] as const;

  it.each(byStatus)('HTTP $httpStatus without a known code → $code / $reason', ({ httpStatus, ...expected }) => {
    const error = mapTwilioError({ httpStatus, code: 29999 });
    expect(error).toMatchObject({ ...expected, providerCode: '29999', httpStatus });
  });

  it('an unknown code without an HTTP status (a callback) is a recognised-as-unknown provider error, not outcome unknown', () => {
    expect(mapTwilioError({ code: 39999 })).toMatchObject({
      code: 'PROVIDER_ERROR',
      reason: 'UNRECOGNISED_PROVIDER_ERROR',
      fault: 'provider',
      retryable: false,
      outcomeUnknown: false,
      providerCode: '39999',
    });
  });

  it('no code at all: classified by status, providerCode undefined', () => {
    const error = mapTwilioError({ httpStatus: 403 });
    expect(error).toMatchObject({ code: 'AUTH_ERROR', providerCode: undefined, httpStatus: 403 });
  });
});

describe('mapTwilioError: precedence and details', () => {
  it('a 5xx is outcome unknown even when it carries a request-fault code', () => {
    expect(mapTwilioError({ httpStatus: 500, code: 21211 })).toMatchObject({ outcomeUnknown: true, retryable: false, reason: 'PROVIDER_SERVER_ERROR', providerCode: '21211' });
  });

  it('attaches retryAfterMs to retryable errors only', () => {
    expect(mapTwilioError({ httpStatus: 429, code: 20429, retryAfterMs: 3000 }).retryAfterMs).toBe(3000);
    expect(mapTwilioError({ httpStatus: 400, code: 21211, retryAfterMs: 3000 }).retryAfterMs).toBeUndefined();
    expect(mapTwilioError({ httpStatus: 503, retryAfterMs: 3000 }).retryAfterMs).toBeUndefined();
  });

  it('shows an unrecognised vendor message with phone numbers masked', () => {
    const error = mapTwilioError({ httpStatus: 400, code: 21999, message: "The number +14155552671 and 415.555.2671 can't be used" });
    expect(error.message).toContain("Twilio said: \"The number [number] and [number] can't be used\"");
    expect(error.message).not.toMatch(/2671/);
  });
});
