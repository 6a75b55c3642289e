import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING, mergePricing } from '../../src/providers/default-pricing';

describe('DEFAULT_PRICING', () => {
  it("lists each built-in vendor's list price per segment, frozen", () => {
    expect(DEFAULT_PRICING).toEqual({
      twilio: { currency: 'USD', perSegment: '0.0075' },
      telnyx: { currency: 'USD', perSegment: '0.0040' },
      vonage: { currency: 'USD', perSegment: '0.00809' },
      plivo: { currency: 'USD', perSegment: '0.0077' },
    });
    expect(Object.isFrozen(DEFAULT_PRICING)).toBe(true);
  });
});

describe('mergePricing', () => {
  it('returns the base itself without overrides', () => {
    expect(mergePricing(undefined)).toBe(DEFAULT_PRICING);
  });

  it('replaces a provider price and adds new providers, keeping the others', () => {
    const merged = mergePricing({ twilio: { currency: 'EUR', perSegment: '0.0079' }, acme: { currency: 'GBP', perSegment: '0.01' } });
    expect(merged.twilio).toEqual({ currency: 'EUR', perSegment: '0.0079', countries: {} });
    expect(merged.acme).toEqual({ currency: 'GBP', perSegment: '0.01', countries: {} });
    expect(merged.telnyx).toEqual({ currency: 'USD', perSegment: '0.0040' });
    expect(DEFAULT_PRICING.twilio).toEqual({ currency: 'USD', perSegment: '0.0075' });
  });

  it("merges a provider's countries, so overriding one keeps the rest", () => {
    const base = { twilio: { currency: 'USD', perSegment: '0.0075', countries: { GB: '0.04', FR: '0.07' } } };
    const merged = mergePricing({ twilio: { currency: 'USD', perSegment: '0.0080', countries: { GB: '0.05', DE: '0.09' } } }, base);
    expect(merged.twilio).toEqual({ currency: 'USD', perSegment: '0.0080', countries: { GB: '0.05', FR: '0.07', DE: '0.09' } });
    expect(mergePricing({ twilio: { currency: 'USD', perSegment: '0.0081' } }, base).twilio?.countries).toEqual({ GB: '0.04', FR: '0.07' });
  });
});
