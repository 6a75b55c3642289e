import { describe, expect, it } from 'vitest';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import { readIdempotencyOptions } from '../../src/idempotency/idempotency-options';

describe('readIdempotencyOptions', () => {
  it('applies the defaults', () => {
    expect(readIdempotencyOptions(undefined, 30_000)).toEqual({
      store: undefined,
      retentionMs: 86_400_000,
      leaseMs: 300_000,
      inFlight: 'wait',
      waitTimeoutMs: 60_000,
      pollIntervalMs: 100,
      onStoreUnavailable: 'fail',
    });
  });

  it('raises the default lease above a long retry budget plus a minute', () => {
    expect(readIdempotencyOptions({}, 600_000).leaseMs).toBe(660_000);
  });

  it('keeps a store and given values', () => {
    const store = createInMemoryIdempotencyStore();
    const options = readIdempotencyOptions({ store, leaseMs: 90_000, inFlight: 'fail', onStoreUnavailable: 'send-without-claim', pollIntervalMs: 5 }, 30_000);
    expect(options).toMatchObject({ store, leaseMs: 90_000, inFlight: 'fail', onStoreUnavailable: 'send-without-claim', pollIntervalMs: 5 });
  });

  it.each([
    [{ leaseMs: 60_000 }, 'options.idempotency.leaseMs: 60000 ms is shorter than a send may take (retry.maxTotalMs 30000 ms plus 60000 ms for the last attempt). Fix: pass at least 90000, or shorten retry.maxTotalMs.'],
    [{ store: { claim: () => undefined } }, 'options.idempotency.store: is not an IdempotencyStore (it needs claim, complete and release).'],
    [{ inFlight: 'queue' }, 'options.idempotency.inFlight'],
    [{ onStoreUnavailable: 'ignore' }, 'options.idempotency.onStoreUnavailable'],
    [{ pollIntervalMs: 0 }, 'options.idempotency.pollIntervalMs'],
    [{ retentionMs: 999 }, 'options.idempotency.retentionMs'],
    [{ ttl: 1 }, 'options.idempotency.ttl: is not a known option.'],
  ])('refuses %o', (value, message) => {
    expect(() => readIdempotencyOptions(value, 30_000)).toThrow(message);
  });
});
