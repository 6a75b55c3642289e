import { describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { TELNYX_ERROR_TABLE, mapTelnyxError } from '../../../src/providers/telnyx';

type Expected = {
  providerCode: string;
  httpStatus: number | undefined;
  code: string;
  reason: string;
  fault: 'request' | 'provider';
  retryable: boolean;
  outcomeUnknown: boolean;
};

const sender = (providerCode: string): Expected => ({ providerCode, httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'SENDER_REJECTED', fault: 'provider', retryable: false, outcomeUnknown: false });
const account = (providerCode: string): Expected => ({ providerCode, httpStatus: 403, code: 'PROVIDER_ERROR', reason: 'ACCOUNT_REJECTED', fault: 'provider', retryable: false, outcomeUnknown: false });

/**
 * The expected classification of every row, written out independently of the source table (from
 * docs/telnyx.md#errors and docs/reliability.md#classifying-provider-answers), with the HTTP status Telnyx answers it with (none for
 * webhook delivery codes).
 */
const expectedRows: Expected[] = [
  { providerCode: '10009', httpStatus: 401, code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '10010', httpStatus: 403, code: 'AUTH_ERROR', reason: 'AUTHORIZATION_FAILED', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '10011', httpStatus: 429, code: 'RATE_LIMITED', reason: 'RATE_LIMITED', fault: 'provider', retryable: true, outcomeUnknown: false },
  { providerCode: '10016', httpStatus: 422, code: 'VALIDATION_ERROR', reason: 'INVALID_PHONE_NUMBER', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '10002', httpStatus: 422, code: 'VALIDATION_ERROR', reason: 'INVALID_PHONE_NUMBER', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '10001', httpStatus: 422, code: 'PROVIDER_ERROR', reason: 'INACTIVE_SENDER', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '10007', httpStatus: 500, code: 'PROVIDER_ERROR', reason: 'UNEXPECTED_PROVIDER_ERROR', fault: 'provider', retryable: false, outcomeUnknown: true },
  { providerCode: '10008', httpStatus: 408, code: 'TIMEOUT', reason: 'PROVIDER_TIMEOUT', fault: 'provider', retryable: false, outcomeUnknown: true },
  { providerCode: '40300', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '40310', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '40318', httpStatus: 400, code: 'RATE_LIMITED', reason: 'SENDER_QUEUE_FULL', fault: 'provider', retryable: true, outcomeUnknown: false },
  sender('40305'),
  sender('40306'),
  sender('40308'),
  sender('40315'),
  sender('40320'),
  sender('40321'),
  sender('40329'),
  sender('40330'),
  account('20013'),
  account('20100'),
  account('40309'),
  account('40312'),
  account('40314'),
  account('40331'),
  account('40333'),
  { providerCode: '40001', httpStatus: undefined, code: 'VALIDATION_ERROR', reason: 'RECIPIENT_NOT_ROUTABLE', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '40002', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'SPAM_SUSPECTED', fault: 'request', retryable: true, outcomeUnknown: false },
  { providerCode: '40003', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'SPAM_BLOCKED', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '40004', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'REJECTED_BY_DESTINATION', fault: 'request', retryable: true, outcomeUnknown: false },
  { providerCode: '40005', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'MESSAGE_EXPIRED', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '40006', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'RECIPIENT_CARRIER_UNAVAILABLE', fault: 'request', retryable: true, outcomeUnknown: false },
  { providerCode: '40008', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'UNDELIVERABLE', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '40009', httpStatus: undefined, code: 'VALIDATION_ERROR', reason: 'INVALID_BODY', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '40011', httpStatus: undefined, code: 'RATE_LIMITED', reason: 'UPSTREAM_RATE_LIMITED', fault: 'provider', retryable: true, outcomeUnknown: false },
  { providerCode: '40012', httpStatus: undefined, code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', fault: 'request', retryable: false, outcomeUnknown: false },
  { providerCode: '40013', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'INVALID_SENDER', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '40014', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'MESSAGE_EXPIRED', fault: 'provider', retryable: false, outcomeUnknown: false },
  { providerCode: '40015', httpStatus: undefined, code: 'PROVIDER_ERROR', reason: 'SPAM_BLOCKED', fault: 'request', retryable: false, outcomeUnknown: false },
];

describe('mapTelnyxError: every table row', () => {
  it('has an expectation for every row of TELNYX_ERROR_TABLE, and no more', () => {
    expect(expectedRows.map((row) => row.providerCode).sort()).toEqual(Object.keys(TELNYX_ERROR_TABLE).sort());
  });

  it.each(expectedRows)('$providerCode → $code / $reason ($fault fault)', ({ providerCode, httpStatus, ...expected }) => {
    const error = mapTelnyxError({ httpStatus, body: { errors: [{ code: providerCode, title: 'Vendor title', detail: 'to +14155552671' }] } });

    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ ...expected, provider: 'telnyx', providerCode, httpStatus });
    expect(error.message).toContain(`Telnyx code ${providerCode}`);
    expect(error.message).not.toContain('Vendor title');
  });

  it('accepts a bare code (from a webhook) as a number or string', () => {
    expect(mapTelnyxError({ code: 40001 }).reason).toBe('RECIPIENT_NOT_ROUTABLE');
    expect(mapTelnyxError({ code: '40300' }).reason).toBe('OPTED_OUT');
  });
});

