import { describe, expect, it } from 'vitest';
import { SMS_ERROR_REASONS } from '../../../src/errors/error-reason';
import { mapPlivoError, PLIVO_API_ERROR_RULES, PLIVO_ERROR_TABLE } from '../../../src/providers/plivo';

describe('PLIVO_ERROR_TABLE', () => {
  it('uses only existing reasons, and no row is outcome unknown (every code is a failure Plivo reported)', () => {
    for (const row of [...Object.values(PLIVO_ERROR_TABLE), ...PLIVO_API_ERROR_RULES.map((rule) => rule.classification)]) {
      expect(SMS_ERROR_REASONS).toContain(row.reason);
      expect(row.outcomeUnknown).toBe(false);
    }
  });

  it.each([
    ['200', 'OPTED_OUT', 'request', false],
    ['50', 'INVALID_RECIPIENT', 'request', false],
    ['80', 'RECIPIENT_UNREACHABLE', 'request', true],
    ['30', 'CARRIER_FILTERED', 'request', false],
    ['450', 'DESTINATION_NOT_PERMITTED', 'request', false],
    ['40', 'INVALID_SENDER', 'provider', false],
    ['90', 'ROUTE_NOT_AVAILABLE', 'provider', false],
    ['420', 'VALIDITY_PERIOD_EXPIRED', 'provider', false],
    ['900', 'ACCOUNT_REJECTED', 'provider', false],
    ['1000', 'DELIVERY_FAILED', 'provider', true],
  ] as const)('classifies delivery code %s as %s (%s fault, retryable %s)', (code, reason, fault, retryable) => {
    const error = mapPlivoError({ code });
    expect(error).toMatchObject({ reason, fault, retryable, outcomeUnknown: false, providerCode: code, provider: 'plivo' });
    expect(error.message).toContain(`Plivo code ${code}`);
  });

  it('reads a numeric code like its string', () => {
    expect(mapPlivoError({ code: 200 }).reason).toBe('OPTED_OUT');
  });

  it('reports an unknown code as unrecognised, quoting Plivo with numbers masked', () => {
    const error = mapPlivoError({ code: '777', message: 'blocked for 14155552671' });
    expect(error).toMatchObject({ reason: 'UNRECOGNISED_PROVIDER_ERROR', fault: 'provider', providerCode: '777' });
    expect(error.message).toContain('Plivo said: "blocked for [number]"');
  });
});

describe('mapPlivoError: create answers', () => {
  it('makes every 5xx outcome unknown, whatever the text', () => {
    expect(mapPlivoError({ httpStatus: 500, message: 'Insufficient Credit' })).toMatchObject({ reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true });
    expect(mapPlivoError({ httpStatus: 502 })).toMatchObject({ outcomeUnknown: true });
  });

  it('matches the documented texts before the status, and the 403 of geo permissions', () => {
    expect(mapPlivoError({ httpStatus: 400, message: 'Insufficient Credit' })).toMatchObject({ reason: 'ACCOUNT_REJECTED', fault: 'provider', providerCode: 'insufficient_credit' });
    expect(mapPlivoError({ httpStatus: 403, message: 'Insufficient credit' }).providerCode).toBe('insufficient_credit');
    expect(mapPlivoError({ httpStatus: 400, message: 'This caller ID is not allowed for outbound message' })).toMatchObject({ reason: 'INVALID_SENDER', fault: 'provider' });
    expect(mapPlivoError({ httpStatus: 403, message: 'barred' })).toMatchObject({ reason: 'DESTINATION_NOT_PERMITTED', fault: 'request' });
    expect(mapPlivoError({ httpStatus: 400, message: "invalid 'dst' parameter" })).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', fault: 'request', providerCode: 'invalid_dst' });
    expect(mapPlivoError({ httpStatus: 400, message: 'src parameter not present' })).toMatchObject({ reason: 'INVALID_SENDER', fault: 'provider', providerCode: 'invalid_src' });
    expect(mapPlivoError({ httpStatus: 400, message: 'dstx' }).providerCode).toBeUndefined();
  });

  it('falls back to the HTTP status', () => {
    expect(mapPlivoError({ httpStatus: 401 })).toMatchObject({ code: 'AUTH_ERROR', fault: 'provider' });
    expect(mapPlivoError({ httpStatus: 404 })).toMatchObject({ reason: 'NOT_FOUND', fault: 'provider' });
    expect(mapPlivoError({ httpStatus: 400, message: 'invalid_parameter' })).toMatchObject({ reason: 'REQUEST_REJECTED', fault: 'request', providerCode: undefined });
    expect(mapPlivoError({ httpStatus: 429, retryAfterMs: 2_000 })).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 2_000 });
  });
});
