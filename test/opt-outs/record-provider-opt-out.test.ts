import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { createInMemoryOptOutStore } from '../../src/opt-outs/in-memory-opt-out-store';
import { ANY_SENDER } from '../../src/opt-outs/opt-out-store';
import { recordProviderOptOut } from '../../src/opt-outs/record-provider-opt-out';

const to = '+14155552671';
const now = Date.UTC(2026, 0, 1);
const optedOut = new SmsError({ code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', message: 'x', provider: 'twilio', providerCode: '21610' });

describe('recordProviderOptOut', () => {
  it('records the pair the provider refused, with its code', async () => {
    const store = createInMemoryOptOutStore();
    expect(await recordProviderOptOut(store, { from: '+14155550100', to }, optedOut, now)).toBe(true);
    expect(await store.find({ sender: '+14155550100', recipient: to })).toEqual({ sender: '+14155550100', recipient: to, source: 'provider', detail: '21610', provider: 'twilio', createdAt: '2026-01-01T00:00:00.000Z' });
  });

  it('records every sender when the request had no from', async () => {
    const store = createInMemoryOptOutStore();
    await recordProviderOptOut(store, { from: undefined, to }, new SmsError({ code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', message: 'x' }), now);
    expect(await store.find({ sender: '+14155550199', recipient: to })).toMatchObject({ sender: ANY_SENDER, detail: null, provider: null });
  });

  it('records nothing for another error', async () => {
    const store = createInMemoryOptOutStore();
    expect(await recordProviderOptOut(store, { from: undefined, to }, new SmsError({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', message: 'x' }), now)).toBe(false);
    expect(await store.find({ recipient: to })).toBeUndefined();
  });

  it('throws a store error for the caller', async () => {
    const store = { add: () => Promise.reject(new Error('down')), remove: () => Promise.resolve(false), find: () => Promise.resolve(undefined) };
    await expect(recordProviderOptOut(store, { from: undefined, to }, optedOut, now)).rejects.toThrow('down');
  });
});
