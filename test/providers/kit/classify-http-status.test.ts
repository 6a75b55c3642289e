import { describe, expect, it } from 'vitest';
import { UNRECOGNISED_PROVIDER_CODE, classifyHttpStatus, resolveClassification } from '../../../src/providers/kit/classify-http-status';
import { classification } from '../../../src/providers/kit/error-classification';

describe('classifyHttpStatus', () => {
  // The rows of docs/reliability.md#classifying-provider-answers, by status.
  it.each([
    [401, 'AUTH_ERROR', 'AUTHENTICATION_FAILED', false, 'provider', false],
    [403, 'AUTH_ERROR', 'PERMISSION_DENIED', false, 'provider', false],
    [404, 'PROVIDER_ERROR', 'NOT_FOUND', false, 'provider', false],
    [408, 'TIMEOUT', 'PROVIDER_TIMEOUT', false, 'provider', true],
    [409, 'PROVIDER_ERROR', 'CONFLICT', true, 'provider', false],
    [429, 'RATE_LIMITED', 'RATE_LIMITED', true, 'provider', false],
    [400, 'PROVIDER_ERROR', 'REQUEST_REJECTED', false, 'request', false],
    [422, 'PROVIDER_ERROR', 'REQUEST_REJECTED', false, 'request', false],
    [500, 'PROVIDER_ERROR', 'PROVIDER_SERVER_ERROR', false, 'provider', true],
    [503, 'PROVIDER_ERROR', 'PROVIDER_SERVER_ERROR', false, 'provider', true],
    [302, 'PROVIDER_ERROR', 'UNEXPECTED_RESPONSE', false, 'provider', true],
  ] as const)('HTTP %i → %s / %s', (status, code, reason, retryable, fault, outcomeUnknown) => {
    expect(classifyHttpStatus(status)).toMatchObject({ code, reason, retryable, fault, outcomeUnknown });
  });
});

describe('resolveClassification', () => {
  const refused = classification('VALIDATION_ERROR', 'INVALID_RECIPIENT', false, 'request', false, 'the number is not valid.');

  it('takes the vendor row for a 4xx', () => {
    expect(resolveClassification({ httpStatus: 400, row: refused })).toBe(refused);
  });

  it('makes any 5xx outcome unknown whatever code it carries: a create is not idempotent', () => {
    expect(resolveClassification({ httpStatus: 500, row: refused })).toMatchObject({ reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true });
  });

  it('falls back to the HTTP status, then to the unrecognised-code row', () => {
    expect(resolveClassification({ httpStatus: 429 }).reason).toBe('RATE_LIMITED');
    expect(resolveClassification({})).toBe(UNRECOGNISED_PROVIDER_CODE);
  });
});
