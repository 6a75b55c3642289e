/**
 * Shared fixtures for the webhook tests: secrets, a fixed clock, signed Twilio and Telnyx requests
 * built with the shipped signing helpers, and a service + handler wired like a host would.
 */
import { createInMemoryEventPublisher, type InMemoryEventPublisher } from '../../../src/events/in-memory-event-publisher';
import type { SmsEvent } from '../../../src/events/sms-event';
import { createInMemoryOptOutStore, type InMemoryOptOutStore } from '../../../src/opt-outs/in-memory-opt-out-store';
import { SMSService } from '../../../src/service/sms-service';
import { createInMemoryMessageStore, type InMemoryMessageStore } from '../../../src/store/in-memory-message-store';
import { createFakeProvider, type FakeProvider } from '../../../src/testing/create-fake-provider';
import type { FakeProviderOutcome } from '../../../src/testing/fake-provider-outcome';
import { signTelnyxRequest } from '../../../src/providers/telnyx/sign-telnyx-request';
import { signTwilioRequest } from '../../../src/providers/twilio/sign-twilio-request';
import { createWebhookHandler } from '../../../src/webhooks/create-webhook-handler';
import type { WebhookErrorContext, WebhookHandlerOptions } from '../../../src/webhooks/webhook-handler-options';

export const TWILIO_TOKEN = '7c2e9f41a8b3d6e05f1a4c9b2d8e7f63';
export const TELNYX_SEED = Buffer.alloc(32, 0x2a).toString('base64');
export const TELNYX_PUBLIC_KEY = signTelnyxRequest({ body: '', privateKey: TELNYX_SEED, timestamp: 0 }).publicKey;
/** 2026-01-01T00:00:00Z */
export const NOW = Date.UTC(2026, 0, 1);
export const NOW_SECONDS = NOW / 1000;
export const OURS = '+14155550100';
export const RECIPIENT = '+14155552671';
export const ENDPOINT = 'https://hooks.example.com/webhooks/sms';
export const TWILIO_SID = 'SM9b2e4d6f8a0c1e3f5a7b9d1f3e5c7a9b';
export const TELNYX_ID = '40385f64-5717-4562-b3fc-2c963f66afa6';

export type FormParams = Record<string, string | string[]>;

export function formBody(params: FormParams): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return body.toString();
}

/** A form POST signed as Twilio signs it (override anything to tamper with it). */
export function twilioRequest(params: FormParams, options: { url?: string; signedUrl?: string; token?: string; signature?: string | null; body?: string; headers?: Record<string, string> } = {}): Request {
  const url = options.url ?? ENDPOINT;
  const signature = signTwilioRequest({ url: options.signedUrl ?? url, params, authToken: options.token ?? TWILIO_TOKEN }).signature;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...options.headers };
  if (options.signature !== null) headers['x-twilio-signature'] = options.signature ?? signature;
  return new Request(url, { method: 'POST', headers, body: options.body ?? formBody(params) });
}

export function twilioStatus(status: string, overrides: FormParams = {}): FormParams {
  return { AccountSid: 'AC3f9a2c41d07e4b8a9c15e62d8b7f0a13', ApiVersion: '2010-04-01', MessageSid: TWILIO_SID, SmsSid: TWILIO_SID, MessageStatus: status, SmsStatus: status, From: OURS, To: RECIPIENT, ...overrides };
}

export function twilioInbound(body: string, overrides: FormParams = {}): FormParams {
  return { AccountSid: 'AC3f9a2c41d07e4b8a9c15e62d8b7f0a13', ApiVersion: '2010-04-01', MessageSid: 'SM11111111111111111111111111111111', SmsMessageSid: 'SM11111111111111111111111111111111', SmsStatus: 'received', From: RECIPIENT, To: OURS, Body: body, NumMedia: '0', NumSegments: '1', ...overrides };
}

