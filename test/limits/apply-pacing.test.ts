import { describe, expect, it } from 'vitest';
import { applyPacing } from '../../src/limits/apply-pacing';
import type { PacingOptions } from '../../src/limits/quota-options';
import type { PaceRequest, SenderPacer } from '../../src/limits/sender-pacer';
import type { ProviderSendRequest } from '../../src/providers/provider';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const request: ProviderSendRequest = { messageId: 'message-1', to: '+14155550123', body: 'Hello', mediaUrls: [], encoding: 'GSM-7', segments: 1 };
const context = { clock: { now: () => 0 }, onStoreDecision: () => undefined };

function recordingPacer(): SenderPacer & { requests: PaceRequest[] } {
  const requests: PaceRequest[] = [];
  return {
    requests,
    reserve: (paceRequest) => {
      requests.push(paceRequest);
      return Promise.resolve({ accepted: true, waitMs: 0, retryAfterMs: undefined, storeError: undefined });
    },
  };
}

describe('applyPacing', () => {
  it('returns the providers themselves without pacing', () => {
    const providers = [createFakeProvider({ id: 'twilio' })];
    expect(applyPacing(providers, undefined, context)).toBe(providers);
  });

  it('wraps only providers with a rule, sharing one pacer, providers[id] over default', async () => {
    const twilio = createFakeProvider({ id: 'twilio' });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const pacer = recordingPacer();
    const wrapped = applyPacing([twilio, telnyx], { pacer, providers: { twilio: { messagesPerSecond: 2 } } }, context);
    expect(wrapped[1]).toBe(telnyx);
    expect(wrapped[0]).not.toBe(twilio);
    await wrapped[0]?.send(request);
    expect(pacer.requests).toEqual([{ key: 'twilio:default', intervalMs: 500, maxWaitMs: 25_000 }]);

    const withDefault = applyPacing([twilio, telnyx], { pacer, default: { messagesPerSecond: 1 }, providers: { twilio: { messagesPerSecond: 2 } } }, context);
    await withDefault[1]?.send(request);
    expect(pacer.requests[1]).toEqual({ key: 'telnyx:default', intervalMs: 1000, maxWaitMs: 30_000 });
  });

  it('wraps every provider when only senders are set', async () => {
    const pacer = recordingPacer();
    const twilio = createFakeProvider({ id: 'twilio' });
    const [wrapped] = applyPacing([twilio], { pacer, senders: { '12345': { messagesPerSecond: 10 } } }, context);
    expect(wrapped).not.toBe(twilio);
    await wrapped?.send({ ...request, from: '12345' });
    expect(pacer.requests).toEqual([{ key: 'twilio:12345', intervalMs: 100, maxWaitMs: 5000 }]);
  });

  it.each([
    [{ pacer: {} }, 'options.pacing.pacer: is not a SenderPacer (it needs a reserve function).'],
    [{ providers: { vonage: { messagesPerSecond: 1 } } }, 'options.pacing.providers["vonage"]: names no configured provider. Fix: use one of the provider ids: twilio.'],
    [{}, 'options.pacing: sets no rule.'],
    [{ rate: 1 }, 'options.pacing.rate: is not a known option.'],
    [{ default: { messagesPerSecond: -1 } }, 'options.pacing.default.messagesPerSecond'],
    [{ senders: 'x' }, 'options.pacing.senders: must be an object'],
  ])('refuses %o', (pacing, message) => {
    expect(() => applyPacing([createFakeProvider({ id: 'twilio' })], pacing as unknown as PacingOptions, context)).toThrow(message);
  });
});
