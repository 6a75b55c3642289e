// Cross-module scenario: the event schemas of src/events/contracts/ against the TypeScript event types and SMSService's own events.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { smsReceivedEventSchema } from '../../../src/events/contracts/sms-received-event-schema';
import { smsResultEventSchema } from '../../../src/events/contracts/sms-result-event-schema';
import { smsRetryingEventSchema } from '../../../src/events/contracts/sms-retrying-event-schema';
import { smsStatusEventSchema } from '../../../src/events/contracts/sms-status-event-schema';
import { createInMemoryEventPublisher } from '../../../src/events/in-memory-event-publisher';
import type { SmsEvent, SmsResultEvent, SmsRetryingEvent } from '../../../src/events/sms-event';
import { SMSService } from '../../../src/service/sms-service';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';
import type { SmsReceivedEvent, SmsStatusEvent } from '../../../src/events/sms-webhook-events';

describe('event schemas and the TypeScript event types agree', () => {
  it('in both directions, at compile time', () => {
    // Every event the library types can be parsed; what a schema parses is the library's type.
    expectTypeOf<SmsResultEvent>().toExtend<z.input<typeof smsResultEventSchema>>();
    expectTypeOf<z.output<typeof smsResultEventSchema>>().toExtend<SmsResultEvent>();
    expectTypeOf<SmsRetryingEvent>().toExtend<z.input<typeof smsRetryingEventSchema>>();
    expectTypeOf<z.output<typeof smsRetryingEventSchema>>().toExtend<SmsRetryingEvent>();
    expectTypeOf<SmsStatusEvent>().toExtend<z.input<typeof smsStatusEventSchema>>();
    expectTypeOf<z.output<typeof smsStatusEventSchema>>().toExtend<SmsStatusEvent>();
    expectTypeOf<SmsReceivedEvent>().toExtend<z.input<typeof smsReceivedEventSchema>>();
    expectTypeOf<z.output<typeof smsReceivedEventSchema>>().toExtend<SmsReceivedEvent>();
  });
});

describe('the service’s own events parse with the schemas', () => {
  async function eventsOf(outcomes: NonNullable<Parameters<typeof createFakeProvider>[0]>['outcomes'], request = { to: '+14155552671', body: 'Your code is 482913', tenantId: 'org-1' }) {
    const events = createInMemoryEventPublisher();
    const seen: SmsEvent[] = [];
    events.subscribe('*', (event) => void seen.push(event));
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio', outcomes })], events, retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 1 } });
    await sms.send(request).catch(() => undefined);
    return seen;
  }

  it('sms.sent', async () => {
    const [sent] = await eventsOf(['accept']);
    expect(smsResultEventSchema.parse(sent)).toEqual(sent);
  });

  it('sms.retrying, then sms.failed with its error', async () => {
    const [retrying, failed] = await eventsOf(['fail-before-send', { type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR', reason: 'INVALID_PHONE_NUMBER' }]);
    expect(retrying?.type).toBe('sms.retrying');
    expect(smsRetryingEventSchema.parse(retrying)).toEqual(retrying);
    expect(failed?.type).toBe('sms.failed');
    expect(smsResultEventSchema.parse(failed)).toEqual(failed);
  });

  it('sms.failed carries the provider’s own code and HTTP status, machine-readable', async () => {
    const [failed] = await eventsOf([{ type: 'reject', providerCode: '21211', httpStatus: 400, code: 'VALIDATION_ERROR', reason: 'INVALID_PHONE_NUMBER' }]);
    const event = smsResultEventSchema.parse(failed);
    expect(event.data.error).toMatchObject({ provider: 'twilio', provider_code: '21211', http_status: 400 });
  });

  it('an error without a provider answer has provider_code and http_status null', async () => {
    const [, failed] = await eventsOf(['fail-before-send', 'fail-before-send']);
    expect(smsResultEventSchema.parse(failed).data.error).toMatchObject({ provider_code: null, http_status: null });
  });

  it('sms.failed for a request refused by validation (nothing known about the message)', async () => {
    const [failed] = await eventsOf(['accept'], { to: 'not a number', body: 'Hi', tenantId: 'org-1' });
    expect(smsResultEventSchema.parse(failed)).toEqual(failed);
  });
});

describe('status and received schemas', () => {
  it('parse a typed sms.status and sms.received', () => {
    const status: SmsStatusEvent = {
      type: 'sms.status',
      schema_version: 1,
      event_id: 'e-2',
      correlation_id: 'm-1',
      tenant_id: 'org-1',
      timestamp: '2026-01-01T00:00:05.000Z',
      status: 'delivered',
      data: { message_id: 'm-1', provider_message_id: 'SM1', provider: 'twilio', status: 'delivered', previous_status: 'sent', provider_status: 'delivered', error_code: null, error: null },
    };
    const received: SmsReceivedEvent = {
      type: 'sms.received',
      schema_version: 1,
      event_id: 'e-3',
      correlation_id: 'in-1',
      tenant_id: null,
      timestamp: '2026-01-01T00:00:06.000Z',
      status: 'received',
      data: { id: 'in-1', provider: 'telnyx', provider_message_id: 'abc', from: '+14155552671', to: '+14155550100', body: 'STOP', media: [], received_at: '2026-01-01T00:00:06.000Z', opt_out_action: 'opt-out' },
    };
    expect(smsStatusEventSchema.parse(status)).toEqual(status);
    expect(smsReceivedEventSchema.parse(received)).toEqual(received);
    expect(smsStatusEventSchema.safeParse({ ...status, status: 'bounced' }).success).toBe(false);
  });
});
