import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import type { SmsEvent } from '../../src/events/sms-event';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import type { SmsProvider } from '../../src/providers/provider';
import { SMSService } from '../../src/service/sms-service';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import { createFakeProvider, type FakeProviderOptions } from '../../src/testing/create-fake-provider';

const MINUTE = 60_000;
const request = { to: '+14155552671', from: '+14155550100', body: 'Your order shipped', tenantId: 'org-1', idempotencyKey: 'order-42' };

function setUp(fake: FakeProviderOptions = {}, providers?: (twilio: ReturnType<typeof createFakeProvider>) => SmsProvider[]) {
  let now = Date.UTC(2026, 11, 7, 10);
  const clock = { now: () => now };
  const twilio = createFakeProvider({ id: 'twilio', clock, ...fake });
  const store = createInMemoryMessageStore();
  const idempotency = createInMemoryIdempotencyStore({ clock });
  const events: SmsEvent[] = [];
  const publisher = createInMemoryEventPublisher();
  publisher.subscribe('*', (event) => void events.push(event));
  const sms = new SMSService({ providers: providers?.(twilio) ?? [twilio], store, clock, events: publisher, idempotency: { store: idempotency } });
  return { sms, twilio, store, idempotency, events, advance: (milliseconds: number) => void (now += milliseconds) };
}

