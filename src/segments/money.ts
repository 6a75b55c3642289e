import { ValidationError } from '../errors/validation-error';

/**
 * An amount of money. Never a float: `micros` is an integer count of millionths of the currency unit
 * and `amount` the same value as an exact decimal string (`'0.0075'`).
 */
export interface Money {
  readonly currency: string;
  readonly amount: string;
  readonly micros: number;
}

const decimalPattern = /^(\d{1,9})(?:\.(\d{1,6}))?$/;

/**
 * Parses a non-negative decimal string with at most 6 fractional digits into integer micro-units.
 *
 * @example
 * decimalToMicros('0.0075', 'pricing.twilio.perSegment'); // 7500
 */
export function decimalToMicros(decimal: string, field: string): number {
  const match = decimalPattern.exec(decimal);
  if (match === null) {
    throw new ValidationError({
      field,
      reason: 'INVALID_PRICE',
      problem: `"${decimal}" is not a decimal price.`,
      fix: 'write the price as a decimal string with at most 6 decimals, e.g. "0.0075".',
    });
  }
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(6, '0'));
  return whole * 1_000_000 + fraction;
}

/**
 * Formats integer micro-units as a decimal string with at least 4 decimals (SMS prices are quoted to
 * the tenth of a cent) and trailing zeros beyond that trimmed.
 *
 * @example
 * microsToDecimal(15000); // '0.0150'
 */
export function microsToDecimal(micros: number): string {
  const whole = Math.trunc(micros / 1_000_000);
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  return `${whole}.${fraction.slice(0, 4)}${fraction.slice(4).replace(/0+$/, '')}`;
}

export function money(micros: number, currency: string): Money {
  return { currency, amount: microsToDecimal(micros), micros };
}
