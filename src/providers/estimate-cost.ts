import type { CountryCode } from 'libphonenumber-js';
import { ValidationError } from '../errors/validation-error';
import { calculateSegments, type CalculateSegmentsOptions } from '../segments/calculate-segments';
import type { Money } from '../segments/money';
import { priceSegments } from '../segments/price-segments';
import type { PricingTable } from '../segments/pricing';
import { DEFAULT_PRICING, mergePricing } from './default-pricing';

export interface EstimateCostOptions {
  /** Provider id whose prices apply: `twilio`, `telnyx` or a custom id present in `pricing`. */
  provider: string;
  /** Destination country (ISO 3166-1 alpha-2) for per-country prices. */
  country?: CountryCode;
  /** Price overrides merged over `DEFAULT_PRICING`. */
  pricing?: PricingTable;
  /** Segment counting options, when a body (not a segment count) is given. */
  segments?: CalculateSegmentsOptions;
}

/**
 * Cost of a message as exact money: segments × per-segment price of the provider (and destination
 * country, when the table has one). Pass a body to count its segments, or a segment count.
 *
 * @example
 * estimateCost('Hello', { provider: 'twilio' }); // { currency: 'USD', amount: '0.0075', micros: 7500 }
 * estimateCost(3, { provider: 'telnyx' });       // { currency: 'USD', amount: '0.0120', micros: 12000 }
 */
export function estimateCost(bodyOrSegments: string | number, options: EstimateCostOptions): Money {
  const segments =
    typeof bodyOrSegments === 'number'
      ? checkSegmentCount(bodyOrSegments)
      : calculateSegments(bodyOrSegments, options.segments).segments;
  const table = options.pricing === undefined ? DEFAULT_PRICING : mergePricing(options.pricing);
  return priceSegments(segments, options.provider, options.country, table);
}

function checkSegmentCount(segments: number): number {
  if (!Number.isSafeInteger(segments) || segments < 0) {
    throw new ValidationError({
      field: 'segments',
      reason: 'INVALID_SEGMENT_COUNT',
      problem: `${segments} is not a segment count.`,
      fix: 'pass a whole number of segments (0 or more), or the message body.',
    });
  }
  return segments;
}
