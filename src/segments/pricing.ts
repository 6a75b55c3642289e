import type { CountryCode } from 'libphonenumber-js';

/**
 * Per-segment prices per provider as decimal strings, with optional per-destination-country overrides.
 * Twilio and Telnyx both bill per segment whatever the encoding (docs/segments-and-cost.md#cost), so price is
 * segments × per-segment price.
 */
export interface ProviderPricing {
  /** ISO 4217 currency code. */
  readonly currency: string;
  /** Price of one outbound segment when no country override matches, e.g. `'0.0075'`. */
  readonly perSegment: string;
  /** Per destination country (ISO 3166-1 alpha-2) prices that replace `perSegment`. */
  readonly countries?: Readonly<Partial<Record<CountryCode, string>>>;
}

export type PricingTable = Readonly<Record<string, ProviderPricing>>;

/**
 * The host team's list prices (docs/segments-and-cost.md#cost): Twilio 0.0075 USD and
 * Telnyx 0.0040 USD per segment. Override them per provider and country with your contract prices.
 */
export const DEFAULT_PRICING: PricingTable = {
  twilio: { currency: 'USD', perSegment: '0.0075' },
  telnyx: { currency: 'USD', perSegment: '0.0040' },
};

/**
 * Merges host overrides over the defaults, provider by provider (a provider's `countries` are merged
 * too, so overriding one country keeps the rest).
 *
 * @example
 * mergePricing({ twilio: { currency: 'USD', perSegment: '0.0079', countries: { GB: '0.0400' } } });
 */
export function mergePricing(overrides: PricingTable | undefined, base: PricingTable = DEFAULT_PRICING): PricingTable {
  if (overrides === undefined) return base;
  const merged: Record<string, ProviderPricing> = { ...base };
  for (const [provider, pricing] of Object.entries(overrides)) {
    const previous = base[provider];
    merged[provider] = {
      ...pricing,
      countries: { ...previous?.countries, ...pricing.countries },
    };
  }
  return merged;
}