describe('SMSService.reconcile', () => {
  it('recovers a missed delivered webhook from the provider, publishing sms.status, sending nothing', async () => {
    const { sms, twilio, store, events, advance } = setUp();
    const sent = await sms.send(request);
    advance(20 * MINUTE);
    expect(await sms.reconcile()).toMatchObject({ ran: true, checked: 1, unchanged: 1, settled: {} });
    twilio.setStatus(sent.providerMessageId, 'delivered');
    events.length = 0;
    expect(await sms.reconcile()).toMatchObject({ checked: 1, settled: { delivered: 1 }, unchanged: 0 });
    expect(await store.get(sent.id)).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
    expect(events.map((event) => [event.type, event.type === 'sms.status' ? [event.data.previous_status, event.data.status] : null])).toEqual([['sms.status', ['queued', 'delivered']]]);
    expect(twilio.calls).toHaveLength(1);
    // Settled: nothing left to check.
    expect((await sms.reconcile()).checked).toBe(0);
  });

  it('settles a timeout the provider had accepted: provider id on the record, sms.sent, and a replay returns the real result', async () => {
    const { sms, twilio, store, events, advance } = setUp({ outcomes: ['timeout-after-send'] });
    const failure = await sms.send(request).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
    const [held] = twilio.messages;
    advance(20 * MINUTE);
    events.length = 0;
    const summary = await sms.reconcile();
    expect(summary).toMatchObject({ checked: 1, settled: { queued: 1 }, stillUnknown: 0 });
    const replay = await sms.send(request);
    expect(replay).toMatchObject({ provider: 'twilio', providerMessageId: held?.providerMessageId, cost: { amount: expect.any(String) } });
    expect(await store.get(replay.id)).toMatchObject({ status: 'queued', providerMessageId: held?.providerMessageId, errorCode: null });
    expect(events.map((event) => event.type)).toEqual(['sms.sent', 'sms.status']);
    expect(twilio.calls).toHaveLength(1);
  });

  it('leaves a send unknown while the provider cannot prove it never took it (no listing delay)', async () => {
    const { sms, twilio, advance } = setUp({ outcomes: ['timeout-not-received'] });
    await sms.send(request).catch(() => undefined);
    advance(60 * MINUTE);
    expect(await sms.reconcile()).toMatchObject({ checked: 1, stillUnknown: 1, notSent: 0 });
    expect(twilio.calls).toHaveLength(1);
  });

  it('settles as not sent what the listing provably lacks; a replay then gets that failure, not a second send', async () => {
    const { sms, twilio, store, advance } = setUp({ outcomes: ['timeout-not-received'], capabilities: { listingDelayMs: 5 * MINUTE } });
    await expect(sms.send(request)).rejects.toMatchObject({ outcomeUnknown: true });
    advance(20 * MINUTE);
    expect(await sms.reconcile()).toMatchObject({ checked: 1, notSent: 1, resent: 0 });
    await expect(sms.send(request)).rejects.toMatchObject({ reason: 'NOT_ACCEPTED_BY_PROVIDER' });
    const [record] = (await store.listMessages({ tenantId: 'org-1', contact: request.to })).messages;
    expect(record).toMatchObject({ status: 'failed', errorReason: 'NOT_ACCEPTED_BY_PROVIDER' });
    expect(twilio.calls).toHaveLength(1);
  });

  it('with resendNotSent sends it once more under the same key and message id: exactly one message accepted in the end', async () => {
    const { sms, twilio, store, advance } = setUp({ outcomes: ['timeout-not-received'], capabilities: { listingDelayMs: 5 * MINUTE } });
    await sms.send(request).catch(() => undefined);
    advance(20 * MINUTE);
    expect(await sms.reconcile({ resendNotSent: true })).toMatchObject({ checked: 1, notSent: 1, resent: 1 });
    expect(twilio.messages).toHaveLength(1);
    const replay = await sms.send(request);
    expect(replay.providerMessageId).toBe(twilio.messages[0]?.providerMessageId);
    expect((await store.listMessages({ tenantId: 'org-1', contact: request.to })).messages).toMatchObject([{ id: replay.id, status: 'queued' }]);
    advance(20 * MINUTE);
    expect(await sms.reconcile({ resendNotSent: true })).toMatchObject({ checked: 1, unchanged: 1, resent: 0 });
    expect(twilio.calls).toHaveLength(2);
  });

  it('leaves two identical candidates unknown and names them as ambiguous', async () => {
    const { sms, advance } = setUp({ outcomes: ['timeout-after-send', 'timeout-after-send'] });
    await sms.send({ ...request, idempotencyKey: 'a' }).catch(() => undefined);
    await sms.send({ ...request, idempotencyKey: 'b' }).catch(() => undefined);
    advance(20 * MINUTE);
    const summary = await sms.reconcile();
    expect(summary).toMatchObject({ checked: 2, ambiguous: 2 });
    expect(summary.ambiguousIds).toHaveLength(2);
  });

  it('does not take a provider message another record already owns as a candidate', async () => {
    const { sms, advance } = setUp({ outcomes: ['accept', 'timeout-after-send'] });
    await sms.send({ ...request, idempotencyKey: 'first' });
    await sms.send({ ...request, idempotencyKey: 'second' }).catch(() => undefined);
    advance(20 * MINUTE);
    expect(await sms.reconcile()).toMatchObject({ checked: 2, settled: { queued: 1 }, unchanged: 1, ambiguous: 0 });
  });

  it('fetches the bodies a listing leaves out, so a message another system sent to the same number is not taken', async () => {
    const { sms, twilio, advance } = setUp({ outcomes: ['timeout-after-send'] }, (fake) => [{ ...fake, findMessages: async (query) => (await fake.findMessages?.(query) ?? []).map((message) => ({ ...message, body: null })) }]);
    await sms.send(request).catch(() => undefined);
    await twilio.send({ messageId: 'elsewhere', to: request.to, from: request.from, body: 'Sent by another system', mediaUrls: [], encoding: 'GSM-7', segments: 1 });
    advance(20 * MINUTE);
    expect(await sms.reconcile()).toMatchObject({ checked: 1, settled: { queued: 1 }, ambiguous: 0 });
    expect((await sms.send(request)).providerMessageId).toBe(twilio.messages.find((message) => message.body === request.body)?.providerMessageId);
  });

  it('runs one reconciler at a time: a held lock makes the run return ran: false', async () => {
    const { sms, idempotency, advance } = setUp();
    await sms.send(request);
    advance(20 * MINUTE);
    await idempotency.claim({ key: 'tools-core:reconcile:lock', fingerprint: 'reconcile', token: 'other-instance', leaseMs: MINUTE });
    expect(await sms.reconcile()).toMatchObject({ ran: false, checked: 0 });
    advance(MINUTE);
    expect(await sms.reconcile()).toMatchObject({ ran: true, checked: 1 });
  });

  it('waits out a rate limit (Retry-After) and goes on; past the waits the record waits for the next run', async () => {
    let limited = 2;
    const { sms, advance } = setUp({}, (twilio) => [{ ...twilio, fetchMessage: async (fetch) => {
      if (limited-- > 0) throw new SmsError({ code: 'RATE_LIMITED', reason: 'PROVIDER_RATE_LIMITED', message: 'Too many requests', retryAfterMs: 5 });
      return twilio.fetchMessage?.(fetch);
    } }]);
    await sms.send(request);
    advance(20 * MINUTE);
    expect(await sms.reconcile()).toMatchObject({ checked: 1, unchanged: 1, errors: [] });
    limited = 5;
    const summary = await sms.reconcile({ maxRateLimitWaits: 1 });
    expect(summary).toMatchObject({ checked: 1, unchanged: 0, errors: [{ message: 'Too many requests' }] });
  });

  it('counts a provider that can neither fetch nor find as unsupported', async () => {
    const { sms, advance } = setUp({}, (twilio) => [{ specificationVersion: 'v1', id: 'twilio', send: (sent, options) => twilio.send(sent, options) }]);
    await sms.send(request);
    advance(20 * MINUTE);
    expect(await sms.reconcile()).toMatchObject({ checked: 1, unsupported: 1 });
  });

  it('checks only what waited longer than olderThan', async () => {
    const { sms, advance } = setUp();
    await sms.send(request);
    advance(5 * MINUTE);
    expect((await sms.reconcile()).checked).toBe(0);
    expect((await sms.reconcile({ olderThan: MINUTE })).checked).toBe(1);
  });

  it('refuses bad options and a store that cannot list, naming the field', async () => {
    const { sms } = setUp();
    await expect(sms.reconcile({ limit: 0 })).rejects.toThrow(/^options\.limit: 0 is not a whole number from 1 to 10000\./);
    await expect(sms.reconcile({ olderThen: 5 } as never)).rejects.toThrow(/options\.olderThen/);
    await expect(sms.reconcile({ resendNotSent: 'yes' } as never)).rejects.toThrow(/^options\.resendNotSent: must be true or false/);
    const memory = createInMemoryMessageStore();
    const bare = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], store: { save: (record) => memory.save(record), get: (id) => memory.get(id), findByProviderMessageId: (provider, id) => memory.findByProviderMessageId(provider, id) } });
    await expect(bare.reconcile()).rejects.toMatchObject({ reason: 'RECONCILIATION_UNSUPPORTED', field: 'options.store' });
  });
});
