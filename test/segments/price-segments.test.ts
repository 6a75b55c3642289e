import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import type { PricingTable } from '../../src/segments/pricing';
import { priceSegments } from '../../src/segments/price-segments';

const table: PricingTable = {
  twilio: { currency: 'USD', perSegment: '0.0079', countries: { GB: '0.04', FR: 'abc' } },
  telnyx: { currency: 'EUR', perSegment: '0.004' },
};

function thrown(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('priceSegments', () => {
  it('multiplies the per-segment price exactly, in the provider currency', () => {
    expect(priceSegments(3, 'twilio', undefined, table)).toEqual({ currency: 'USD', amount: '0.0237', micros: 23_700 });
    expect(priceSegments(1, 'telnyx', 'US', table)).toEqual({ currency: 'EUR', amount: '0.0040', micros: 4_000 });
    expect(priceSegments(0, 'telnyx', undefined, table).micros).toBe(0);
  });

  it('uses the country override when there is one, the default price otherwise', () => {
    expect(priceSegments(2, 'twilio', 'GB', table)).toEqual({ currency: 'USD', amount: '0.0800', micros: 80_000 });
    expect(priceSegments(2, 'twilio', 'DE', table).micros).toBe(15_800);
  });

  it('names the provider when it has no price', () => {
    const error = thrown(() => priceSegments(1, 'plivo', undefined, table));
    expect(error.field).toBe('provider');
    expect(error.reason).toBe('UNKNOWN_PROVIDER_PRICE');
    expect(error.message).toContain('no price is configured for provider "plivo"');
    expect(error.message).toContain("pricing.plivo = { currency: 'USD', perSegment: '0.0050' }");
  });

  it('names the country price field when that price is not a decimal', () => {
    const error = thrown(() => priceSegments(1, 'twilio', 'FR', table));
    expect(error.field).toBe('pricing.twilio.countries.FR');
    expect(error.reason).toBe('INVALID_PRICE');
    const fallback = thrown(() => priceSegments(1, 'bad', undefined, { bad: { currency: 'USD', perSegment: '1,5' } }));
    expect(fallback.field).toBe('pricing.bad.perSegment');
  });
});
