import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { decimalToMicros, microsToDecimal, money } from '../../src/segments/money';

describe('decimalToMicros', () => {
  it('parses whole and fractional parts into integer micros', () => {
    expect(decimalToMicros('0.0075', 'f')).toBe(7_500);
    expect(decimalToMicros('1', 'f')).toBe(1_000_000);
    expect(decimalToMicros('12.5', 'f')).toBe(12_500_000);
    expect(decimalToMicros('0.000001', 'f')).toBe(1);
    expect(decimalToMicros('999999999.999999', 'f')).toBe(999_999_999_999_999);
  });

  it.each(['', '-1', '1.', '.5', '0.0000001', '1e3', '1,5', ' 1', '1234567890'])('refuses %j naming the field', (decimal) => {
    let caught: unknown;
    try {
      decimalToMicros(decimal, 'pricing.twilio.perSegment');
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    const error = caught as ValidationError;
    expect(error.field).toBe('pricing.twilio.perSegment');
    expect(error.reason).toBe('INVALID_PRICE');
    expect(error.message).toBe(
      `pricing.twilio.perSegment: "${decimal}" is not a decimal price. Fix: write the price as a decimal string with at most 6 decimals, e.g. "0.0075".`,
    );
  });
});

describe('microsToDecimal', () => {
  it('keeps at least four decimals and trims trailing zeros beyond them', () => {
    expect(microsToDecimal(15_000)).toBe('0.0150');
    expect(microsToDecimal(0)).toBe('0.0000');
    expect(microsToDecimal(7_500)).toBe('0.0075');
    expect(microsToDecimal(7_510)).toBe('0.00751');
    expect(microsToDecimal(1)).toBe('0.000001');
    expect(microsToDecimal(12_345_678)).toBe('12.345678');
    expect(microsToDecimal(3_000_000)).toBe('3.0000');
  });

  it('round-trips with decimalToMicros', () => {
    for (const decimal of ['0.0075', '0.00751', '12.345678', '3.0000']) expect(microsToDecimal(decimalToMicros(decimal, 'f'))).toBe(decimal);
  });
});

describe('money', () => {
  it('carries the currency, the exact amount and the micros', () => {
    expect(money(23_700, 'USD')).toEqual({ currency: 'USD', amount: '0.0237', micros: 23_700 });
  });
});
