import { describe, expect, it } from 'vitest';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { captureResultEvent, takeResultEvent } from '../../src/events/result-event-capture';
import type { SmsEvent, SmsResultEvent } from '../../src/events/sms-event';
import { SMSService } from '../../src/service/sms-service';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const to = '+14155552671';

function service() {
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));
  return { sms: new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], events }), published };
}

describe('captureResultEvent', () => {
  it('takes the send’s event through a wrapper that forwards nothing but the request', async () => {
    const { sms, published } = service();
    const wrapper = { send: (request: Parameters<SMSService['send']>[0]) => sms.send(request) };
    const captured = await captureResultEvent(() => wrapper.send({ to, body: 'Hi' }));
    expect(captured.ok).toBe(true);
    expect(captured.event).toMatchObject({ type: 'sms.sent', data: { message_id: captured.ok ? captured.value.id : '' } });
    expect(published).toEqual([]);
  });

  it('returns the error with the sms.failed the service built for it', async () => {
    const { sms } = service();
    const captured = await captureResultEvent(() => sms.send({ to: 'not a number', body: 'Hi' }));
    expect(captured.ok).toBe(false);
    expect(captured.ok ? undefined : captured.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'to' });
    expect(captured.event?.type).toBe('sms.failed');
  });

  it('takes one event: a second send inside the capture publishes as usual', async () => {
    const { sms, published } = service();
    const captured = await captureResultEvent(async () => {
      const first = await sms.send({ to, body: 'first' });
      await sms.send({ to, body: 'second' });
      return first;
    });
    expect(captured.event?.data.message_id).toBe(captured.ok ? captured.value.id : undefined);
    expect(published.map((event) => event.type)).toEqual(['sms.sent']);
    expect((published[0] as SmsResultEvent | undefined)?.data.message_id).not.toBe(captured.event?.data.message_id);
  });

  it('keeps concurrent captures apart', async () => {
    const { sms, published } = service();
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => captureResultEvent(() => sms.send({ to, body: `message ${index}` }))));
    for (const captured of results) expect(captured.event?.data.message_id).toBe(captured.ok ? captured.value.id : 'failed');
    expect(published).toEqual([]);
  });

  it('takes nothing outside a capture', () => {
    expect(takeResultEvent({ type: 'sms.sent' } as never)).toBe(false);
  });
});
