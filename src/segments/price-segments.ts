import type { CountryCode } from 'libphonenumber-js';
import { ValidationError } from '../errors/validation-error';
import { decimalToMicros, money, type Money } from './money';
import type { PricingTable } from './pricing';

/**
 * Prices a known segment count against an already merged pricing table. Used on the send path, where
 * the table is merged once at construction.
 */
export function priceSegments(
  segments: number,
  provider: string,
  country: CountryCode | undefined,
  table: PricingTable,
): Money {
  const pricing = table[provider];
  if (pricing === undefined) {
    throw new ValidationError({
      field: 'provider',
      reason: 'UNKNOWN_PROVIDER_PRICE',
      problem: `no price is configured for provider "${provider}".`,
      fix: `add pricing.${provider} = { currency: 'USD', perSegment: '0.0050' } (your contract price).`,
    });
  }
  const countryPrice = country === undefined ? undefined : pricing.countries?.[country];
  const field = countryPrice === undefined ? `pricing.${provider}.perSegment` : `pricing.${provider}.countries.${country}`;
  const perSegmentMicros = decimalToMicros(countryPrice ?? pricing.perSegment, field);
  return money(segments * perSegmentMicros, pricing.currency);
}
