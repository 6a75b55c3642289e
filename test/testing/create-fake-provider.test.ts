import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors';
import type { ProviderSendRequest } from '../../src/providers/provider';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const request: ProviderSendRequest = {
  messageId: 'message-1',
  to: '+14155550123',
  from: '+14155550100',
  body: 'Hello',
  mediaUrls: [],
  encoding: 'GSM-7',
  segments: 1,
};

async function failure(promise: Promise<unknown>): Promise<SmsError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!SmsError.isInstance(error)) throw new Error(`expected an SmsError, got ${String(error)}`);
  return error;
}

describe('createFakeProvider', () => {
  it('accepts by default and records the call and the sent message', async () => {
    const provider = createFakeProvider({ id: 'twilio' });
    const result = await provider.send(request);
    expect(result).toMatchObject({ providerMessageId: 'twilio-1', status: 'queued', from: '+14155550100', segments: 1 });
    expect(provider.calls).toEqual([{ request, outcome: 'accept' }]);
    expect(provider.sent).toEqual([request]);
    expect(provider.specificationVersion).toBe('v1');
  });

  it('plays the script in order, then accepts', async () => {
    const provider = createFakeProvider({
      outcomes: [{ type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR', reason: 'INVALID_RECIPIENT' }, 'rate-limit'],
    });
    expect(await failure(provider.send(request))).toMatchObject({ code: 'VALIDATION_ERROR', providerCode: '21211', fault: 'request', outcomeUnknown: false });
    expect(await failure(provider.send(request))).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 1000, retryable: true, fault: 'provider' });
    await expect(provider.send(request)).resolves.toMatchObject({ providerMessageId: 'fake-1' });
    expect(provider.calls).toHaveLength(3);
    expect(provider.sent).toHaveLength(1);
  });

  it('reports fail-before-send as not sent and timeout-after-send as unknown but sent', async () => {
    const provider = createFakeProvider({ outcomes: ['fail-before-send', 'timeout-after-send'] });
    expect(await failure(provider.send(request))).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CONNECTION_FAILED', outcomeUnknown: false });
    expect(provider.sent).toHaveLength(0);
    expect(await failure(provider.send(request))).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true, retryable: false });
    expect(provider.sent).toHaveLength(1);
  });

  it('takes a function script and custom accept fields', async () => {
    const provider = createFakeProvider({
      outcomes: (_request, callIndex) => ({ type: 'accept', providerMessageId: `SM${callIndex}`, status: 'sent' }),
    });
    await expect(provider.send(request)).resolves.toMatchObject({ providerMessageId: 'SM0', status: 'sent' });
    await expect(provider.send(request)).resolves.toMatchObject({ providerMessageId: 'SM1' });
  });

  it('enqueues more outcomes and resets', async () => {
    const provider = createFakeProvider();
    provider.enqueue({ type: 'rate-limit', retryAfterMs: 30 });
    expect(await failure(provider.send(request))).toMatchObject({ retryAfterMs: 30 });
    provider.reset();
    expect(provider.calls).toHaveLength(0);
    await provider.send(request);
    expect(provider.sent).toHaveLength(1);
  });

  it('aborts a delayed accept through the signal as an unknown outcome', async () => {
    const provider = createFakeProvider({ outcomes: [{ type: 'accept', delayMs: 10_000 }] });
    const controller = new AbortController();
    const pending = failure(provider.send(request, { signal: controller.signal }));
    controller.abort();
    expect(await pending).toMatchObject({ code: 'TIMEOUT', reason: 'ABORTED', outcomeUnknown: true });
  });
});
