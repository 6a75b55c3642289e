import { describe, expect, it } from 'vitest';
import { SMS_EVENT_SCHEMA_VERSION } from '../../src/events/sms-event';
import type { InboundMessage } from '../../src/messages/inbound-message';
import { createReceivedEvent } from '../../src/webhooks/create-received-event';

const message: InboundMessage = {
  id: 'inbound-1',
  provider: 'twilio',
  providerMessageId: 'SM9',
  from: '+14155552671',
  to: '+14155550100',
  body: 'STOP',
  media: [{ url: 'https://example.com/a.png', contentType: 'image/png' }, { url: 'https://example.com/b', contentType: null }],
  receivedAt: '2026-01-01T00:00:00.000Z',
  optOutAction: 'opt-out',
};

describe('createReceivedEvent', () => {
  it('maps the inbound message to the snake_case sms.received event', () => {
    expect(createReceivedEvent({ eventId: 'e1', tenantId: 'org-1', timestamp: Date.UTC(2026, 0, 1, 0, 0, 1), message })).toEqual({
      type: 'sms.received',
      schema_version: SMS_EVENT_SCHEMA_VERSION,
      event_id: 'e1',
      correlation_id: 'inbound-1',
      tenant_id: 'org-1',
      timestamp: '2026-01-01T00:00:01.000Z',
      status: 'received',
      data: {
        id: 'inbound-1',
        provider: 'twilio',
        provider_message_id: 'SM9',
        from: '+14155552671',
        to: '+14155550100',
        body: 'STOP',
        media: [
          { url: 'https://example.com/a.png', content_type: 'image/png' },
          { url: 'https://example.com/b', content_type: null },
        ],
        received_at: '2026-01-01T00:00:00.000Z',
        opt_out_action: 'opt-out',
      },
    });
  });

  it('keeps a null tenant and a null opt-out action', () => {
    const event = createReceivedEvent({ eventId: 'e2', tenantId: null, timestamp: 0, message: { ...message, optOutAction: null, media: [] } });
    expect(event.tenant_id).toBeNull();
    expect(event.data.opt_out_action).toBeNull();
    expect(event.data.media).toEqual([]);
  });
});
