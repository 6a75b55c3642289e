import { describe, expect, it, vi } from 'vitest';
import { SmsError, ValidationError } from '../../src/errors';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { captureResultEvent } from '../../src/events/result-event-capture';
import type { SmsEvent, SmsResultEvent } from '../../src/events/sms-event';
import type { SendRequest } from '../../src/messages/send-request';
import { SMSService } from '../../src/service/sms-service';
import type { SMSServiceOptions } from '../../src/service/sms-service-options';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import { createFakeProvider, type FakeProvider } from '../../src/testing/create-fake-provider';

const to = '+14155552671';

function setup(options: Partial<SMSServiceOptions> = {}, provider: FakeProvider = createFakeProvider({ id: 'twilio' })) {
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));
  const store = createInMemoryMessageStore();
  let counter = 0;
  const sms = new SMSService({
    providers: [provider],
    events,
    store,
    clock: { now: () => Date.UTC(2026, 0, 1) },
    generateId: () => `id-${++counter}`,
    ...options,
  });
  return { sms, provider, published, store };
}

describe('SMSService.send: the standalone pipeline', () => {
  it('sends a GSM-7 message and returns the full SendResult', async () => {
    const { sms, provider } = setup();
    const result = await sms.send({ to, body: 'Your code is 123456', from: '+14155550100', tenantId: 'org-1' });
    expect(result).toEqual({
      id: 'id-1',
      status: 'queued',
      provider: 'twilio',
      providerMessageId: 'twilio-1',
      to,
      from: '+14155550100',
      segments: 1,
      encoding: 'GSM-7',
      units: 19,
      cost: { currency: 'USD', amount: '0.0075', micros: 7500 },
      attempts: [{ provider: 'twilio', outcome: 'sent', errorCode: null, errorReason: null, providerCode: null, durationMs: 0 }],
      tenantId: 'org-1',
      correlationId: 'id-1',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(provider.calls).toHaveLength(1);
    expect(provider.calls[0]?.request).toMatchObject({ messageId: 'id-1', to, body: 'Your code is 123456', encoding: 'GSM-7', segments: 1, tenantId: 'org-1' });
  });

  it('counts UCS-2 with emoji and multi-segment bodies exactly, and prices per segment', async () => {
    const { sms } = setup({}, createFakeProvider({ id: 'telnyx' }));
    const emoji = await sms.send({ to, body: 'Ciao 👋 a domani' });
    expect(emoji).toMatchObject({ encoding: 'UCS-2', segments: 1, units: 16, cost: { amount: '0.0040' } });
    const long = await sms.send({ to, body: 'a'.repeat(161) });
    expect(long).toMatchObject({ encoding: 'GSM-7', segments: 2, cost: { amount: '0.0080', micros: 8000 } });
  });

  it('normalises a national number with the configured default country', async () => {
    const { sms, provider } = setup({ phone: { defaultCountry: 'GB' } });
    const result = await sms.send({ to: '07400 123456', body: 'Hi' });
    expect(result.to).toBe('+447400123456');
    expect(provider.calls[0]?.request.to).toBe('+447400123456');
  });

  it('prices with per-country overrides and leaves cost null for a provider without a price', async () => {
    const priced = setup({ pricing: { twilio: { currency: 'USD', perSegment: '0.0075', countries: { GB: '0.0400' } } } });
    expect((await priced.sms.send({ to: '+447400123456', body: 'Hi' })).cost?.amount).toBe('0.0400');
    const custom = setup({}, createFakeProvider({ id: 'my-gateway' }));
    expect((await custom.sms.send({ to, body: 'Hi' })).cost).toBeNull();
  });

  it('records the message in the store', async () => {
    const { sms, store } = setup();
    await sms.send({ to, body: 'Stored', metadata: { campaign: 'spring' }, tenantId: 'org-1' });
    expect(await store.get('id-1')).toMatchObject({
      id: 'id-1',
      tenantId: 'org-1',
      direction: 'outbound',
      to,
      body: 'Stored',
      provider: 'twilio',
      providerMessageId: 'twilio-1',
      status: 'queued',
      cost: '0.0075',
      currency: 'USD',
      segments: 1,
      encoding: 'GSM-7',
      metadata: { campaign: 'spring' },
      sentAt: '2026-01-01T00:00:00.000Z',
      errorCode: null,
    });
    expect((await store.findByProviderMessageId('twilio', 'twilio-1'))?.id).toBe('id-1');
  });

  it('publishes sms.sent shaped like the host platform’s response event', async () => {
    const { sms, published } = setup();
    await sms.send({ to, body: 'Hi', correlationId: 'request-42', tenantId: 'org-1', metadata: { ticket: 7 } });
    expect(published).toEqual([
      {
        type: 'sms.sent',
        schema_version: 1,
        event_id: 'id-2',
        correlation_id: 'request-42',
        tenant_id: 'org-1',
        timestamp: '2026-01-01T00:00:00.000Z',
        status: 'success',
        data: {
          message_id: 'id-1',
          provider_message_id: 'twilio-1',
          to_number: to,
          from_number: null,
          provider: 'twilio',
          cost: '0.0075',
          currency: 'USD',
          segments: 1,
          encoding: 'GSM-7',
          error: null,
          metadata: { ticket: 7 },
        },
      },
    ]);
  });

  it('on a provider error: records the failure, publishes sms.failed and rejects with the SmsError', async () => {
    const provider = createFakeProvider({ id: 'twilio', outcomes: [{ type: 'reject', providerCode: '21610', code: 'VALIDATION_ERROR', reason: 'OPTED_OUT' }] });
    const { sms, published, store } = setup({}, provider);
    const error = await sms.send({ to, body: 'Hi' }).catch((thrown: unknown) => thrown);
    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', providerCode: '21610' });
    expect(await store.get('id-1')).toMatchObject({ status: 'failed', errorCode: 'VALIDATION_ERROR', errorReason: 'OPTED_OUT', providerMessageId: null, cost: null });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      type: 'sms.failed',
      status: 'failed',
      data: { message_id: 'id-1', to_number: to, provider: 'twilio', cost: null, error: { code: 'VALIDATION_ERROR', reason: 'OPTED_OUT', outcome_unknown: false } },
    });
  });

  it('records an unknown outcome as status unknown, never as failed', async () => {
    const { sms, store, published } = setup({}, createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send'] }));
    await expect(sms.send({ to, body: 'Hi' })).rejects.toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
    expect((await store.get('id-1'))?.status).toBe('unknown');
    expect(published[0]).toMatchObject({ type: 'sms.failed', data: { error: { code: 'TIMEOUT', outcome_unknown: true } } });
  });

  it('fails over across several providers and lists every attempt', async () => {
    const twilio = createFakeProvider({ id: 'twilio', outcomes: ['fail-before-send'] });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    const sms = new SMSService({ providers: [twilio, telnyx], clock: { now: () => 0 } });
    const result = await sms.send({ to, body: 'Hi' });
    expect(result.provider).toBe('telnyx');
    expect(result.cost?.amount).toBe('0.0040');
    expect(result.attempts.map((attempt) => `${attempt.provider}:${attempt.outcome}:${attempt.errorCode}`)).toEqual([
      'twilio:not_sent:PROVIDER_ERROR',
      'telnyx:sent:null',
    ]);
    expect(twilio.sent.length + telnyx.sent.length).toBe(1);
  });

  it('still returns the result when the event bus fails after sending (no double send invited)', async () => {
    const onBackgroundError = vi.fn();
    const provider = createFakeProvider({ id: 'twilio' });
    const sms = new SMSService({ providers: [provider], events: { publish: async () => Promise.reject(new Error('bus down')) }, onBackgroundError });
    await expect(sms.send({ to, body: 'Hi' })).resolves.toMatchObject({ provider: 'twilio' });
    expect(provider.sent).toHaveLength(1);
    expect(onBackgroundError.mock.calls.map(([, context]) => context.stage)).toEqual(['events']);
  });

  it('reports background failures with process.emitWarning by default', async () => {
    const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const sms = new SMSService({ providers: [createFakeProvider()], events: { publish: async () => Promise.reject(new Error('bus down')) } });
    await sms.send({ to, body: 'Hi' });
    expect(warning).toHaveBeenCalledWith(expect.stringContaining('could not publish'), expect.objectContaining({ code: 'TOOLS_CORE_BACKGROUND' }));
    warning.mockRestore();
  });

  it('hands the result event to a capture around the send instead of the events publisher, once per send', async () => {
    const provider = createFakeProvider({ id: 'twilio', outcomes: ['accept', { type: 'reject', providerCode: '21610', code: 'VALIDATION_ERROR', reason: 'OPTED_OUT' }] });
    const { sms, published } = setup({}, provider);
    const taken: Array<SmsResultEvent | undefined> = [];
    const capture = async (request: SendRequest) => void taken.push((await captureResultEvent(() => sms.send(request))).event);
    await capture({ to, body: 'Hi', idempotencyKey: 'order-1' });
    await capture({ to, body: 'Hi', idempotencyKey: 'order-2' });
    // Refused before any provider call: still one sms.failed, to the capture.
    await capture({ to: 'nope', body: 'Hi' });
    // A replay publishes nothing: the first send did.
    await capture({ to, body: 'Hi', idempotencyKey: 'order-1' });
    expect(taken.map((event) => (event === undefined ? 'none' : `${event.type}/${event.data.error?.reason ?? '-'}`))).toEqual([
      'sms.sent/-',
      'sms.failed/OPTED_OUT',
      'sms.failed/INVALID_CHARACTERS',
      'none',
    ]);
    expect(published).toEqual([]);
    // Without a capture the publisher gets it again.
    await sms.send({ to, body: 'Hi' });
    expect(published.map((event) => event.type)).toEqual(['sms.sent']);
  });

  it.each([
    ['null options', null],
    ['the onResultEvent option of 0.1', { onResultEvent: () => undefined }],
  ])('refuses a second argument (%s) before any provider call, naming what replaced it', async (_name, options) => {
    const { sms, provider, published } = setup();
    const error = await (sms.send as (request: SendRequest, options: unknown) => Promise<unknown>)({ to, body: 'Hi' }, options).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/^options: send\(\) takes one argument since 0\.2.*captureResultEvent/);
    expect(provider.calls).toHaveLength(0);
    expect(published).toEqual([]);
  });

  it('passes validity period, schedule and media to the provider', async () => {
    const { sms, provider } = setup();
    const sendAt = new Date(Date.UTC(2026, 0, 2));
    await sms.send({ to, body: '', mediaUrls: ['https://example.com/a.jpg'], validityPeriodSeconds: 600, sendAt });
    expect(provider.calls[0]?.request).toMatchObject({ mediaUrls: ['https://example.com/a.jpg'], validityPeriodSeconds: 600, sendAt, body: '', segments: 0 });
  });
});

