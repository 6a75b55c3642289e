import type { PricingTable, ProviderPricing } from '../segments/pricing';
import { BUILT_IN_PROVIDERS } from './built-in-providers';

/**
 * The built-in vendors' list prices per outbound segment, from their definitions (docs/segments-and-cost.md#cost):
 * Twilio 0.0075 and Telnyx 0.0040 USD, and each further vendor's with its source. Override them per
 * provider and country with your contract prices.
 */
export const DEFAULT_PRICING: PricingTable = Object.freeze(
  Object.fromEntries(BUILT_IN_PROVIDERS.map((definition): [string, ProviderPricing] => [definition.id, { currency: definition.pricing.currency, perSegment: definition.pricing.perSegment }])),
);

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
