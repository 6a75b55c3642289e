import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { createIdempotencyGuard, type GuardedRequest } from '../../src/idempotency/create-idempotency-guard';
import type { IdempotencyStore } from '../../src/idempotency/idempotency-store';
import { readIdempotencyOptions, type IdempotencyOptions } from '../../src/idempotency/idempotency-options';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import type { SendResult } from '../../src/messages/send-result';

const request: GuardedRequest = { to: '+14155552671', from: undefined, body: 'Hi', mediaUrls: [], sendAt: undefined, tenantId: 'org-1', idempotencyKey: 'order-42' };
const result: SendResult = {
  id: 'message-1',
  status: 'queued',
  provider: 'twilio',
  providerMessageId: 'SM1',
  to: '+14155552671',
  from: null,
  segments: 1,
  encoding: 'GSM-7',
  units: 2,
  cost: null,
  attempts: [],
  tenantId: 'org-1',
  correlationId: 'c',
  createdAt: '2026-01-01T00:00:00.000Z',
};

function setup(options: IdempotencyOptions = {}, store: IdempotencyStore = createInMemoryIdempotencyStore()) {
  const storeErrors: unknown[] = [];
  const guard = createIdempotencyGuard({ store, settings: readIdempotencyOptions(options, 0), onStoreError: (error) => storeErrors.push(error) });
  return { guard, storeErrors };
}

describe('createIdempotencyGuard', () => {
  it('proceeds without a lease when the request has no key', async () => {
    const { guard } = setup();
    expect(await guard.claim({ ...request, idempotencyKey: undefined }, 'm1')).toEqual({ status: 'proceed', lease: undefined });
  });

  it('replays a completed result to a duplicate, and a stored failure as its error', async () => {
    const { guard } = setup();
    const first = await guard.claim(request, 'm1');
    if (first.status !== 'proceed' || first.lease === undefined) throw new Error('expected a lease');
    await first.lease.complete({ result });
    const second = await guard.claim(request, 'm1');
    expect(second.status).toBe('duplicate');
    if (second.status === 'duplicate') expect(second.settle()).toEqual(result);

    const other = { ...request, idempotencyKey: 'order-43' };
    const failing = await guard.claim(other, 'm2');
    if (failing.status !== 'proceed' || failing.lease === undefined) throw new Error('expected a lease');
    await failing.lease.complete({ error: new SmsError({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', message: 'bad token', provider: 'twilio' }) });
    const replayed = await guard.claim(other, 'm2');
    if (replayed.status !== 'duplicate') throw new Error('expected a duplicate');
    expect(() => replayed.settle()).toThrow('bad token');
  });

  it('refuses the same key with another payload, and scopes keys per tenant', async () => {
    const { guard } = setup();
    await guard.claim(request, 'm1');
    await expect(guard.claim({ ...request, body: 'Other' }, 'm1')).rejects.toMatchObject({ reason: 'IDEMPOTENCY_KEY_CONFLICT', field: 'idempotencyKey' });
    expect((await guard.claim({ ...request, tenantId: 'org-2', body: 'Other' }, 'm9')).status).toBe('proceed');
  });

  it('answers an in-flight duplicate at once with inFlight: fail', async () => {
    const { guard } = setup({ inFlight: 'fail' });
    await guard.claim(request, 'm1');
    const duplicate = await guard.claim(request, 'm1');
    if (duplicate.status !== 'duplicate') throw new Error('expected a duplicate');
    expect(() => duplicate.settle()).toThrow(expect.objectContaining({ reason: 'IDEMPOTENCY_KEY_IN_FLIGHT', retryAfterMs: 1000 }) as Error);
  });

  it('waits for the first send and replays it, or gives up after waitTimeoutMs', async () => {
    const { guard } = setup({ pollIntervalMs: 1, waitTimeoutMs: 1000 });
    const first = await guard.claim(request, 'm1');
    const waiting = guard.claim(request, 'm1');
    if (first.status !== 'proceed' || first.lease === undefined) throw new Error('expected a lease');
    await first.lease.complete({ result });
    const duplicate = await waiting;
    if (duplicate.status !== 'duplicate') throw new Error('expected a duplicate');
    expect(duplicate.settle().id).toBe('message-1');

    const short = setup({ pollIntervalMs: 2, waitTimeoutMs: 4 });
    await short.guard.claim(request, 'm1');
    const timedOut = await short.guard.claim(request, 'm1');
    if (timedOut.status !== 'duplicate') throw new Error('expected a duplicate');
    expect(() => timedOut.settle()).toThrow('still in progress after waiting 4 ms');
  });

  it('frees the key on release', async () => {
    const { guard } = setup({ inFlight: 'fail' });
    const first = await guard.claim(request, 'm1');
    if (first.status !== 'proceed') throw new Error('expected proceed');
    await first.lease?.release();
    expect((await guard.claim(request, 'm1')).status).toBe('proceed');
  });

  it('fails closed when the store is down, or sends without a claim and reports it', async () => {
    const down: IdempotencyStore = {
      claim: () => Promise.reject(new Error('ECONNREFUSED')),
      complete: () => Promise.reject(new Error('ECONNREFUSED')),
      release: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    await expect(setup({}, down).guard.claim(request, 'm1')).rejects.toMatchObject({ reason: 'IDEMPOTENCY_STORE_UNAVAILABLE', message: expect.stringContaining('(ECONNREFUSED)') as unknown });
    const open = setup({ onStoreUnavailable: 'send-without-claim' }, down);
    expect(await open.guard.claim(request, 'm1')).toEqual({ status: 'proceed', lease: undefined });
    expect(open.storeErrors).toEqual([new Error('ECONNREFUSED')]);
  });

  it('reports a completion the store refused (the key was taken over) and a failing release', async () => {
    const memory = createInMemoryIdempotencyStore();
    const store: IdempotencyStore = { claim: (input) => memory.claim(input), complete: () => Promise.resolve(false), release: () => Promise.reject(new Error('gone')) };
    const { guard, storeErrors } = setup({}, store);
    const first = await guard.claim(request, 'm1');
    if (first.status !== 'proceed' || first.lease === undefined) throw new Error('expected a lease');
    await first.lease.complete({ result });
    await first.lease.release();
    expect((storeErrors[0] as Error).message).toBe(
      'The idempotency lease of message m1 ran out and another send took its key over: the message may have been sent twice. Fix: raise idempotency.leaseMs above the longest send.',
    );
    expect((storeErrors[1] as Error).message).toBe('gone');
  });
});