describe('SMSService.send: bad input is refused before any provider call', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['a number without country code', { to: '4155552671', body: 'Hi' }, 'to', /E\.164/],
    ['an invalid number', { to: '+1415555267', body: 'Hi' }, 'to', /to/],
    ['junk around a number', { to: 'call +14155552671 now', body: 'Hi' }, 'to', /to/],
    ['a premium-rate number', { to: '+19005550100', body: 'Hi' }, 'to', /to/],
    ['a non-string number', { to: 14155552671, body: 'Hi' }, 'to', /expected string/],
    ['a missing number', { body: 'Hi' }, 'to', /to/],
    ['an empty body without media', { to, body: '' }, 'body', /mediaUrls/],
    ['a whitespace-only body', { to, body: '  \n ' }, 'body', /empty/],
    ['a zero-width-only body', { to, body: '\u200B\u200C\u200D\u2060\uFEFF' }, 'body', /zero-width characters/],
    ['a 100 MB body (refused by its length, before any scan)', { to, body: 'a'.repeat(100 * 1024 * 1024) }, 'body', /104857600 UTF-16 code units; 10 segments \(maxSegments\) hold at most 1600/],
    ['a NUL character', { to, body: 'a\u0000b' }, 'body', /U\+0000 at index 1/],
    ['a C1 control', { to, body: 'a\u0085' }, 'body', /U\+0085/],
    ['a bidi override', { to, body: 'pay \u202Eevil' }, 'body', /U\+202E/],
    ['a lone surrogate', { to, body: 'broken \uD83D' }, 'body', /lone UTF-16 surrogate at index 7/],
    ['a body over 10 segments', { to, body: 'a'.repeat(1531) }, 'body', /11 segments.*limit is 10/],
    ['a UCS-2 body over 10 segments', { to, body: 'ж'.repeat(671) }, 'body', /UCS-2.*ж/],
    ['a relative media URL', { to, body: 'x', mediaUrls: ['/a.jpg'] }, 'mediaUrls[0]', /absolute URL/],
    ['a non-http media URL', { to, body: 'x', mediaUrls: ['https://example.com/a.jpg', 'ftp://example.com/a.jpg'] }, 'mediaUrls[1]', /ftp:/],
    ['a media URL with credentials', { to, body: 'x', mediaUrls: ['https://user:pw@example.com/a.jpg'] }, 'mediaUrls[0]', /credentials/],
    ['eleven media URLs', { to, body: 'x', mediaUrls: Array.from({ length: 11 }, (_, index) => `https://example.com/${index}.jpg`) }, 'mediaUrls', /at most 10/],
    ['an unknown option', { to, body: 'x', priority: 'high' }, 'priority', /is not a send option.*the send options are to, body, from, mediaUrls/],
    ['a typo of mediaUrls', { to, body: 'x', mediaUrl: ['https://example.com/a.jpg'] }, 'mediaUrl', /did you mean mediaUrls\?/],
    ['a bad sender', { to, body: 'x', from: 'not a sender!' }, 'from', /alphanumeric/],
    ['a bad E.164 sender', { to, body: 'x', from: '+1' }, 'from', /from/],
    ['a validity period out of range', { to, body: 'x', validityPeriodSeconds: 36_001 }, 'validityPeriodSeconds', /36000/],
    ['an empty idempotency key', { to, body: 'x', idempotencyKey: '' }, 'idempotencyKey', /255/],
    ['a nested metadata value', { to, body: 'x', metadata: { nested: { a: 1 } } }, 'metadata.nested', /metadata|object/],
    ['too many metadata keys', { to, body: 'x', metadata: Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`k${index}`, index])) }, 'metadata', /51 keys/],
    ['a non-object request', 'hello', 'request', /object/],
  ];

  it.each(cases)('%s', async (_name, input, field, message) => {
    const { sms, provider, published } = setup();
    const error = await sms.send(input as never).catch((thrown: unknown) => thrown);
    expect(ValidationError.isInstance(error)).toBe(true);
    const validation = error as ValidationError;
    expect(validation.code).toBe('VALIDATION_ERROR');
    expect(validation.field).toBe(field);
    expect(validation.message).toMatch(message);
    expect(validation.message).toContain('Fix:');
    expect(validation.message).not.toContain('4155552671');
    expect(provider.calls).toHaveLength(0);
    expect(published).toEqual([expect.objectContaining({ type: 'sms.failed', data: expect.objectContaining({ error: expect.objectContaining({ code: 'VALIDATION_ERROR', field }) }) })]);
  });

  it('accepts allowed alphanumeric senders and short codes', async () => {
    const { sms } = setup();
    await expect(sms.send({ to, body: 'x', from: 'Ocelot' })).resolves.toMatchObject({ from: 'Ocelot' });
    await expect(sms.send({ to, body: 'x', from: '12345' })).resolves.toMatchObject({ from: '12345' });
  });

  it('refuses a destination outside the allowed countries', async () => {
    const { sms, provider } = setup({ phone: { allowedCountries: ['GB'] } });
    await expect(sms.send({ to, body: 'x' })).rejects.toMatchObject({ field: 'to', reason: 'COUNTRY_NOT_ALLOWED' });
    expect(provider.calls).toHaveLength(0);
  });

  it('honours a raised maxSegments and a lowered maxMediaUrls', async () => {
    const { sms } = setup({ maxSegments: 12, maxMediaUrls: 1 });
    await expect(sms.send({ to, body: 'a'.repeat(1531) })).resolves.toMatchObject({ segments: 11 });
    await expect(sms.send({ to, body: 'x', mediaUrls: ['https://example.com/1.jpg', 'https://example.com/2.jpg'] })).rejects.toMatchObject({ field: 'mediaUrls' });
  });
});

