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
