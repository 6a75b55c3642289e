import { describe, expect, it } from 'vitest';
import { createIdempotencyGuard } from '../../src/idempotency/create-idempotency-guard';
import { readIdempotencyOptions } from '../../src/idempotency/idempotency-options';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import { createInMemoryQuotaLimiter } from '../../src/limits/in-memory-quota-limiter';
import { QuotaGate } from '../../src/limits/quota-gate';
import { QuotaNotifier } from '../../src/limits/quota-notifier';
import { readLimitOptions } from '../../src/limits/read-quota-options';
import { createInMemoryOptOutStore } from '../../src/opt-outs/in-memory-opt-out-store';
import { readPhonePolicy } from '../../src/phone/phone-policy';
import { admitSend, type AdmissionStages } from '../../src/service/admit-send';

const clock = { now: () => Date.UTC(2026, 0, 1) };
const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function stages(overrides: Partial<AdmissionStages> = {}): AdmissionStages {
  return {
    rules: { phone: readPhonePolicy({}), maxMediaUrls: 10, maxSegments: 2 },
    body: { segments: undefined, maxSegments: 2 },
    optOuts: undefined,
    idempotency: createIdempotencyGuard({ store: createInMemoryIdempotencyStore({ clock }), settings: readIdempotencyOptions({ inFlight: 'fail' }, 0), onStoreError: () => undefined }),
    quotaGate: undefined,
    ...overrides,
  };
}

function quotaGate(hourly: number): QuotaGate {
  const policy = readLimitOptions({ hourly, limiter: createInMemoryQuotaLimiter({ clock }) }, undefined, clock);
  return new QuotaGate(policy!, new QuotaNotifier({ onEvent: undefined, clock, generateId: () => 'e', logger }));
}

describe('admitSend', () => {
  it('admits a valid request with its analysis and no lease without a key', async () => {
    const admission = await admitSend({ to: '+1 415 555 2671', body: 'Hi' }, 'm1', stages());
    expect(admission).toMatchObject({ status: 'admitted', request: { to: '+14155552671' }, analysis: { segments: 1, encoding: 'GSM-7' }, lease: undefined });
  });

  it('refuses invalid input and a body above maxSegments before anything else', async () => {
    await expect(admitSend({ to: 'nope', body: 'Hi' }, 'm1', stages())).rejects.toMatchObject({ field: 'to' });
    await expect(admitSend({ to: '+14155552671', body: 'a'.repeat(307) }, 'm1', stages())).rejects.toMatchObject({ field: 'body', reason: 'BODY_TOO_LONG' });
  });

  it('refuses an opted-out recipient before the idempotency claim', async () => {
    const optOuts = createInMemoryOptOutStore();
    await optOuts.add({ sender: '*', recipient: '+14155552671', source: 'manual', detail: null, provider: null, createdAt: '2026-01-01T00:00:00.000Z' });
    const given = stages({ optOuts });
    const input = { to: '+14155552671', body: 'Hi', idempotencyKey: 'k1' };
    await expect(admitSend(input, 'm1', given)).rejects.toMatchObject({ reason: 'OPTED_OUT' });
    await optOuts.remove({ sender: '*', recipient: '+14155552671' });
    expect((await admitSend(input, 'm1', given)).status).toBe('admitted');
  });

  it('replays a duplicate of a finished send', async () => {
    const given = stages();
    const input = { to: '+14155552671', body: 'Hi', idempotencyKey: 'k1' };
    const first = await admitSend(input, 'm1', given);
    if (first.status !== 'admitted' || first.lease === undefined) throw new Error('expected a lease');
    const result = { id: 'm1', status: 'queued', provider: 'fake', providerMessageId: 'p', to: '+14155552671', from: null, segments: 1, encoding: 'GSM-7', units: 2, cost: null, attempts: [], tenantId: null, correlationId: 'm1', createdAt: '' } as const;
    await first.lease.complete({ result });
    const again = await admitSend(input, 'm1', given);
    expect(again.status).toBe('replay');
    if (again.status === 'replay') expect(again.settle()).toEqual(result);
  });

  it('frees the claim when the quota refuses, so the same key can be sent once there is room', async () => {
    const given = stages({ quotaGate: quotaGate(1) });
    await admitSend({ to: '+14155552671', body: 'first' }, 'm0', given);
    const input = { to: '+14155552671', body: 'Hi', idempotencyKey: 'k2' };
    await expect(admitSend(input, 'm1', given)).rejects.toMatchObject({ code: 'RATE_LIMITED', window: 'hourly' });
    const roomy = { ...given, quotaGate: undefined };
    expect((await admitSend(input, 'm1', roomy)).status).toBe('admitted');
  });
});
