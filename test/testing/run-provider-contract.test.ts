import { describe, it } from 'vitest';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import { runProviderContract } from '../../src/testing/run-provider-contract';

const fake = createFakeProvider({ id: 'fake' });

runProviderContract({
  describe,
  it,
  name: 'fake provider',
  createProvider: () => fake,
  afterEach: () => fake.reset(),
  scenarios: {
    accepted: () => fake.enqueue('accept'),
    invalidRecipient: () => fake.enqueue({ type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT' }),
    optedOut: () => fake.enqueue({ type: 'reject', providerCode: '21610', code: 'VALIDATION_ERROR', reason: 'OPTED_OUT' }),
    authenticationFailed: () => fake.enqueue({ type: 'reject', providerCode: '20003', code: 'AUTH_ERROR', fault: 'provider', httpStatus: 401 }),
    rateLimited: () => fake.enqueue({ type: 'rate-limit', retryAfterMs: 2000 }),
    unreachable: () => fake.enqueue('fail-before-send'),
    noResponse: () => fake.enqueue('timeout-after-send'),
  },
});
