import { ValidationError } from '../errors/validation-error';
import type { OptOutStore } from './opt-out-store';

/** Refuses, at construction, something that is not an `OptOutStore`, naming the option. */
export function checkOptOutStore(store: unknown, field: string): asserts store is OptOutStore {
  const candidate = store as Partial<Record<keyof OptOutStore, unknown>> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.add !== 'function' || typeof candidate.remove !== 'function' || typeof candidate.find !== 'function') {
    throw new ValidationError({
      field,
      reason: 'INVALID_OPTION',
      problem: 'is not an OptOutStore (it needs add, remove and find).',
      fix: "pass createInMemoryOptOutStore(), or createRedisOptOutStore(...) from '@ocelot-platform/tools-core/redis'.",
    });
  }
}
