import { describe, expect, it } from 'vitest';
import { createPacedProvider } from '../../src/limits/create-paced-provider';
import { createInMemorySenderPacer } from '../../src/limits/in-memory-sender-pacer';
import { QuotaExceededError } from '../../src/limits/quota-exceeded-error';
import type { PaceDecision, PaceRequest, SenderPacer } from '../../src/limits/sender-pacer';
import type { ProviderSendRequest } from '../../src/providers/provider';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const request: ProviderSendRequest = { messageId: 'message-1', to: '+14155550123', body: 'Hello', mediaUrls: [], encoding: 'GSM-7', segments: 1 };

function scriptedPacer(decision: PaceDecision): SenderPacer & { requests: PaceRequest[] } {
  const requests: PaceRequest[] = [];
  return {
    requests,
    reserve: (paceRequest) => {
      requests.push(paceRequest);
      return Promise.resolve(decision);
    },
  };
}

const accepted: PaceDecision = { accepted: true, waitMs: 0, retryAfterMs: undefined, storeError: undefined };

describe('createPacedProvider', () => {
  it('keeps the provider id and capabilities and reserves the slot of provider:sender with the resolved rule', async () => {
    const provider = createFakeProvider({ id: 'twilio', capabilities: { maxMediaUrls: 10 } });
    const pacer = scriptedPacer(accepted);
    const paced = createPacedProvider({ provider, rule: { messagesPerSecond: 2, maxQueue: 4 }, senders: { '12345': { messagesPerSecond: 100 } }, pacer });
    expect(paced.id).toBe('twilio');
    expect(paced.capabilities).toEqual({ maxMediaUrls: 10 });
    await paced.send(request);
    await paced.send({ ...request, from: '12345' });
    await paced.send({ ...request, from: '+14155550100' });
    expect(pacer.requests).toEqual([
      { key: 'twilio:default', intervalMs: 500, maxWaitMs: 2000 },
      { key: 'twilio:12345', intervalMs: 10, maxWaitMs: 500 },
      { key: 'twilio:+14155550100', intervalMs: 500, maxWaitMs: 2000 },
    ]);
    expect(provider.sent).toHaveLength(3);
  });

  it('does not pace a sender without a rule', async () => {
    const provider = createFakeProvider({ id: 'twilio' });
    const pacer = scriptedPacer(accepted);
    const paced = createPacedProvider({ provider, senders: { '12345': { messagesPerSecond: 1 } }, pacer });
    await paced.send({ ...request, from: '+14155550100' });
    expect(pacer.requests).toEqual([]);
    expect(provider.sent).toHaveLength(1);
  });

  it('refuses a full queue with a not-sent QuotaExceededError for the masked sender, never calling the provider', async () => {
    const provider = createFakeProvider({ id: 'twilio' });
    const storeDecisions: Array<Error | undefined> = [];
    const storeError = new Error('redis down');
    const paced = createPacedProvider({
      provider,
      rule: { messagesPerSecond: 1 },
      pacer: scriptedPacer({ accepted: false, waitMs: 0, retryAfterMs: 0, storeError }),
      onStoreDecision: (error) => storeDecisions.push(error),
    });
    const error = await paced.send({ ...request, from: '+14155550100', tenantId: 'org-1' }).catch((caught: unknown) => caught);
    expect(QuotaExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', reason: 'SENDER_QUEUE_FULL', window: 'sender', limit: 50, retryAfterMs: 1, fault: 'request', provider: 'twilio', tenantId: 'org-1' });
    expect((error as Error).message).not.toContain('+14155550100');
    expect((error as Error).message).toContain('of twilio reached its');
    expect(storeDecisions).toEqual([storeError]);
    expect(provider.calls).toHaveLength(0);
  });

  it('falls back to the interval for retryAfterMs and names a short code as is', async () => {
    const paced = createPacedProvider({ provider: createFakeProvider({ id: 'telnyx' }), rule: { messagesPerSecond: 4 }, pacer: scriptedPacer({ accepted: false, waitMs: 0, retryAfterMs: undefined, storeError: undefined }) });
    await expect(paced.send({ ...request, from: '12345' })).rejects.toMatchObject({ retryAfterMs: 250, message: expect.stringContaining('The sender 12345 of telnyx') as unknown });
  });

  it('ends an aborted wait with a not-sent TIMEOUT and no provider call', async () => {
    const provider = createFakeProvider({ id: 'twilio' });
    const paced = createPacedProvider({ provider, rule: { messagesPerSecond: 1 }, pacer: scriptedPacer({ accepted: true, waitMs: 60_000, retryAfterMs: undefined, storeError: undefined }) });
    const controller = new AbortController();
    controller.abort();
    await expect(paced.send(request, { signal: controller.signal })).rejects.toMatchObject({
      code: 'TIMEOUT',
      reason: 'ABORTED_WHILE_PACED',
      outcomeUnknown: false,
      fault: 'request',
      retryable: true,
      message: 'The send was aborted while waiting for its sender\'s slot on "twilio"; nothing was sent.',
    });
    expect(provider.calls).toHaveLength(0);
  });

  it('paces with the in-memory pacer: the second send of one sender is refused past maxQueue 0', async () => {
    let now = 0;
    const paced = createPacedProvider({ provider: createFakeProvider({ id: 'twilio' }), rule: { messagesPerSecond: 1, maxQueue: 0 }, pacer: createInMemorySenderPacer({ clock: { now: () => now } }) });
    await paced.send(request);
    await expect(paced.send(request)).rejects.toMatchObject({ reason: 'SENDER_QUEUE_FULL', retryAfterMs: 1000 });
    now = 1000;
    await expect(paced.send(request)).resolves.toMatchObject({ status: expect.any(String) as unknown });
  });

  it('checks its rules at construction', () => {
    expect(() => createPacedProvider({ provider: createFakeProvider(), rule: { messagesPerSecond: 0 } })).toThrow('options.rule.messagesPerSecond');
    expect(() => createPacedProvider({ provider: createFakeProvider(), senders: { a: { messagesPerSecond: 20_000 } } })).toThrow('options.senders["a"].messagesPerSecond');
  });
});
