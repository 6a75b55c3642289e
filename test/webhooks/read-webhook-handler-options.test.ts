import { describe, expect, it } from 'vitest';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { Logger } from '../../src/logging/logger';
import { createInMemoryOptOutStore } from '../../src/opt-outs/in-memory-opt-out-store';
import { BUILT_IN_PROVIDERS } from '../../src/providers/built-in-providers';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import { readWebhookHandlerOptions } from '../../src/webhooks/read-webhook-handler-options';
import type { WebhookHandlerOptions } from '../../src/webhooks/webhook-handler-options';
import { TELNYX_PUBLIC_KEY, TWILIO_TOKEN } from './support/webhook-fixtures';

const base = (): WebhookHandlerOptions => ({ store: createInMemoryMessageStore(), events: createInMemoryEventPublisher(), providers: { twilio: { authToken: TWILIO_TOKEN } } });

describe('readWebhookHandlerOptions', () => {
  it('fills in the defaults and lists every built-in vendor, refusing unconfigured ones by missingSecret', () => {
    const settings = readWebhookHandlerOptions(base());
    expect(settings).toMatchObject({ optOuts: undefined, service: undefined, dedupeTtlMs: 86_400_000, maxBodyBytes: 1_048_576, helpReply: undefined, inboundTenantId: undefined });
    expect(settings.vendors.map((vendor) => vendor.definition.id)).toEqual(BUILT_IN_PROVIDERS.map((definition) => definition.id));
    expect(settings.vendors.find((vendor) => vendor.definition.id === 'twilio')?.webhook.missingSecret).toBeUndefined();
    expect(settings.vendors.find((vendor) => vendor.definition.id === 'telnyx')?.webhook.missingSecret).toEqual(expect.any(String));
    expect(settings.generateId()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes store, events and optOuts from the service', () => {
    const store = createInMemoryMessageStore();
    const events = createInMemoryEventPublisher();
    const optOuts = createInMemoryOptOutStore();
    const settings = readWebhookHandlerOptions({ service: { store, events, optOuts }, providers: {} } as unknown as WebhookHandlerOptions);
    expect(settings.store).toBe(store);
    expect(settings.events).toBe(events);
    expect(settings.optOuts).toBe(optOuts);
  });

  it.each([
    [{ secret: 'x' }, 'options.secret: is not a webhook handler option.'],
    [{ store: {} }, 'options.store: is missing or not a MessageStore.'],
    [{ events: {} }, 'options.events: is missing or not an EventPublisher.'],
    [{ optOuts: {} }, 'options.optOuts: is not an OptOutStore'],
    [{ providers: undefined }, 'options.providers: is missing.'],
    [{ providers: { sinch: {} } }, 'options.providers.sinch: is not a supported provider.'],
    [{ helpReply: ' ' }, 'options.helpReply: is not a text of 1 to 1600 characters.'],
    [{ helpReply: 'Help', providers: { telnyx: { publicKey: TELNYX_PUBLIC_KEY } } }, 'options.helpReply: is set with Telnyx, but Telnyx webhooks cannot carry a reply.'],
    [{ dedupeTtlMs: 299_999 }, 'options.dedupeTtlMs: 299999 is out of range.'],
    [{ maxBodyBytes: 1023 }, 'options.maxBodyBytes: 1023 is out of range.'],
    [{ generateId: 'id' }, 'options.generateId: is not a function.'],
    [{ dedupe: { claim: () => undefined } }, 'options.dedupe: is not a WebhookDedupeStore (claim, release).'],
  ])('refuses %o', (overrides, message) => {
    expect(() => readWebhookHandlerOptions({ ...base(), ...overrides } as unknown as WebhookHandlerOptions)).toThrow(message);
  });

  it('refuses a non-object', () => {
    expect(() => readWebhookHandlerOptions(null as unknown as WebhookHandlerOptions)).toThrow('options: is not an object.');
  });

  it('reports errors on the logger by default, naming the stage, provider and message', () => {
    const warnings: Array<{ fields: Record<string, unknown>; message: string }> = [];
    const logger: Logger = { info: () => undefined, error: () => undefined, warn: (fields, message) => warnings.push({ fields, message }) };
    const settings = readWebhookHandlerOptions({ ...base(), logger });
    const error = new Error('db down');
    settings.onError(error, { stage: 'store', provider: 'twilio', messageId: 'm1' });
    settings.onError('x', { stage: 'handler', provider: null, messageId: null });
    expect(warnings).toEqual([
      { fields: { code: 'TOOLS_CORE_WEBHOOK', stage: 'store', provider: 'twilio', messageId: 'm1', err: error }, message: 'tools-core could not record a webhook in the message store (twilio, message m1): db down' },
      { fields: { code: 'TOOLS_CORE_WEBHOOK', stage: 'handler', provider: null, messageId: null, err: 'x' }, message: 'tools-core could not handle a webhook: x' },
    ]);
  });
});
