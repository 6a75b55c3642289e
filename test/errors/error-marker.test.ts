import { describe, expect, it } from 'vitest';
import { createErrorMarker } from '../../src/errors/error-marker';
import { FinalFailureError, SmsError, ValidationError } from '../../src/errors';
import { QuotaExceededError } from '../../src/limits/quota-exceeded-error';

describe('createErrorMarker', () => {
  it('brands with the registered symbol every copy of the package shares', () => {
    const marker = createErrorMarker('Example');
    const error = new Error('x');
    expect(marker.isMarked(error)).toBe(false);
    marker.mark(error);
    expect(marker.isMarked(error)).toBe(true);
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for('@ocelot-platform/tools-core.Example')]).toBe(true);
    expect(createErrorMarker('Other').isMarked(error)).toBe(false);
    expect(marker.isMarked(null)).toBe(false);
    expect(marker.isMarked('Example')).toBe(false);
  });

  it('gives each error class its own brand, subclasses carrying their parent’s', () => {
    const validation = new ValidationError({ field: 'to', reason: 'INVALID_NUMBER', problem: 'p.', fix: 'f.' });
    const final = new FinalFailureError({ message: 'all failed', errors: [validation] });
    const quota = new QuotaExceededError({ window: 'hourly', limit: 1, unit: 'messages', subject: 'org-1', retryAfterMs: 1000, resetAt: null, tenantId: 'org-1' });
    expect([validation, final, quota].every((error) => SmsError.isInstance(error))).toBe(true);
    expect(ValidationError.isInstance(final)).toBe(false);
    expect(FinalFailureError.isInstance(validation)).toBe(false);
    expect(QuotaExceededError.isInstance(quota)).toBe(true);
    expect(QuotaExceededError.isInstance(validation)).toBe(false);
  });
});
