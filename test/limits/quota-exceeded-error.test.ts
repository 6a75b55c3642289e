import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { formatDuration, QuotaExceededError } from '../../src/limits/quota-exceeded-error';

describe('QuotaExceededError', () => {
  const error = new QuotaExceededError({ window: 'daily', limit: 500, unit: 'messages', retryAfterMs: 3_725_000, resetAt: Date.UTC(2026, 0, 2), subject: 'tenant "org-1"', tenantId: 'org-1' });

  it('is an SmsError with code RATE_LIMITED, recognised across package copies', () => {
    expect(SmsError.isInstance(error)).toBe(true);
    expect(QuotaExceededError.isInstance(error)).toBe(true);
    expect(QuotaExceededError.isInstance(new SmsError({ code: 'RATE_LIMITED', reason: 'PROVIDER_RATE_LIMITED', message: '429' }))).toBe(false);
    expect(error).toMatchObject({ name: 'QuotaExceededError', code: 'RATE_LIMITED', reason: 'TENANT_QUOTA_EXCEEDED', retryable: true, fault: 'request', outcomeUnknown: false });
  });

  it('serialises the window, limit and reset time, log-safe', () => {
    expect(error.toJSON()).toEqual({
      name: 'QuotaExceededError',
      code: 'RATE_LIMITED',
      reason: 'TENANT_QUOTA_EXCEEDED',
      message: 'Tenant "org-1" reached its daily limit of 500 messages; retry in 1 h 3 min.',
      retryable: true,
      outcomeUnknown: false,
      fault: 'request',
      retryAfterMs: 3_725_000,
      window: 'daily',
      limit: 500,
      resetAt: '2026-01-02T00:00:00.000Z',
      tenantId: 'org-1',
    });
  });

  it.each([
    [0, '0 ms'],
    [950, '950 ms'],
    [1000, '1 s'],
    [1001, '2 s'],
    [60_000, '1 min'],
    [61_000, '1 min 1 s'],
    [3_600_000, '1 h'],
    [3_599_000, '59 min 59 s'],
    [5_400_000, '1 h 30 min'],
    [5_400_001, '1 h 31 min'],
  ])('formats %d ms as %s, rounding up', (milliseconds, text) => {
    expect(formatDuration(milliseconds)).toBe(text);
  });
});
