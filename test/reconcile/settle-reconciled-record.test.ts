import { describe, expect, it } from 'vitest';
import { fingerprintSendRequest } from '../../src/idempotency/fingerprint-send-request';
import type { IdempotencyStore } from '../../src/idempotency/idempotency-store';
import type { ProviderMessage } from '../../src/providers/provider';
import { settleFromProvider, settleNotSent } from '../../src/reconcile/settle-reconciled-record';
import type { MessageStore } from '../../src/store/message-store';
import { createReconcileContext, DAY, MINUTE, START, unsettledRecord } from '../support/reconcile-context';

const KEY = 't.org-1/order-42';
const record = unsettledRecord();
const fingerprint = fingerprintSendRequest({ to: record.to, from: record.from ?? undefined, body: record.body, mediaUrls: [], sendAt: undefined });
const unknownOutcome = { status: 'failed', error: { code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: true } } as const;
const later = new Date(START + 20 * MINUTE).toISOString();

function found(overrides: Partial<ProviderMessage> = {}): ProviderMessage {
  return { providerMessageId: 'SM1', status: 'queued', to: record.to, from: record.from, body: record.body, createdAt: record.createdAt, providerCode: null, ...overrides };
}

/** A context holding `saved` in its store, its key completed with the unknown outcome (the send timed out). */
async function setUp(saved = record) {
  const set = createReconcileContext();
  await set.store.save(saved);
  await set.idempotency.claim({ key: KEY, fingerprint, token: saved.id, leaseMs: MINUTE });
  await set.idempotency.complete({ key: KEY, token: saved.id, fingerprint, outcome: unknownOutcome, retentionMs: DAY });
  set.advance(20 * MINUTE);
  return set;
}

const replayOf = (idempotency: IdempotencyStore) => idempotency.claim({ key: KEY, fingerprint, token: 'replay', leaseMs: MINUTE });

