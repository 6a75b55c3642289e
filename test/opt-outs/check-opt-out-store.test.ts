import { describe, expect, it } from 'vitest';
import { checkOptOutStore } from '../../src/opt-outs/check-opt-out-store';
import { createInMemoryOptOutStore } from '../../src/opt-outs/in-memory-opt-out-store';

describe('checkOptOutStore', () => {
  it('accepts a store with add, remove and find', () => {
    expect(() => checkOptOutStore(createInMemoryOptOutStore(), 'options.optOuts.store')).not.toThrow();
  });

  it.each([null, undefined, 'redis', { add: () => undefined, remove: () => undefined }])('refuses %o naming the option', (value) => {
    expect(() => checkOptOutStore(value, 'options.optOuts.store')).toThrow(expect.objectContaining({ field: 'options.optOuts.store', reason: 'INVALID_OPTION' }) as Error);
    expect(() => checkOptOutStore(value, 'options.optOuts.store')).toThrow('options.optOuts.store: is not an OptOutStore (it needs add, remove and find).');
  });
});
