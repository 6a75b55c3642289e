import { ValidationError } from '../errors/validation-error';
import type { QuotaCounter } from './quota-limiter';

/**
 * Refuses a malformed charge before it reaches a store: only whole points (rate-limiter-flexible refuses
 * decimals too, docs/quotas.md#sources) and distinct keys, since one key twice in a charge would be counted twice.
 * Limiters call it on every charge, so it allocates nothing.
 */
export function checkQuotaCounters(counters: readonly QuotaCounter[]): void {
  if (!Array.isArray(counters)) throw invalidCounter('counters', 'is not an array.');
  for (let index = 0; index < counters.length; index += 1) {
    const counter = counters[index] as QuotaCounter;
    if (typeof counter !== 'object' || counter === null) throw invalidCounter(`counters[${index}]`, 'is not a counter object.');
    if (typeof counter.key !== 'string' || counter.key === '') throw invalidCounter(`counters[${index}].key`, 'is not a non-empty string.');
    if (typeof counter.name !== 'string') throw invalidCounter(`counters[${index}].name`, 'is not a string.');
    if (!isWholePositive(counter.limit)) throw invalidCounter(`counters[${index}].limit`, 'is not a whole number of 1 or more.');
    if (!isWholePositive(counter.durationMs)) throw invalidCounter(`counters[${index}].durationMs`, 'is not a whole number of 1 or more.');
    if (!isWholePositive(counter.cost)) throw invalidCounter(`counters[${index}].cost`, 'is not a whole number of 1 or more.');
    for (let earlier = 0; earlier < index; earlier += 1) {
      if ((counters[earlier] as QuotaCounter).key === counter.key) throw invalidCounter(`counters[${index}].key`, `repeats the key of counters[${earlier}].`);
    }
  }
}

function isWholePositive(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function invalidCounter(field: string, problem: string): ValidationError {
  return new ValidationError({
    field,
    reason: 'INVALID_QUOTA_COUNTER',
    problem,
    fix: 'pass counters of the form { name, key, limit, durationMs, cost } with whole numbers of 1 or more and distinct keys.',
  });
}