describe('settleFromProvider', () => {
  it('moves a record with its provider id forward, publishing sms.status only and leaving the replay and cost alone', async () => {
    const sent = unsettledRecord({ status: 'sent', provider: 'twilio', providerMessageId: 'SM1', errorCode: null, errorReason: null, errorMessage: null, cost: '0.0079', currency: 'USD' });
    const { context, store, idempotency, events } = await setUp(sent);
    const next = await settleFromProvider(context, sent, 'twilio', found({ status: 'delivered' }));
    expect(next).toMatchObject({ status: 'delivered', providerMessageId: 'SM1', deliveredAt: later, statusChangedAt: later, cost: '0.0079', currency: 'USD' });
    expect(await store.get(sent.id)).toEqual(next);
    expect(events.map((event) => event.type)).toEqual(['sms.status']);
    expect(events[0]).toMatchObject({ event_id: 'event-1', correlation_id: sent.id, tenant_id: 'org-1', timestamp: later, data: { provider: 'twilio', provider_message_id: 'SM1', status: 'delivered', previous_status: 'sent', provider_status: 'delivered', error: null } });
    expect(await replayOf(idempotency)).toMatchObject({ status: 'completed', outcome: unknownOutcome });
  });

  it('settles an unknown outcome: provider id and price on the record, the replay settled to the sent result, sms.sent then sms.status', async () => {
    const { context, store, idempotency, events } = await setUp();
    const next = await settleFromProvider(context, record, 'twilio', found());
    expect(next).toMatchObject({ status: 'queued', provider: 'twilio', providerMessageId: 'SM1', cost: '0.0079', currency: 'USD', errorCode: null, errorReason: null, errorMessage: null });
    expect(await store.findByProviderMessageId('twilio', 'SM1')).toEqual(next);
    expect(await replayOf(idempotency)).toEqual({
      status: 'completed',
      fingerprint,
      outcome: {
        status: 'sent',
        result: {
          id: record.id, status: 'queued', provider: 'twilio', providerMessageId: 'SM1', to: record.to, from: record.from, segments: 1, encoding: 'GSM-7', units: record.body.length,
          cost: { currency: 'USD', amount: '0.0079', micros: 7_900 }, attempts: [], tenantId: 'org-1', correlationId: record.id, createdAt: record.createdAt,
        },
      },
    });
    expect(events.map((event) => event.type)).toEqual(['sms.sent', 'sms.status']);
    expect(events[0]).toMatchObject({ event_id: 'event-1', data: { message_id: record.id, provider: 'twilio', provider_message_id: 'SM1', cost: '0.0079', currency: 'USD', to_number: record.to, metadata: { order: 42 } } });
    expect(events[1]).toMatchObject({ event_id: 'event-2', data: { status: 'queued', previous_status: 'unknown' } });
  });

  it('takes over a live lease on the key: the provider holds the message, so that is its outcome', async () => {
    const { context, store, idempotency } = createReconcileContext();
    await store.save(record);
    await idempotency.claim({ key: KEY, fingerprint, token: 'crashed-sender', leaseMs: 60 * MINUTE });
    await settleFromProvider(context, record, 'twilio', found());
    expect(await replayOf(idempotency)).toMatchObject({ status: 'completed', outcome: { status: 'sent', result: { providerMessageId: 'SM1' } } });
    expect(await idempotency.complete({ key: KEY, token: 'crashed-sender', fingerprint, outcome: unknownOutcome, retentionMs: DAY })).toBe(false);
  });

  it('records a failed or undelivered report with the provider code, as PROVIDER_REJECTED', async () => {
    const sent = unsettledRecord({ status: 'sent', providerMessageId: 'SM1' });
    const { context, events } = await setUp(sent);
    const next = await settleFromProvider(context, sent, 'twilio', found({ status: 'undelivered', providerCode: '30003' }));
    expect(next).toMatchObject({ status: 'undelivered', errorCode: 'PROVIDER_ERROR', errorReason: 'PROVIDER_REJECTED', errorMessage: 'twilio reports the message undelivered (code 30003).', providerCode: '30003' });
    expect(events[0]).toMatchObject({ data: { status: 'undelivered', error_code: '30003', error: { code: 'PROVIDER_ERROR', reason: 'PROVIDER_REJECTED', provider: 'twilio', provider_code: '30003' } } });
    const fresh = await setUp();
    const failed = await settleFromProvider(fresh.context, record, 'twilio', found({ status: 'failed' }));
    expect(failed).toMatchObject({ status: 'failed', errorMessage: 'twilio reports the message failed.', providerCode: null });
  });

  it('resolves undefined and changes nothing when the report does not move the record', async () => {
    const delivered = unsettledRecord({ status: 'delivered', providerMessageId: 'SM1' });
    const { context, store, events } = await setUp(delivered);
    expect(await settleFromProvider(context, delivered, 'twilio', found({ status: 'sent' }))).toBeUndefined();
    expect(await settleFromProvider(context, delivered, 'twilio', found({ status: 'delivered' }))).toBeUndefined();
    expect(await store.get(delivered.id)).toEqual(delivered);
    expect(events).toEqual([]);
  });

  it('judges the stored record, not the one read earlier: a status already moved on by a webhook is not moved back', async () => {
    const { context, store, events } = await setUp();
    await store.save({ ...record, status: 'delivered', providerMessageId: 'SM1' });
    expect(await settleFromProvider(context, record, 'twilio', found())).toBeUndefined();
    expect(events).toEqual([]);
  });

  it('hands a failed publish to onPublishError and still settles', async () => {
    const { context, store, publishErrors } = await setUp();
    const broken = new Error('bus down');
    const next = await settleFromProvider({ ...context, events: { publish: () => Promise.reject(broken) } }, record, 'twilio', found());
    expect(next?.status).toBe('queued');
    expect((await store.get(record.id))?.status).toBe('queued');
    expect(publishErrors).toEqual([{ error: broken, messageId: record.id }, { error: broken, messageId: record.id }]);
  });

  it('works on a store without update, by get and save', async () => {
    const { context, store } = await setUp();
    const plain: MessageStore = { save: (saved) => store.save(saved), get: (id) => store.get(id), findByProviderMessageId: (provider, id) => store.findByProviderMessageId(provider, id) };
    const next = await settleFromProvider({ ...context, store: plain }, record, 'twilio', found());
    expect(next).toMatchObject({ status: 'queued', providerMessageId: 'SM1' });
    expect(await store.get(record.id)).toEqual(next);
  });
});