describe('new SMSService: options are checked at construction', () => {
  const provider = createFakeProvider();
  it.each<[string, unknown, RegExp]>([
    ['no providers', { providers: [] }, /options\.providers: is empty/],
    ['a non-provider', { providers: [{}] }, /options\.providers\[0\]/],
    ['duplicate ids', { providers: [provider, createFakeProvider()] }, /repeats the provider id "fake"/],
    ['an unknown option', { providers: [provider], retries: 3 }, /options\.retries/],
    ['maxSegments 0', { providers: [provider], maxSegments: 0 }, /options\.maxSegments: 0 is not a whole number from 1 to 255/],
    ['maxSegments as a string', { providers: [provider], maxSegments: '10' }, /options\.maxSegments: must be a number, got a string\. Fix: pass a whole number from 1 to 255/],
    ['maxMediaUrls as a float', { providers: [provider], maxMediaUrls: 1.5 }, /options\.maxMediaUrls: 1\.5 is not a whole number from 0 to 100/],
    ['a bad segment option', { providers: [provider], segments: { udhOctets: 9 } }, /udhOctets/],
    ['an unknown phone option', { providers: [provider], phone: { country: 'US' } }, /options\.country/],
    ['an unknown allowed country', { providers: [provider], phone: { allowedCountries: ['XX'] } }, /allowedCountries/],
  ])('%s', (_name, options, message) => {
    expect(() => new SMSService(options as SMSServiceOptions)).toThrow(message);
  });

  it('accepts a single provider without an array', async () => {
    const sms = new SMSService({ providers: createFakeProvider({ id: 'twilio' }) });
    await expect(sms.send({ to, body: 'x' })).resolves.toMatchObject({ provider: 'twilio' });
  });
});
