import { describe, expect, it } from 'vitest';
import type { ReliableProvider } from '../../src/failover/create-reliable-provider';
import { readIdempotencyOptions } from '../../src/idempotency/idempotency-options';
import type { IdempotencyStore } from '../../src/idempotency/idempotency-store';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import type { QuotaGate } from '../../src/limits/quota-gate';
import { createInMemoryOptOutStore } from '../../src/opt-outs/in-memory-opt-out-store';
import { validateSendRequest } from '../../src/service/validate-send-request';
import { createAdmissionStages, type AdmissionStagesInput } from '../../src/service/create-admission-stages';
import type { BackgroundErrorContext, SMSServiceOptions } from '../../src/service/sms-service-options';

const clock = { now: () => Date.UTC(2026, 0, 1) };

function input(options: Partial<SMSServiceOptions> = {}, overrides: Partial<AdmissionStagesInput> = {}) {
  const background: Array<{ error: unknown; context: BackgroundErrorContext }> = [];
  const given: AdmissionStagesInput = {
    options: { providers: [], ...options } as SMSServiceOptions,
    provider: { capabilities: { maxMediaUrls: 10 } } as unknown as ReliableProvider,
    optOuts: undefined,
    quotaGate: undefined,
    idempotency: readIdempotencyOptions({}, 0),
    idempotencyStore: createInMemoryIdempotencyStore({ clock }),
    clock,
    onBackgroundError: (error, context) => void background.push({ error, context }),
    ...overrides,
  };
  return { given, background };
}

describe('createAdmissionStages', () => {
  it('defaults to the default phone policy, 10 media URLs and 10 segments', () => {
    const stages = createAdmissionStages(input().given);
    expect(stages.rules).toEqual({ phone: { defaultCountry: undefined, allowedCountries: undefined, blockedTypes: ['PREMIUM_RATE', 'SHARED_COST'], allowedTypes: undefined }, maxMediaUrls: 10, maxSegments: 10 });
    expect(stages.body).toEqual({ segments: undefined, maxSegments: 10 });
    expect(stages.optOuts).toBeUndefined();
    expect(stages.quotaGate).toBeUndefined();
  });

  it('caps media URLs at what the providers take, and at the option', () => {
    const provider = (maxMediaUrls?: number) => ({ capabilities: maxMediaUrls === undefined ? undefined : { maxMediaUrls } }) as unknown as ReliableProvider;
    expect(createAdmissionStages(input({}, { provider: provider(1) }).given).rules.maxMediaUrls).toBe(1);
    expect(createAdmissionStages(input({ maxMediaUrls: 3 }, { provider: provider(10) }).given).rules.maxMediaUrls).toBe(3);
    expect(createAdmissionStages(input({ maxMediaUrls: 3 }, { provider: provider(0) }).given).rules.maxMediaUrls).toBe(0);
    expect(createAdmissionStages(input({ maxMediaUrls: 25 }, { provider: provider() }).given).rules.maxMediaUrls).toBe(25);
  });

  it('takes maxSegments, the segment options and the phone policy from the options', () => {
    const stages = createAdmissionStages(input({ maxSegments: 3, segments: { smartEncoding: true }, phone: { defaultCountry: 'AU' } }).given);
    expect(stages.rules).toMatchObject({ maxSegments: 3, phone: { defaultCountry: 'AU' } });
    expect(stages.body).toEqual({ segments: { smartEncoding: true }, maxSegments: 3 });
    expect(validateSendRequest({ to: '0412 345 678', body: 'Hi' }, stages.rules).to).toBe('+61412345678');
  });

  it('checks the segment and phone options at once, naming the field', () => {
    expect(() => createAdmissionStages(input({ segments: { udhOctets: 9 } as never }).given)).toThrow(/udhOctets/);
    expect(() => createAdmissionStages(input({ phone: { defaultCountri: 'AU' } as never }).given)).toThrow(/options\.defaultCountri/);
  });

  it('passes the opt-out store and the quota gate through', () => {
    const optOuts = createInMemoryOptOutStore();
    const quotaGate = { admit: () => Promise.resolve() } as unknown as QuotaGate;
    const stages = createAdmissionStages(input({}, { optOuts, quotaGate }).given);
    expect(stages.optOuts).toBe(optOuts);
    expect(stages.quotaGate).toBe(quotaGate);
  });

  it('builds the idempotency guard on the given store, reporting its store errors as idempotency background errors', async () => {
    const broken = new Error('redis gone');
    const memory = createInMemoryIdempotencyStore({ clock });
    const idempotencyStore: IdempotencyStore = { claim: (claim) => memory.claim(claim), complete: () => Promise.reject(broken), release: () => Promise.reject(broken) };
    const { given, background } = input({}, { idempotencyStore });
    const stages = createAdmissionStages(given);
    const request = validateSendRequest({ to: '+14155552671', body: 'Hi', idempotencyKey: 'k1' }, stages.rules);
    const claim = await stages.idempotency.claim(request, 'm1');
    if (claim.status !== 'proceed' || claim.lease === undefined) throw new Error('expected a lease');
    expect((await memory.claim({ key: '-/k1', fingerprint: 'x', token: 'other', leaseMs: 1 })).status).toBe('in-flight');
    await claim.lease.release();
    expect(background).toEqual([{ error: broken, context: { stage: 'idempotency', messageId: 'm1' } }]);
  });
});