describe('mapTelnyxError: codes not in the table, by HTTP status', () => {
  const byStatus = [
    { httpStatus: 400, code: 'PROVIDER_ERROR', reason: 'REQUEST_REJECTED', fault: 'request', retryable: false, outcomeUnknown: false },
    { httpStatus: 401, code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', fault: 'provider', retryable: false, outcomeUnknown: false },
    { httpStatus: 403, code: 'AUTH_ERROR', reason: 'PERMISSION_DENIED', fault: 'provider', retryable: false, outcomeUnknown: false },
    { httpStatus: 404, code: 'PROVIDER_ERROR', reason: 'NOT_FOUND', fault: 'provider', retryable: false, outcomeUnknown: false },
    { httpStatus: 408, code: 'TIMEOUT', reason: 'PROVIDER_TIMEOUT', fault: 'provider', retryable: false, outcomeUnknown: true },
    { httpStatus: 409, code: 'PROVIDER_ERROR', reason: 'CONFLICT', fault: 'provider', retryable: true, outcomeUnknown: false },
    { httpStatus: 422, code: 'PROVIDER_ERROR', reason: 'REQUEST_REJECTED', fault: 'request', retryable: false, outcomeUnknown: false },
    { httpStatus: 429, code: 'RATE_LIMITED', reason: 'RATE_LIMITED', fault: 'provider', retryable: true, outcomeUnknown: false },
    { httpStatus: 500, code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', fault: 'provider', retryable: false, outcomeUnknown: true },
    { httpStatus: 503, code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', fault: 'provider', retryable: false, outcomeUnknown: true },
  ] as const;

  it.each(byStatus)('HTTP $httpStatus without a known code → $code / $reason', ({ httpStatus, ...expected }) => {
    expect(mapTelnyxError({ httpStatus, body: { errors: [{ code: '99999', title: 'New' }] } })).toMatchObject({ ...expected, providerCode: '99999', httpStatus });
  });

  it('a body without errors[] falls back to the status with no providerCode', () => {
    expect(mapTelnyxError({ httpStatus: 401, body: { message: 'nope' } })).toMatchObject({ code: 'AUTH_ERROR', providerCode: undefined });
    expect(mapTelnyxError({ httpStatus: 502, body: undefined })).toMatchObject({ outcomeUnknown: true, providerCode: undefined });
  });

  it('an unknown webhook code is an unrecognised provider error, not outcome unknown', () => {
    expect(mapTelnyxError({ code: '49998' })).toMatchObject({ reason: 'UNRECOGNISED_PROVIDER_ERROR', outcomeUnknown: false, providerCode: '49998' });
  });
});

describe('mapTelnyxError: precedence and details', () => {
  it('a 5xx is outcome unknown even with a request-fault code', () => {
    expect(mapTelnyxError({ httpStatus: 503, body: { errors: [{ code: '40310' }] } })).toMatchObject({ outcomeUnknown: true, reason: 'PROVIDER_SERVER_ERROR', providerCode: '40310' });
  });

  it('picks the first recognised entry, else the first one', () => {
    const body = { errors: [{ code: '99999', title: 'x' }, { code: '10016', title: 'y' }, { code: '40300' }] };
    expect(mapTelnyxError({ httpStatus: 422, body })).toMatchObject({ reason: 'INVALID_PHONE_NUMBER', providerCode: '10016' });
    expect(mapTelnyxError({ httpStatus: 422, body: { errors: [{ code: '99998' }, { code: '99999' }] } }).providerCode).toBe('99998');
  });

  it('attaches retryAfterMs to retryable errors only', () => {
    expect(mapTelnyxError({ httpStatus: 429, body: { errors: [{ code: '10011' }] }, retryAfterMs: 1500 }).retryAfterMs).toBe(1500);
    expect(mapTelnyxError({ httpStatus: 400, body: { errors: [{ code: '40300' }] }, retryAfterMs: 1500 }).retryAfterMs).toBeUndefined();
  });

  it('shows an unrecognised title and detail with numbers masked', () => {
    const error = mapTelnyxError({ httpStatus: 400, body: { errors: [{ code: '49999', title: 'Odd', detail: 'the number +1 415 555 2671 is odd' }] } });
    expect(error.message).toContain('Telnyx said: "Odd: the number [number] is odd"');
    expect(error.message).not.toMatch(/2671/);
  });
});
