import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import type { ProviderCallOptions, ProviderMessageQuery, SmsProvider } from '../../src/providers/provider';
import { readReconcileOptions, type ReconcileOptions } from '../../src/reconcile/reconcile-options';
import { reconcileRecord } from '../../src/reconcile/reconcile-record';
import type { FakeProvider } from '../../src/testing/create-fake-provider';
import { createReconcileContext, MINUTE, START, unsettledRecord } from '../support/reconcile-context';

const record = unsettledRecord();
const options = (input: ReconcileOptions = {}) => readReconcileOptions(input);

/** What reached the fake provider although its answer was lost: a message held under `twilio-unanswered-N`. */
async function holdAtProvider(twilio: FakeProvider, body = record.body): Promise<void> {
  await twilio.send({ messageId: record.id, to: record.to, from: record.from ?? undefined, body, mediaUrls: [], encoding: 'GSM-7', segments: 1 }).catch(() => undefined);
}

/** The provider as a plain object: only send and the given read capabilities. */
function only(twilio: FakeProvider, extra: Partial<SmsProvider> = {}, id = 'twilio'): SmsProvider {
  return { specificationVersion: 'v1', id, send: (request, sendOptions) => twilio.send(request, sendOptions), ...extra };
}

describe('reconcileRecord, with a provider id', () => {
  const sent = unsettledRecord({ status: 'sent', providerMessageId: 'twilio-1', errorCode: null, errorReason: null, errorMessage: null });

  it('applies the fetched status: settled when it moves the record, unchanged when it does not', async () => {
    const { context, twilio, store, advance } = createReconcileContext();
    await twilio.send({ messageId: sent.id, to: sent.to, body: sent.body, mediaUrls: [], encoding: 'GSM-7', segments: 1 });
    await store.save(sent);
    advance(20 * MINUTE);
    twilio.setStatus('twilio-1', 'sent');
    expect(await reconcileRecord(context, sent, options())).toEqual({ kind: 'unchanged' });
    twilio.setStatus('twilio-1', 'delivered');
    expect(await reconcileRecord(context, sent, options())).toEqual({ kind: 'settled', status: 'delivered' });
    expect((await store.get(sent.id))?.status).toBe('delivered');
  });

  it('is still unknown when the provider does not find the id', async () => {
    const { context, store } = createReconcileContext();
    await store.save(sent);
    expect(await reconcileRecord(context, sent, options())).toEqual({ kind: 'still-unknown' });
  });

  it('is unsupported when its provider cannot fetch, or is not configured any more', async () => {
    const { context, twilio } = createReconcileContext({}, (fake) => [only(fake, { findMessages: (query) => fake.findMessages?.(query) ?? Promise.resolve([]) })]);
    expect(await reconcileRecord(context, sent, options())).toEqual({ kind: 'unsupported' });
    expect(await reconcileRecord({ ...context, providers: [twilio] }, { ...sent, provider: 'telnyx' }, options())).toEqual({ kind: 'unsupported' });
  });

  it('passes the signal to the fetch and rethrows a failure that is not a rate limit', async () => {
    const seen: Array<ProviderCallOptions | undefined> = [];
    const outage = new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', message: 'Twilio: the message lookup failed (HTTP 503).', retryable: true });
    const { context } = createReconcileContext({}, (fake) => [only(fake, { fetchMessage: (_request, callOptions) => (seen.push(callOptions), Promise.reject(outage)) })]);
    const { signal } = new AbortController();
    await expect(reconcileRecord(context, sent, options({ signal }))).rejects.toBe(outage);
    await expect(reconcileRecord(context, sent, options())).rejects.toBe(outage);
    expect(seen).toEqual([{ signal }, {}]);
  });
});