/** A JSON POST signed as Telnyx signs it, at the fixed clock. */
export function telnyxRequest(event: unknown, options: { url?: string; timestamp?: number; seed?: string; body?: string; headers?: Record<string, string> } = {}): Request {
  const body = options.body ?? JSON.stringify(event);
  const signed = signTelnyxRequest({ body, privateKey: options.seed ?? TELNYX_SEED, timestamp: options.timestamp ?? NOW_SECONDS });
  return new Request(options.url ?? ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json', ...signed.headers, ...options.headers }, body });
}

export function telnyxStatusEvent(eventType: 'message.sent' | 'message.finalized', status: string, options: { eventId?: string; errors?: unknown[]; messageId?: string } = {}): Record<string, unknown> {
  return {
    data: {
      event_type: eventType,
      id: options.eventId ?? `event-${eventType}-${status}`,
      occurred_at: '2026-01-01T00:00:00.000+00:00',
      payload: {
        id: options.messageId ?? TELNYX_ID,
        direction: 'outbound',
        from: { phone_number: OURS },
        to: [{ phone_number: RECIPIENT, status }],
        errors: options.errors ?? [],
        record_type: 'message',
        type: 'SMS',
      },
      record_type: 'event',
    },
    meta: { attempt: 1, delivered_to: ENDPOINT },
  };
}

export function telnyxInboundEvent(text: string, options: { messageId?: string; media?: unknown[] } = {}): Record<string, unknown> {
  return {
    data: {
      event_type: 'message.received',
      id: `event-received-${options.messageId ?? 'inbound-1'}`,
      occurred_at: '2026-01-01T00:00:00.000+00:00',
      payload: {
        id: options.messageId ?? 'b0c7e8cb-6227-4c74-9f32-c7f80c30934b',
        direction: 'inbound',
        from: { phone_number: RECIPIENT, carrier: 'T-Mobile USA', line_type: 'Wireless' },
        to: [{ phone_number: OURS, status: 'webhook_delivered' }],
        text,
        media: options.media ?? [],
        received_at: '2025-12-31T23:59:59.000+00:00',
        record_type: 'message',
        type: (options.media ?? []).length > 0 ? 'MMS' : 'SMS',
      },
      record_type: 'event',
    },
    meta: { attempt: 1, delivered_to: ENDPOINT },
  };
}

export interface WebhookSetup {
  readonly sms: SMSService;
  readonly provider: FakeProvider;
  readonly store: InMemoryMessageStore;
  readonly optOuts: InMemoryOptOutStore;
  readonly events: InMemoryEventPublisher;
  readonly published: SmsEvent[];
  readonly errors: { error: unknown; context: WebhookErrorContext }[];
  readonly handler: (request: Request) => Promise<Response>;
  readonly clock: { now: () => number; advance: (milliseconds: number) => void };
}

/** A service on a fake provider (id `providerId`) and a handler for both providers, sharing store, bus and opt-outs. */
export function setupWebhooks(options: { providerId?: string; outcomes?: FakeProviderOutcome[]; handler?: Partial<WebhookHandlerOptions> } = {}): WebhookSetup {
  let now = NOW;
  const clock = { now: () => now, advance: (milliseconds: number) => void (now += milliseconds) };
  const store = createInMemoryMessageStore();
  const optOuts = createInMemoryOptOutStore();
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));
  const provider = createFakeProvider({ id: options.providerId ?? 'twilio', outcomes: options.outcomes ?? [] });
  let id = 0;
  const sms = new SMSService({ providers: [provider], store, events, optOuts, clock, generateId: () => `id-${++id}`, retry: false });
  const errors: { error: unknown; context: WebhookErrorContext }[] = [];
  const handler = createWebhookHandler({
    service: sms,
    providers: { twilio: { authToken: TWILIO_TOKEN }, telnyx: { publicKey: TELNYX_PUBLIC_KEY } },
    clock,
    generateId: () => `hook-${++id}`,
    onError: (error, context) => void errors.push({ error, context }),
    ...options.handler,
  });
  return { sms, provider, store, optOuts, events, published, errors, handler, clock };
}

export function eventsOfType<Type extends SmsEvent['type']>(published: readonly SmsEvent[], type: Type): (SmsEvent & { type: Type })[] {
  return published.filter((event): event is SmsEvent & { type: Type } => event.type === type);
}
