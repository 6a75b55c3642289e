import { describe, expect, it } from 'vitest';
import { FinalFailureError, SmsError } from '../../src/errors';
import { createFailoverProvider, type FailoverProviderOptions } from '../../src/failover/create-failover-provider';
import type { ProviderSendRequest, SmsProvider } from '../../src/providers/provider';
import type { SendAttempt } from '../../src/messages/send-attempt';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const request: ProviderSendRequest = {
  messageId: 'message-1',
  to: '+14155550123',
  body: 'Hello',
  mediaUrls: [],
  encoding: 'GSM-7',
  segments: 1,
};

async function send(provider: SmsProvider, sent: ProviderSendRequest = request) {
  const attempts: SendAttempt[] = [];
  const outcome = await provider.send(sent, { onAttempt: (attempt) => attempts.push(attempt) }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error: error as SmsError }),
  );
  return { ...outcome, attempts };
}

const failover = (providers: SmsProvider[], options: Partial<FailoverProviderOptions> = {}) => createFailoverProvider({ providers, ...options });

describe('createFailoverProvider', () => {
  it('fails over when the primary was not reached, and exactly one message is sent', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['fail-before-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { result, attempts } = await send(failover([twilio, telnyx]));
    expect(result).toMatchObject({ provider: 'telnyx', providerMessageId: 'telnyx-1' });
    expect(twilio.sent.length + telnyx.sent.length).toBe(1);
    expect(attempts.map((attempt) => [attempt.provider, attempt.outcome])).toEqual([
      ['twilio', 'not_sent'],
      ['telnyx', 'sent'],
    ]);
  });

  it('fails over on an auth error (a provider fault)', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'reject', providerCode: '20003', code: 'AUTH_ERROR', fault: 'provider', httpStatus: 401 }] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { result } = await send(failover([twilio, telnyx]));
    expect(result?.provider).toBe('telnyx');
    expect(twilio.calls.length + telnyx.calls.length).toBe(2);
  });

  it('never fails over a request fault (invalid recipient): one attempt, the error as is', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR' }] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { error, attempts } = await send(failover([twilio, telnyx]));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', providerCode: '21211' });
    expect(telnyx.calls).toHaveLength(0);
    expect(attempts).toHaveLength(1);
  });

  it('never fails over an unknown outcome: the message may be out, so nothing is re-sent', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { error, attempts } = await send(failover([twilio, telnyx]));
    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
    expect(telnyx.calls).toHaveLength(0);
    expect(attempts).toEqual([expect.objectContaining({ provider: 'twilio', outcome: 'unknown', errorCode: 'TIMEOUT' })]);
  });

  it('ends an unknown outcome of another code (5xx on create) as TIMEOUT, keeping its reason and cause', async () => {
    const serverError: SmsProvider = {
      specificationVersion: 'v1',
      id: 'twilio',
      send: async () => {
        throw new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', message: 'Twilio: server error', fault: 'provider', outcomeUnknown: true, provider: 'twilio', httpStatus: 500, providerCode: '20500' });
      },
    };
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { error, attempts } = await send(failover([serverError, telnyx]));
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: true, httpStatus: 500, providerCode: '20500', retryable: false });
    expect((error?.cause as SmsError).code).toBe('PROVIDER_ERROR');
    expect(attempts).toEqual([expect.objectContaining({ provider: 'twilio', outcome: 'unknown', errorCode: 'PROVIDER_ERROR' })]);
    expect(telnyx.calls).toHaveLength(0);
  });

  it('treats a plain Error from a custom adapter as outcome unknown and does not fail over', async () => {
    const custom: SmsProvider = {
      specificationVersion: 'v1',
      id: 'custom',
      send: async () => {
        throw new Error('socket hang up');
      },
    };
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { error } = await send(failover([custom, telnyx]));
    expect(error).toMatchObject({ code: 'TIMEOUT', reason: 'UNCLASSIFIED_PROVIDER_ERROR', outcomeUnknown: true, provider: 'custom' });
    expect(telnyx.calls).toHaveLength(0);
  });

  it("fails over an unknown outcome only with onUnknownOutcome: 'failover-accept-duplicate-risk'", async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const { result, attempts } = await send(failover([twilio, telnyx], { onUnknownOutcome: 'failover-accept-duplicate-risk' }));
    expect(result?.provider).toBe('telnyx');
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['unknown', 'sent']);
    // The accepted risk: both may have reached the recipient.
    expect(twilio.sent.length + telnyx.sent.length).toBe(2);
  });

  it('with the duplicate risk accepted, still ends as outcome unknown when no later provider accepts', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx', outcomes: ['fail-before-send'] });
    const { error } = await send(failover([twilio, telnyx], { onUnknownOutcome: 'failover-accept-duplicate-risk' }));
    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true, provider: 'twilio' });
    expect(FinalFailureError.isInstance(error)).toBe(false);
  });

  it('ends in FINAL_FAILURE listing every provider when all refused without sending', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['fail-before-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx', outcomes: ['rate-limit'] });
    const { error } = await send(failover([twilio, telnyx]));
    expect(FinalFailureError.isInstance(error)).toBe(true);
    const final = error as FinalFailureError;
    expect(final.errors.map((each) => [each.provider, each.code])).toEqual([
      ['twilio', 'PROVIDER_ERROR'],
      ['telnyx', 'RATE_LIMITED'],
    ]);
    expect(final.message).toContain('twilio PROVIDER_ERROR/CONNECTION_FAILED');
    expect(twilio.sent.length + telnyx.sent.length).toBe(0);
  });

  it('throws a lone provider failure as is (no FINAL_FAILURE wrapping for one attempt)', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'reject', providerCode: '20003', code: 'AUTH_ERROR', fault: 'provider', httpStatus: 401 }] });
    const { error } = await send(failover([twilio]));
    expect(error).toMatchObject({ code: 'AUTH_ERROR', providerCode: '20003' });
  });

  it('tries the providers in the order a strategy picks per message, and only those', async () => {
    const twilio = createFakeProvider({ id: 'twilio' });
    const telnyx = createFakeProvider({ id: 'telnyx', outcomes: ['fail-before-send'] });
    const seen: string[][] = [];
    const provider = failover([twilio, telnyx], {
      strategy: ({ request: sent, providerIds }) => {
        seen.push([...providerIds]);
        return sent.to.startsWith('+44') ? ['telnyx', 'twilio'] : ['twilio'];
      },
    });
    const uk = await send(provider, { ...request, to: '+447400123456' });
    expect(uk.attempts.map((attempt) => `${attempt.provider}:${attempt.outcome}`)).toEqual(['telnyx:not_sent', 'twilio:sent']);
    const us = await send(provider);
    expect(us.attempts.map((attempt) => attempt.provider)).toEqual(['twilio']);
    expect(seen).toEqual([
      ['twilio', 'telnyx'],
      ['twilio', 'telnyx'],
    ]);
  });

  it.each<[string, readonly string[]]>([
    ['an unknown id', ['twilio', 'sinch']],
    ['no provider', []],
    ['a provider twice', ['twilio', 'twilio']],
  ])('refuses a strategy that returns %s, before any provider call', async (_name, ids) => {
    const twilio = createFakeProvider({ id: 'twilio' });
    const { error } = await send(failover([twilio, createFakeProvider({ id: 'telnyx' })], { strategy: () => ids }));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'failover.strategy' });
    expect(twilio.calls).toHaveLength(0);
  });

  it('reports the smallest media limit of its providers', () => {
    const provider = createFailoverProvider({
      providers: [createFakeProvider({ id: 'a', capabilities: { maxMediaUrls: 10 } }), createFakeProvider({ id: 'b', capabilities: { maxMediaUrls: 3 } })],
    });
    expect(provider.capabilities?.maxMediaUrls).toBe(3);
  });

  it('refuses an empty provider list and bad options', () => {
    expect(() => createFailoverProvider({ providers: [] })).toThrow(/providers/);
    expect(() => failover([createFakeProvider()], { onUnknownOutcome: 'retry' as never })).toThrow(/options\.onUnknownOutcome.*'fail', 'failover-accept-duplicate-risk'/);
    expect(() => failover([createFakeProvider()], { strategy: 'twilio-first' as never })).toThrow(/options\.strategy: must be a function/);
    expect(() => failover([createFakeProvider()], { onUnknown: 'fail' } as never)).toThrow(/options\.onUnknown: is not a known option/);
  });
});
