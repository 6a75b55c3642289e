import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { idempotencyConflictError, idempotencyInFlightError, idempotencyStoreUnavailableError } from '../../src/idempotency/idempotency-errors';

describe('idempotency errors', () => {
  it('a conflict is a ValidationError on idempotencyKey', () => {
    const error = idempotencyConflictError();
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'IDEMPOTENCY_KEY_CONFLICT', field: 'idempotencyKey', retryable: false });
    expect(error.message).toBe(
      'idempotencyKey: was already used for a different message (destination, sender, body, media or schedule). Fix: use a new idempotency key for a new message, or resend exactly the same message with this key.',
    );
  });

  it('an in-flight duplicate is a retryable outcome-unknown TIMEOUT, naming the wait only when there was one', () => {
    expect(idempotencyInFlightError(0, 1000)).toMatchObject({
      code: 'TIMEOUT',
      reason: 'IDEMPOTENCY_KEY_IN_FLIGHT',
      retryable: true,
      outcomeUnknown: true,
      fault: 'request',
      retryAfterMs: 1000,
      message: 'A send with this idempotency key is still in progress; this duplicate was not sent. Retry with the same key to get its outcome.',
    });
    expect(idempotencyInFlightError(250, 1000).message).toContain('still in progress after waiting 250 ms;');
  });

  it('an unavailable store is a not-sent retryable error with the cause, its message cut at 200 characters', () => {
    const cause = new Error('x'.repeat(300));
    const error = idempotencyStoreUnavailableError(cause);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'IDEMPOTENCY_STORE_UNAVAILABLE', retryable: true, outcomeUnknown: false, cause });
    expect(error.message).toContain(`The idempotency store did not answer (${'x'.repeat(200)}), so the key`);
    expect(error.message).not.toContain('x'.repeat(201));
    expect(idempotencyStoreUnavailableError('nope').message).toMatch(/^The idempotency store did not answer, so the key could not be claimed/);
  });
});
