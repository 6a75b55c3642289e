import { describe, expect, it } from 'vitest';
import { checkQuotaCounters } from '../../src/limits/check-quota-counters';
import type { QuotaCounter } from '../../src/limits/quota-limiter';

const counter = (overrides: Partial<Record<keyof QuotaCounter, unknown>> = {}): QuotaCounter =>
  ({ name: 'hourly', key: 'tenant:a:hourly', limit: 10, durationMs: 3_600_000, cost: 1, ...overrides }) as QuotaCounter;

describe('checkQuotaCounters', () => {
  it('accepts whole positive counters with distinct keys, and an empty charge', () => {
    expect(() => checkQuotaCounters([])).not.toThrow();
    expect(() => checkQuotaCounters([counter(), counter({ key: 'tenant:a:daily', name: 'daily' })])).not.toThrow();
  });

  it.each([
    [[null], 'counters[0]', 'is not a counter object.'],
    [[counter({ key: '' })], 'counters[0].key', 'is not a non-empty string.'],
    [[counter({ name: 3 })], 'counters[0].name', 'is not a string.'],
    [[counter({ limit: 0 })], 'counters[0].limit', 'is not a whole number of 1 or more.'],
    [[counter({ durationMs: 1.5 })], 'counters[0].durationMs', 'is not a whole number of 1 or more.'],
    [[counter({ cost: Number.NaN })], 'counters[0].cost', 'is not a whole number of 1 or more.'],
    [[counter(), counter({ name: 'other' })], 'counters[1].key', 'repeats the key of counters[0].'],
  ])('refuses %o naming %s', (counters, field, problem) => {
    let thrown: unknown;
    try {
      checkQuotaCounters(counters as QuotaCounter[]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'INVALID_QUOTA_COUNTER', field });
    expect((thrown as Error).message).toContain(`${field}: ${problem}`);
  });

  it('refuses a value that is not an array', () => {
    expect(() => checkQuotaCounters('x' as unknown as QuotaCounter[])).toThrow('counters: is not an array.');
  });
});