describe('reconcileRecord, without a provider id', () => {
  it('settles the one message the provider holds as sent with its provider id', async () => {
    const { context, twilio, store, advance } = createReconcileContext({ outcomes: ['timeout-after-send'] });
    await holdAtProvider(twilio);
    await store.save(record);
    advance(20 * MINUTE);
    expect(await reconcileRecord(context, record, options())).toEqual({ kind: 'settled', status: 'queued' });
    expect(await store.get(record.id)).toMatchObject({ status: 'queued', providerMessageId: 'twilio-unanswered-1' });
  });

  it('searches the window around the creation time, with sender, body and a limit of 20', async () => {
    const queries: ProviderMessageQuery[] = [];
    const { context } = createReconcileContext({}, (fake) => [only(fake, { findMessages: (query) => (queries.push(query), Promise.resolve([])) })]);
    await reconcileRecord(context, record, options({ windowMs: 5 * MINUTE }));
    await reconcileRecord(context, { ...record, from: null }, options());
    expect(queries).toEqual([
      { to: record.to, from: record.from, createdAfter: new Date(START - MINUTE), createdBefore: new Date(START + 6 * MINUTE), body: record.body, limit: 20 },
      { to: record.to, createdAfter: new Date(START - MINUTE), createdBefore: new Date(START + 11 * MINUTE), body: record.body, limit: 20 },
    ]);
  });

  it('calls two matching messages ambiguous and changes nothing', async () => {
    const { context, twilio, store } = createReconcileContext({ outcomes: ['timeout-after-send', 'timeout-after-send'] });
    await holdAtProvider(twilio);
    await holdAtProvider(twilio);
    await store.save(record);
    expect(await reconcileRecord(context, record, options())).toEqual({ kind: 'ambiguous' });
    expect(await store.get(record.id)).toEqual(record);
  });

  it('does not take a message another record owns as a candidate', async () => {
    const { context, twilio, store } = createReconcileContext({ outcomes: ['accept', 'timeout-after-send'] });
    await holdAtProvider(twilio);
    await holdAtProvider(twilio);
    await store.save(unsettledRecord({ id: '4c2d8e6f-1a3b-4d5c-8e7f-000000000002', status: 'queued', providerMessageId: 'twilio-1' }));
    await store.save(record);
    expect(await reconcileRecord(context, record, options())).toEqual({ kind: 'settled', status: 'queued' });
    expect((await store.get(record.id))?.providerMessageId).toBe('twilio-unanswered-2');
  });

  it('ignores a held message with another body', async () => {
    const { context, twilio, store, advance } = createReconcileContext({ outcomes: ['timeout-after-send'] });
    await holdAtProvider(twilio, 'Another text');
    await store.save(record);
    advance(60 * MINUTE);
    expect(await reconcileRecord(context, record, options())).toEqual({ kind: 'still-unknown' });
  });

  it('is still unknown when nothing is found but the provider states no listing delay', async () => {
    const { context, store, advance } = createReconcileContext();
    await store.save(record);
    advance(24 * 60 * MINUTE);
    expect(await reconcileRecord(context, record, options())).toEqual({ kind: 'still-unknown' });
    expect((await store.get(record.id))?.status).toBe('unknown');
  });

  it('proves it was never sent only once the listing delay and the window have passed', async () => {
    const { context, store, advance, resent } = createReconcileContext({ capabilities: { listingDelayMs: 5 * MINUTE } });
    await store.save(record);
    advance(15 * MINUTE - 1);
    expect(await reconcileRecord(context, record, options())).toEqual({ kind: 'still-unknown' });
    advance(1);
    expect(await reconcileRecord(context, record, options())).toEqual({ kind: 'not-sent', resent: false });
    expect(await store.get(record.id)).toMatchObject({ status: 'failed', errorReason: 'NOT_ACCEPTED_BY_PROVIDER' });
    expect(resent).toEqual([]);
  });

  it('with resendNotSent sends the same request once more, under the same key and tenant', async () => {
    const { context, store, advance, resent } = createReconcileContext({ capabilities: { listingDelayMs: 0 } });
    await store.save(record);
    advance(20 * MINUTE);
    expect(await reconcileRecord(context, record, options({ resendNotSent: true }))).toEqual({ kind: 'not-sent', resent: true });
    expect(resent).toEqual([{ to: record.to, from: record.from, body: record.body, tenantId: 'org-1', idempotencyKey: 'order-42', metadata: { order: 42 } }]);
    const bare = unsettledRecord({ id: '4c2d8e6f-1a3b-4d5c-8e7f-000000000003', from: null, tenantId: null, idempotencyKey: null, mediaUrls: ['https://example.com/a.png'], metadata: {} });
    await store.save(bare);
    expect(await reconcileRecord(context, bare, options({ resendNotSent: true }))).toEqual({ kind: 'not-sent', resent: true });
    expect(resent[1]).toEqual({ to: bare.to, body: bare.body, mediaUrls: ['https://example.com/a.png'], metadata: {} });
  });

  it('is still unknown, sending nothing, while a live lease holds its key', async () => {
    const { context, store, idempotency, advance, resent } = createReconcileContext({ capabilities: { listingDelayMs: 0 } });
    await store.save(record);
    await idempotency.claim({ key: 't.org-1/order-42', fingerprint: 'any', token: 'running', leaseMs: 60 * MINUTE });
    advance(20 * MINUTE);
    expect(await reconcileRecord(context, record, options({ resendNotSent: true }))).toEqual({ kind: 'still-unknown' });
    expect(resent).toEqual([]);
  });

  it('searches every provider when the record names none; one that cannot list leaves it unproven', async () => {
    const { context, store, advance } = createReconcileContext({ capabilities: { listingDelayMs: 0 } }, (fake) => [fake, only(fake, {}, 'telnyx')]);
    const anywhere = { ...record, provider: null };
    await store.save(anywhere);
    advance(20 * MINUTE);
    expect(await reconcileRecord(context, anywhere, options())).toEqual({ kind: 'still-unknown' });
    // Naming the provider narrows the proof to it.
    expect(await reconcileRecord(context, record, options())).toEqual({ kind: 'not-sent', resent: false });
  });

  it('is unsupported when no provider that may hold it can list', async () => {
    const { context } = createReconcileContext({}, (fake) => [only(fake, { fetchMessage: (request) => fake.fetchMessage?.(request) ?? Promise.resolve(undefined) })]);
    expect(await reconcileRecord(context, record, options())).toEqual({ kind: 'unsupported' });
    expect(await reconcileRecord(context, { ...record, provider: 'telnyx' }, options())).toEqual({ kind: 'unsupported' });
  });
});
