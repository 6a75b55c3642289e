// Cross-module scenario: SMSService sends to opted-out recipients and STOP replies (src/service/sms-service.ts with src/opt-outs/).
import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { SmsEvent } from '../../src/events/sms-event';
import { createInMemoryOptOutStore } from '../../src/opt-outs/in-memory-opt-out-store';
import { ANY_SENDER, type OptOutStore } from '../../src/opt-outs/opt-out-store';
import { mapTelnyxError } from '../../src/providers/telnyx/map-telnyx-error';
import { mapTwilioError } from '../../src/providers/twilio/map-twilio-error';
import { SMSService } from '../../src/service/sms-service';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import type { SmsProvider } from '../../src/providers/provider';

const OURS = '+14155550100';
const TO = '+14155552671';
const NOW = Date.UTC(2026, 0, 1);

function setup(options: { optOuts?: OptOutStore; provider?: SmsProvider; onBackgroundError?: (error: unknown, context: { stage: string }) => void } = {}) {
  const optOuts = options.optOuts ?? createInMemoryOptOutStore();
  const provider = options.provider ?? createFakeProvider({ id: 'twilio' });
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));
  let id = 0;
  const sms = new SMSService({ providers: [provider], optOuts, events, clock: { now: () => NOW }, generateId: () => `id-${++id}`, retry: false, onBackgroundError: options.onBackgroundError });
  return { sms, optOuts, provider, published };
}

/** A provider that refuses like the real adapters do for an opted-out recipient. */
function refusingProvider(id: 'twilio' | 'telnyx'): SmsProvider & { calls: number } {
  const provider = {
    specificationVersion: 'v1' as const,
    id,
    calls: 0,
    async send(): Promise<never> {
      provider.calls += 1;
      throw id === 'twilio' ? mapTwilioError({ httpStatus: 400, code: 21610 }) : mapTelnyxError({ httpStatus: 422, body: { errors: [{ code: '40300', title: 'Blocked due to STOP message' }] } });
    },
  };
  return provider;
}

describe('SMSService with optOuts', () => {
  it('refuses an opted-out pair with VALIDATION_ERROR OPTED_OUT before the idempotency claim and any provider call, and publishes sms.failed', async () => {
    const { sms, optOuts, provider, published } = setup();
    await optOuts.add({ sender: OURS, recipient: TO, source: 'keyword', detail: 'STOP', provider: 'twilio', createdAt: '2025-12-31T00:00:00.000Z' });
    const refusal = await sms.send({ to: TO, from: OURS, body: 'Hi', idempotencyKey: 'k1' }).catch((error: unknown) => error);
    expect(ValidationError.isInstance(refusal)).toBe(true);
    expect(refusal).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', field: 'to', retryable: false });
    expect((refusal as Error).message).toMatch(/replied STOP on 2025-12-31/);
    expect((refusal as Error).message).not.toContain(TO);
    expect((provider as ReturnType<typeof createFakeProvider>).calls).toHaveLength(0);
    expect(published).toMatchObject([{ type: 'sms.failed', data: { error: { code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', field: 'to' } } }]);
    // The key was never claimed: after START the same key sends.
    await optOuts.remove({ sender: OURS, recipient: TO });
    await expect(sms.send({ to: TO, from: OURS, body: 'Hi', idempotencyKey: 'k1' })).resolves.toMatchObject({ provider: 'twilio' });
  });

  it('checks the pair when `from` is given, any opt-out of the recipient when it is not', async () => {
    const { sms, optOuts } = setup();
    await optOuts.add({ sender: '+14155550199', recipient: TO, source: 'keyword', detail: 'STOP', provider: 'twilio', createdAt: '2026-01-01T00:00:00.000Z' });
    await expect(sms.send({ to: TO, from: OURS, body: 'Hi' })).resolves.toMatchObject({ provider: 'twilio' });
    await expect(sms.send({ to: TO, body: 'Hi' })).rejects.toMatchObject({ reason: 'OPTED_OUT', message: expect.stringContaining('one of your senders') as string });
    await expect(sms.send({ to: TO, from: '+14155550199', body: 'Hi' })).rejects.toMatchObject({ reason: 'OPTED_OUT' });
  });

  it.each(['twilio', 'telnyx'] as const)('records the opt-out a %s refusal (21610 / 40300) reports; the next send stops before the provider', async (id) => {
    const provider = refusingProvider(id);
    const { sms, optOuts } = setup({ provider });
    await expect(sms.send({ to: TO, from: OURS, body: 'Hi' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', provider: id });
    expect(await optOuts.find({ sender: OURS, recipient: TO })).toEqual({ sender: OURS, recipient: TO, source: 'provider', detail: id === 'twilio' ? '21610' : '40300', provider: id, createdAt: '2026-01-01T00:00:00.000Z' });
    await expect(sms.send({ to: TO, from: OURS, body: 'Again' })).rejects.toMatchObject({ reason: 'OPTED_OUT', provider: undefined });
    expect(provider.calls).toBe(1);
  });

  it('records a refusal without `from` for every sender', async () => {
    const { sms, optOuts } = setup({ provider: refusingProvider('twilio') });
    await expect(sms.send({ to: TO, body: 'Hi' })).rejects.toMatchObject({ reason: 'OPTED_OUT' });
    expect((await optOuts.find({ sender: OURS, recipient: TO }))?.sender).toBe(ANY_SENDER);
  });

  it('does not record other failures', async () => {
    const { sms, optOuts } = setup({ provider: createFakeProvider({ id: 'twilio', outcomes: [{ type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT' }] }) });
    await expect(sms.send({ to: TO, from: OURS, body: 'Hi' })).rejects.toMatchObject({ reason: 'INVALID_RECIPIENT' });
    expect(await optOuts.find({ recipient: TO })).toBeUndefined();
  });

  it('fails closed when the opt-out store does not answer: nothing sent', async () => {
    const down: OptOutStore = { add: vi.fn(), remove: vi.fn(), find: () => Promise.reject(new Error('ECONNREFUSED')) };
    const { sms, provider } = setup({ optOuts: down });
    await expect(sms.send({ to: TO, from: OURS, body: 'Hi' })).rejects.toMatchObject({ code: 'PROVIDER_ERROR', reason: 'OPT_OUT_STORE_UNAVAILABLE', retryable: true, message: expect.stringContaining('ECONNREFUSED') as string });
    expect((provider as ReturnType<typeof createFakeProvider>).calls).toHaveLength(0);
  });

  it('reports, and does not throw, when recording a provider opt-out fails', async () => {
    const onBackgroundError = vi.fn();
    const failing: OptOutStore = { add: () => Promise.reject(new Error('read-only')), remove: vi.fn(), find: async () => undefined };
    const { sms } = setup({ optOuts: failing, provider: refusingProvider('twilio'), onBackgroundError });
    await expect(sms.send({ to: TO, from: OURS, body: 'Hi' })).rejects.toMatchObject({ reason: 'OPTED_OUT' });
    expect(onBackgroundError).toHaveBeenCalledWith(expect.objectContaining({ message: 'read-only' }), { stage: 'opt-outs', messageId: 'id-1' });
  });

  it('refuses an optOuts option that is not a store, naming it', () => {
    expect(() => new SMSService({ providers: [createFakeProvider()], optOuts: {} as OptOutStore })).toThrow(/options\.optOuts/);
    expect(new SMSService({ providers: [createFakeProvider()] }).optOuts).toBeUndefined();
  });
});
