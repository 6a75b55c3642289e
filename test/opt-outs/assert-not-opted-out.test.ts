import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { assertNotOptedOut } from '../../src/opt-outs/assert-not-opted-out';
import { createInMemoryOptOutStore } from '../../src/opt-outs/in-memory-opt-out-store';
import { ANY_SENDER, type OptOutEntry, type OptOutStore } from '../../src/opt-outs/opt-out-store';

const from = '+14155550100';
const to = '+14155552671';
const createdAt = '2026-01-01T00:00:00.000Z';

async function storeWith(entry: Partial<OptOutEntry>) {
  const store = createInMemoryOptOutStore();
  await store.add({ sender: from, recipient: to, source: 'keyword', detail: 'STOP', provider: 'twilio', createdAt, ...entry });
  return store;
}

async function refusal(store: OptOutStore, request: { from: string | undefined; to: string }): Promise<ValidationError> {
  const error = await assertNotOptedOut(store, request).catch((caught: unknown) => caught);
  if (!ValidationError.isInstance(error)) throw new Error('expected a ValidationError');
  return error;
}

describe('assertNotOptedOut', () => {
  it('lets a recipient who did not opt out through', async () => {
    await expect(assertNotOptedOut(await storeWith({}), { from: '+14155550101', to })).resolves.toBeUndefined();
  });

  it('refuses after STOP from this sender, naming field to', async () => {
    const error = await refusal(await storeWith({}), { from, to });
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', field: 'to' });
    expect(error.message).toBe(
      `to: has opted out of messages from this sender (the recipient replied STOP on ${createdAt}); nothing was sent. Fix: do not message this recipient until they reply START (or UNSTOP, YES); pass \`from\` to check one sender only.`,
    );
  });

  it('blocks a request without from on any opt-out of the recipient', async () => {
    const error = await refusal(await storeWith({ source: 'provider', detail: '21610' }), { from: undefined, to });
    expect(error.message).toContain('from one of your senders (the recipient was refused by the provider as opted out (code 21610) on');
  });

  it('describes an every-sender record and a manual one', async () => {
    expect((await refusal(await storeWith({ sender: ANY_SENDER, source: 'provider', detail: null }), { from, to })).message).toContain(
      'from every sender (the recipient was refused by the provider as opted out on',
    );
    expect((await refusal(await storeWith({ source: 'manual', detail: null }), { from, to })).message).toContain('(the recipient was opted out by the host on');
  });

  it('blocks the send when the store does not answer', async () => {
    const down: OptOutStore = { add: () => Promise.resolve(), remove: () => Promise.resolve(false), find: () => Promise.reject(new Error('timeout')) };
    await expect(assertNotOptedOut(down, { from, to })).rejects.toMatchObject({
      code: 'PROVIDER_ERROR',
      reason: 'OPT_OUT_STORE_UNAVAILABLE',
      retryable: true,
      outcomeUnknown: false,
      message: "The opt-out store did not answer (timeout), so the recipient's consent could not be checked and the message was not sent. Fix: check the store's connection and retry.",
    });
  });
});
