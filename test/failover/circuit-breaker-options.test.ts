import { describe, expect, it } from 'vitest';
import { readCircuitBreakerOptions } from '../../src/failover/circuit-breaker-options';

describe('readCircuitBreakerOptions', () => {
  it('applies the defaults 5 failures and 30 s, and keeps given values', () => {
    expect(readCircuitBreakerOptions(undefined, 'options.circuitBreaker')).toEqual({ failureThreshold: 5, cooldownMs: 30_000 });
    expect(readCircuitBreakerOptions({ failureThreshold: 1, cooldownMs: 86_400_000 }, 'options.circuitBreaker')).toEqual({ failureThreshold: 1, cooldownMs: 86_400_000 });
  });

  it.each([
    [{ failureThreshold: 0 }, 'options.circuitBreaker.failureThreshold'],
    [{ failureThreshold: 1001 }, 'options.circuitBreaker.failureThreshold'],
    [{ cooldownMs: 0 }, 'options.circuitBreaker.cooldownMs'],
    [{ cooldownMs: 1.5 }, 'options.circuitBreaker.cooldownMs'],
    [{ threshold: 3 }, 'options.circuitBreaker.threshold: is not a known option.'],
    ['on', 'options.circuitBreaker: must be an object'],
  ])('refuses %o naming the field', (value, message) => {
    expect(() => readCircuitBreakerOptions(value, 'options.circuitBreaker')).toThrow(message);
  });
});