describe('settleNotSent', () => {
  it('fails the record with NOT_ACCEPTED_BY_PROVIDER, settles the replay to that failure and publishes sms.status', async () => {
    const { context, store, idempotency, events } = await setUp();
    expect(await settleNotSent(context, record, { resend: false })).toBe(true);
    const message = 'Reconciliation: no provider holds the message (searched after the listing delay), so it was never sent. Fix: send it again with the same idempotency key, or pass resendNotSent: true.';
    expect(await store.get(record.id)).toEqual({ ...record, status: 'failed', errorCode: 'PROVIDER_ERROR', errorReason: 'NOT_ACCEPTED_BY_PROVIDER', errorMessage: message, providerCode: null, statusChangedAt: later });
    expect(await replayOf(idempotency)).toMatchObject({ status: 'completed', fingerprint, outcome: { status: 'failed', error: { code: 'PROVIDER_ERROR', reason: 'NOT_ACCEPTED_BY_PROVIDER', retryable: true, provider: 'twilio' } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'sms.status', data: { message_id: record.id, provider: 'twilio', provider_message_id: '', status: 'failed', previous_status: 'unknown', provider_status: 'not_found', error_code: null, error: { reason: 'NOT_ACCEPTED_BY_PROVIDER', message } } });
  });

  it('with resend frees the key, so the resend can claim it', async () => {
    const { context, idempotency, store } = await setUp();
    expect(await settleNotSent(context, record, { resend: true })).toBe(true);
    expect(await replayOf(idempotency)).toEqual({ status: 'claimed' });
    expect((await store.get(record.id))?.status).toBe('failed');
  });

  it('changes nothing while a live lease holds the key: its send may still be running', async () => {
    const { context, store, idempotency, events } = createReconcileContext();
    await store.save(record);
    await idempotency.claim({ key: KEY, fingerprint, token: 'running-sender', leaseMs: MINUTE });
    expect(await settleNotSent(context, record, { resend: false })).toBe(false);
    expect(await settleNotSent(context, record, { resend: true })).toBe(false);
    expect(await store.get(record.id)).toEqual(record);
    expect((await replayOf(idempotency)).status).toBe('in-flight');
    expect(events).toEqual([]);
  });

  it('leaves a record that learnt its provider id meanwhile, or moved on, as it is', async () => {
    const { context, store, events } = await setUp();
    const settled = { ...record, status: 'queued' as const, providerMessageId: 'SM1' };
    await store.save(settled);
    expect(await settleNotSent(context, record, { resend: false })).toBe(false);
    expect(await store.get(record.id)).toEqual(settled);
    expect(events).toEqual([]);
  });

  it('settles a record without an idempotency key, without touching the idempotency store, and words the fix without one', async () => {
    const keyless = unsettledRecord({ idempotencyKey: null, provider: null });
    const { context, store, events } = createReconcileContext();
    await store.save(keyless);
    const idempotency: IdempotencyStore = { ...context.idempotency, claim: () => Promise.reject(new Error('not used')), settle: () => Promise.reject(new Error('not used')) };
    expect(await settleNotSent({ ...context, idempotency }, keyless, { resend: false })).toBe(true);
    expect(await store.get(keyless.id)).toMatchObject({ status: 'failed', errorMessage: expect.stringContaining('Fix: send it again, or pass resendNotSent: true.') });
    expect(events[0]).toMatchObject({ data: { provider: 'unknown' } });
  });

  it('settles the record on an idempotency store without settle', async () => {
    const { context, store } = await setUp();
    const { idempotency } = context;
    const withoutSettle: IdempotencyStore = { claim: (input) => idempotency.claim(input), complete: (input) => idempotency.complete(input), release: (input) => idempotency.release(input) };
    expect(await settleNotSent({ ...context, idempotency: withoutSettle }, record, { resend: false })).toBe(true);
    expect((await store.get(record.id))?.status).toBe('failed');
  });
});
