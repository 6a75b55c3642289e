import { describe, expect, it } from 'vitest';
import { rejected } from '../../../src/providers/kit/webhook-verification';

describe('rejected', () => {
  it('builds a refusal with its reason and message', () => {
    expect(rejected('SIGNATURE_MISMATCH', 'made with another auth token.')).toEqual({
      valid: false,
      reason: 'SIGNATURE_MISMATCH',
      message: 'made with another auth token.',
    });
    expect(rejected('NO_SECRET_CONFIGURED', 'm').valid).toBe(false);
  });
});
