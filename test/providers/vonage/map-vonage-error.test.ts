import { describe, expect, it } from 'vitest';
import { SMS_ERROR_REASONS } from '../../../src/errors/error-reason';
import { VONAGE_ERROR_TABLE, mapVonageError, readVonageErrorCode } from '../../../src/providers/vonage';

const olympus = (code: string, title = 'A title') => ({ type: `https://developer.nexmo.com/api-errors/messages-olympus#${code}`, title, detail: 'detail', instance: 'i' });

describe('VONAGE_ERROR_TABLE', () => {
  it('uses only reasons of the library taxonomy and never marks a refusal outcome unknown', () => {
    for (const [code, row] of Object.entries(VONAGE_ERROR_TABLE)) {
      expect(SMS_ERROR_REASONS, code).toContain(row.reason);
      expect(row.outcomeUnknown, code).toBe(false);
      if (row.code === 'VALIDATION_ERROR') expect(row.fault, code).toBe('request');
    }
  });
});

describe('mapVonageError', () => {
  it.each([
    { status: 422, code: '1240', expected: { code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', fault: 'request' } },
    { status: 422, code: '1170', expected: { code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT', fault: 'request' } },
    { status: 422, code: '1160', expected: { code: 'PROVIDER_ERROR', reason: 'TRIAL_ACCOUNT_RESTRICTION', fault: 'provider' } },
    { status: 422, code: '1460', expected: { code: 'RATE_LIMITED', reason: 'CAMPAIGN_RATE_LIMITED', retryable: true } },
    { status: 403, code: '1470', expected: { code: 'PROVIDER_ERROR', reason: 'DESTINATION_NOT_PERMITTED', fault: 'request' } },
  ])('HTTP $status #$code', ({ status, code, expected }) => {
    expect(mapVonageError({ httpStatus: status, body: olympus(code) })).toMatchObject({ ...expected, providerCode: code, httpStatus: status, outcomeUnknown: false, provider: 'vonage' });
  });

  it('a 5xx is outcome unknown whatever the code', () => {
    expect(mapVonageError({ httpStatus: 500, body: olympus('1120') })).toMatchObject({ reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true, providerCode: '1120' });
  });

  it('a 429 is a rate limit whatever the code, with its Retry-After; a rate-limit code keeps its own reason', () => {
    expect(mapVonageError({ httpStatus: 429, body: olympus('1010', 'Rate Limit Hit'), retryAfterMs: 1000 })).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryAfterMs: 1000 });
    expect(mapVonageError({ httpStatus: 429, body: olympus('1000') })).toMatchObject({ code: 'RATE_LIMITED', reason: 'ACCOUNT_RATE_LIMITED' });
  });

  it('drops retryAfterMs when the error is not retryable', () => {
    expect(mapVonageError({ httpStatus: 401, body: { type: 'https://developer.vonage.com/api-errors#unauthorized', title: 'Invalid credentials' }, retryAfterMs: 500 }).retryAfterMs).toBeUndefined();
  });

  it('without an HTTP status (a webhook) an unknown code is unrecognised, never outcome unknown', () => {
    expect(mapVonageError({ body: { type: 'https://developer.vonage.com/api-errors/messages#9999', title: '9999' } })).toMatchObject({
      reason: 'UNRECOGNISED_PROVIDER_ERROR',
      providerCode: '9999',
      outcomeUnknown: false,
    });
  });

  it('ignores a body that is not a problem', () => {
    expect(mapVonageError({ httpStatus: 400, body: ['x'] })).toMatchObject({ reason: 'REQUEST_REJECTED', providerCode: undefined });
  });
});

describe('readVonageErrorCode', () => {
  it.each([
    [{ type: 'https://developer.vonage.com/api-errors#Low-Balance', title: 'Low balance' }, 'low-balance'],
    [{ type: 'https://developer.nexmo.com/api-errors/messages-olympus#1120', title: 'Invalid sender' }, '1120'],
    [{ type: 'https://developer.vonage.com/api-errors/messages#1000', title: 1000 }, '1000'],
    [{ type: 'https://developer.vonage.com/api/messages#rate-limit', title: '1000' }, '1000'],
    [{ type: 'https://example.com/no-fragment', title: 'words' }, undefined],
  ])('%j → %s', (problem, expected) => {
    expect(readVonageErrorCode(problem)).toBe(expected);
  });
});
