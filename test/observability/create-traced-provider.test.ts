import { describe, expect, it } from 'vitest';
import { createTracedProvider } from '../../src/observability/create-traced-provider';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import { inMemoryTracing } from '../support/in-memory-tracing';

const request = { messageId: 'message-1', to: '+14155552671', body: 'Secret 482913', mediaUrls: [], encoding: 'GSM-7' as const, segments: 1 };

describe('createTracedProvider', () => {
  it('returns the same port: id, capabilities, ready and the reconciliation reads are forwarded', async () => {
    const fake = createFakeProvider({ id: 'twilio', capabilities: { maxMediaUrls: 3, listingDelayMs: 1_000 } });
    const traced = createTracedProvider(fake, inMemoryTracing().tracer);
    expect(traced.id).toBe('twilio');
    expect(traced.capabilities).toEqual({ maxMediaUrls: 3, listingDelayMs: 1_000 });
    const sent = await traced.send(request);
    expect(await traced.fetchMessage?.({ providerMessageId: sent.providerMessageId })).toMatchObject({ providerMessageId: sent.providerMessageId, status: 'queued' });
    expect(await traced.findMessages?.({ to: request.to, createdAfter: new Date(0), createdBefore: new Date(Date.now() + 60_000), body: request.body, limit: 5 })).toHaveLength(1);
    expect(fake.calls).toHaveLength(1);
  });

  it("records a refusal with the provider's code and rethrows the very error", async () => {
    const { tracer, spans } = inMemoryTracing();
    const traced = createTracedProvider(createFakeProvider({ id: 'twilio', outcomes: [{ type: 'reject', providerCode: '21211', reason: 'INVALID_PHONE_NUMBER', code: 'VALIDATION_ERROR' }] }), tracer);
    const failure = await traced.send(request).catch((error: unknown) => error);
    expect(failure).toMatchObject({ providerCode: '21211', reason: 'INVALID_PHONE_NUMBER' });
    expect(spans()[0]?.attributes).toMatchObject({ 'sms.outcome': 'not_sent', 'error.type': 'VALIDATION_ERROR', 'sms.error.reason': 'INVALID_PHONE_NUMBER', 'sms.provider_code': '21211', 'sms.to': '+1415•••2671' });
    expect(spans()[0]?.status).toEqual({ code: 2, message: 'INVALID_PHONE_NUMBER' });
    expect(JSON.stringify(spans()[0]?.attributes)).not.toContain('482913');
  });
});
