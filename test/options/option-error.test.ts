import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { optionError } from '../../src/options/option-error';

describe('optionError', () => {
  it('is a ValidationError INVALID_OPTION naming the field, the problem and the fix', () => {
    const error = optionError('options.retry.maxAttempts', 'must be a number, got "x".', 'pass a whole number from 1 to 10.');
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'INVALID_OPTION', field: 'options.retry.maxAttempts', fix: 'pass a whole number from 1 to 10.', retryable: false });
    expect(error.message).toBe('options.retry.maxAttempts: must be a number, got "x". Fix: pass a whole number from 1 to 10.');
  });
});
