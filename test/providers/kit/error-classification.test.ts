import { describe, expect, it } from 'vitest';
import { classification } from '../../../src/providers/kit/error-classification';

describe('classification', () => {
  it('builds a row from its positional arguments', () => {
    expect(classification('RATE_LIMITED', 'RATE_LIMITED', true, 'provider', false, 'too many requests.')).toEqual({
      code: 'RATE_LIMITED',
      reason: 'RATE_LIMITED',
      retryable: true,
      fault: 'provider',
      outcomeUnknown: false,
      meaning: 'too many requests.',
    });
    expect(classification('TIMEOUT', 'RESPONSE_TIMEOUT', false, 'request', true, 'm')).toMatchObject({ retryable: false, fault: 'request', outcomeUnknown: true });
  });
});
