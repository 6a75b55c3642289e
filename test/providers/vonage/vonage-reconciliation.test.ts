import { describe, expect, it } from 'vitest';
import { createVonageProvider, vonageDefinition } from '../../../src/providers/vonage';

// docs/vonage.md#reconciliation: the Messages API cannot read a message back, so the adapter omits both methods.
describe('Vonage reconciliation', () => {
  it('offers neither fetchMessage nor findMessages, and the definition says so', () => {
    const provider = createVonageProvider({ apiKey: 'abcd1234', apiSecret: 'Sx7kP2mQ9vLw4RtZ', from: '+14155550199' });
    expect(provider.fetchMessage).toBeUndefined();
    expect(provider.findMessages).toBeUndefined();
    expect(provider.capabilities?.listingDelayMs).toBeUndefined();
    expect(vonageDefinition.capabilities).toMatchObject({ statusFetch: false, findMessages: false });
  });
});
