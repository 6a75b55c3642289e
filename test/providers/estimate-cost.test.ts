import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { estimateCost } from '../../src/providers/estimate-cost';
import { decimalToMicros, microsToDecimal } from '../../src/segments/money';
import { DEFAULT_PRICING, mergePricing } from '../../src/providers/default-pricing';

describe('money', () => {
  it.each([
    ['0.0075', 7500],
    ['0.004', 4000],
    ['1', 1_000_000],
    ['12.345678', 12_345_678],
    ['0.000001', 1],
  ])('parses %s as %d micro-units', (decimal, micros) => {
    expect(decimalToMicros(decimal, 'price')).toBe(micros);
  });

  it.each(['', '-0.01', '0.0000001', '1e-3', 'abc', '0,0075', ' 0.1'])('refuses %j naming the field', (decimal) => {
    expect(() => decimalToMicros(decimal, 'pricing.twilio.perSegment')).toThrow(/pricing\.twilio\.perSegment/);
  });

  it.each([
    [7500, '0.0075'],
    [15000, '0.0150'],
    [0, '0.0000'],
    [1, '0.000001'],
    [1_000_000, '1.0000'],
    [12_345_678, '12.345678'],
    [120_000, '0.1200'],
  ])('formats %d micro-units as %s', (micros, decimal) => {
    expect(microsToDecimal(micros)).toBe(decimal);
  });
});

describe('estimateCost', () => {
  it('uses the default list prices: Twilio 0.0075, Telnyx 0.0040 USD per segment', () => {
    expect(DEFAULT_PRICING.twilio?.perSegment).toBe('0.0075');
    expect(estimateCost('Hello', { provider: 'twilio' })).toEqual({ currency: 'USD', amount: '0.0075', micros: 7500 });
    expect(estimateCost('Hello', { provider: 'telnyx' })).toEqual({ currency: 'USD', amount: '0.0040', micros: 4000 });
  });

  it('multiplies by the exact segment count of the body, not by characters', () => {
    // 153 × "]" is 306 septets but 3 segments: escape pairs never straddle (docs/segments-and-cost.md#packing-parts).
    expect(estimateCost(']'.repeat(153), { provider: 'twilio' }).amount).toBe('0.0225');
    expect(estimateCost('a'.repeat(161), { provider: 'telnyx' }).amount).toBe('0.0080');
    expect(estimateCost('😀'.repeat(67), { provider: 'twilio' }).micros).toBe(3 * 7500);
  });

  it('accepts a segment count instead of a body, and 0 for an empty body', () => {
    expect(estimateCost(4, { provider: 'twilio' }).amount).toBe('0.0300');
    expect(estimateCost('', { provider: 'twilio' }).micros).toBe(0);
  });

  it('sums exactly where floats would drift (0.1 + 0.2)', () => {
    const pricing = { custom: { currency: 'USD', perSegment: '0.1' } };
    expect(estimateCost(3, { provider: 'custom', pricing }).amount).toBe('0.3000');
    expect(estimateCost(1000, { provider: 'twilio' }).amount).toBe('7.5000');
  });

  it('applies per-country overrides and keeps the default for other countries', () => {
    const pricing = { twilio: { currency: 'USD', perSegment: '0.0079', countries: { GB: '0.0400' } } };
    expect(estimateCost(2, { provider: 'twilio', country: 'GB', pricing }).amount).toBe('0.0800');
    expect(estimateCost(2, { provider: 'twilio', country: 'US', pricing }).amount).toBe('0.0158');
    expect(estimateCost(2, { provider: 'twilio', pricing }).amount).toBe('0.0158');
  });

  it('merges overrides provider by provider without dropping the other defaults or countries', () => {
    const base = mergePricing({ twilio: { currency: 'USD', perSegment: '0.0075', countries: { GB: '0.04', FR: '0.07' } } });
    const merged = mergePricing({ twilio: { currency: 'USD', perSegment: '0.0070', countries: { GB: '0.05' } } }, base);
    expect(merged.telnyx?.perSegment).toBe('0.0040');
    expect(merged.twilio?.countries).toEqual({ GB: '0.05', FR: '0.07' });
  });

  it('refuses an unknown provider naming the pricing entry to add', () => {
    expect(() => estimateCost(1, { provider: 'acme' })).toThrow(ValidationError);
    expect(() => estimateCost(1, { provider: 'acme' })).toThrow(/pricing\.acme/);
  });

  it.each([-1, 1.5, Number.NaN, Infinity])('refuses the segment count %s', (segments) => {
    expect(() => estimateCost(segments, { provider: 'twilio' })).toThrow(/segments/);
  });
});
